import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

/** `key` stays the same for retries of one attempt (PAY-09): a double click reserves once. */
export async function createReservation(
  body: components["schemas"]["CreateReservationRequest"],
  key: string,
) {
  return unwrap(
    await api.POST("/api/v1/reservations", { body, params: { header: { "Idempotency-Key": key } } }),
  );
}
