import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export type SubscriptionCheckout = components["schemas"]["SubscriptionCheckoutRequest"];

/** The final confirmation of the subscription cart with these choices; nothing is placed. */
export async function reviewSubscription(body: SubscriptionCheckout) {
  return unwrap(await api.POST("/api/v1/me/subscriptions/review", { body }));
}
