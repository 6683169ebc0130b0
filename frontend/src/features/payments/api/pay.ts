import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** `key` stays the same for retries of one attempt (PAY-09): a double click pays once. */
export async function pay(token: string, cardId: string, key: string) {
  return unwrap(
    await api.POST("/api/v1/payment-requests/{token}/pay", {
      params: { path: { token }, header: { "Idempotency-Key": key } },
      body: { card_id: cardId },
    }),
  );
}
