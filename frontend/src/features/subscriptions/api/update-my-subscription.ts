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

/** Issue 12, item 10: consent to the raised prices, exactly as shown. */
export async function consentToPrices(
  id: string,
  items: components["schemas"]["PriceConsentRequest"]["items"],
) {
  return unwrap(
    await api.POST("/api/v1/me/subscriptions/{subscription_id}/price-consent", {
      params: { path: { subscription_id: id } },
      body: { items },
    }),
  );
}
