import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

/** PRX-07: a local shipping cost of an exchange or a return, billed on the 2nd invoice. */
export async function addLocalCharge(
  shopId: string,
  orderId: string,
  body: components["schemas"]["LocalChargeRequest"],
) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/local-charges", {
      params: { path: { shop_id: shopId, order_id: orderId } },
      body,
    }),
  );
}
