import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PRX-08: the member disputes the parcel's weight; the 2nd invoice waits for staff. */
export async function disputeWeight(orderId: string, note: string) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/weight-dispute", {
      params: { path: { order_id: orderId } },
      body: { note },
    }),
  );
}
