import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

type Path = { params: { path: { shop_id: string; reservation_id: string } } };
const path = (shopId: string, reservationId: string): Path => ({
  params: { path: { shop_id: shopId, reservation_id: reservationId } },
});

/** RSV-02: stock secured, held until the deadline; the member is mailed the pickup number. */
export async function confirmReservation(shopId: string, reservationId: string) {
  return unwrap(
    await api.POST(
      "/api/v1/shops/{shop_id}/reservations/{reservation_id}/confirm",
      path(shopId, reservationId),
    ),
  );
}

/** RSV-02: cannot supply it. */
export async function rejectReservation(shopId: string, reservationId: string) {
  return unwrap(
    await api.POST(
      "/api/v1/shops/{shop_id}/reservations/{reservation_id}/reject",
      path(shopId, reservationId),
    ),
  );
}

/** RSV-03, RSV-04: hand over at the counter, recording an in-store payment. */
export async function completeReservation(shopId: string, reservationId: string, paidInStore: boolean) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/reservations/{reservation_id}/complete", {
      ...path(shopId, reservationId),
      body: { paid_in_store: paidInStore },
    }),
  );
}

/** RSV-03: the pickup desk. */
export async function findPickup(shopId: string, pickupNumber: string) {
  return unwrap(
    await api.GET("/api/v1/shops/{shop_id}/pickups/{pickup_number}", {
      params: { path: { shop_id: shopId, pickup_number: pickupNumber } },
    }),
  );
}
