import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PRX-08: staff keep a disputed weight, explaining why; the 2nd invoice may be paid again. */
export async function keepWeight(shopId: string, orderId: string, note: string) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/weight-dispute/keep", {
      params: { path: { shop_id: shopId, order_id: orderId } },
      body: { note },
    }),
  );
}
