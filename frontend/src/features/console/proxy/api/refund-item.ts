import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PAY-06: cancels a paid item the seller cannot supply; what was paid for it goes to the deposit. */
export async function refundItem(shopId: string, orderId: string, itemId: string, reason: string) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/items/{item_id}/refund", {
      params: { path: { shop_id: shopId, order_id: orderId, item_id: itemId } },
      body: { reason },
    }),
  );
}
