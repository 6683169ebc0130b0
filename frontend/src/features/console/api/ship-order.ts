import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

/** ORD-03: captures the payment and ships; `key` stays the same for retries of one attempt. */
export async function shipOrder(
  shopId: string,
  orderId: string,
  body: components["schemas"]["ShipOrderRequest"],
  key: string,
) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/orders/{order_id}/ship", {
      params: { path: { shop_id: shopId, order_id: orderId }, header: { "Idempotency-Key": key } },
      body,
    }),
  );
}
