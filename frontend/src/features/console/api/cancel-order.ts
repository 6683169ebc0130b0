import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function cancelShopOrder(shopId: string, orderId: string, key: string) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/orders/{order_id}/cancel", {
      params: { path: { shop_id: shopId, order_id: orderId }, header: { "Idempotency-Key": key } },
    }),
  );
}
