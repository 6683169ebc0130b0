import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function checkOrderStock(shopId: string, orderId: string, rejectedLineIds: string[]) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/orders/{order_id}/stock-check", {
      params: { path: { shop_id: shopId, order_id: orderId } },
      body: { rejected_line_ids: rejectedLineIds },
    }),
  );
}
