import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PRX-05: asks the service to check something with the seller; the item waits for the answer. */
export async function askBeforeBuying(orderId: string, itemId: string, question: string) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/items/{item_id}/question", {
      params: { path: { order_id: orderId, item_id: itemId } },
      body: { question },
    }),
  );
}
