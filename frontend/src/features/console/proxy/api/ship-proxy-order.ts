import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

/** PRX-08: ships a paid parcel with carrier and tracking number. */
export async function shipProxyOrder(
  shopId: string,
  orderId: string,
  body: components["schemas"]["ShipProxyRequest"],
) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/ship", {
      params: { path: { shop_id: shopId, order_id: orderId } },
      body,
    }),
  );
}
