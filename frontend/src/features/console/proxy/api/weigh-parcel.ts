import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

/** PRX-08: the parcel's weight, size and method; issues the 2nd invoice from the rate table. */
export async function weighParcel(
  shopId: string,
  orderId: string,
  body: components["schemas"]["WeighRequest"],
) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/parcel", {
      params: { path: { shop_id: shopId, order_id: orderId } },
      body,
    }),
  );
}
