import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { SubscriptionCheckout } from "./review-subscription";

/** `key` stays the same for retries of one attempt (PAY-09): a double click subscribes once. */
export async function placeSubscription(body: SubscriptionCheckout, key: string) {
  return unwrap(
    await api.POST("/api/v1/me/subscriptions", { body, params: { header: { "Idempotency-Key": key } } }),
  );
}
