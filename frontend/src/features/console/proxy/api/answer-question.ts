import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PRX-05: answers the member's question about an item, which may then be bought. */
export async function answerQuestion(shopId: string, orderId: string, itemId: string, answer: string) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/items/{item_id}/answer", {
      params: { path: { shop_id: shopId, order_id: orderId, item_id: itemId } },
      body: { answer },
    }),
  );
}
