import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function cancelReservation(reservationId: string, key: string) {
  return unwrap(
    await api.POST("/api/v1/me/reservations/{reservation_id}/cancel", {
      params: { path: { reservation_id: reservationId }, header: { "Idempotency-Key": key } },
    }),
  );
}
