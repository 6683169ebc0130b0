import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export async function updateMySubscription(
  id: string,
  body: components["schemas"]["UpdateMySubscriptionRequest"],
) {
  return unwrap(
    await api.PATCH("/api/v1/me/subscriptions/{subscription_id}", {
      params: { path: { subscription_id: id } },
      body,
    }),
  );
}
