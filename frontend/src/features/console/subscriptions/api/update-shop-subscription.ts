import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

export async function updateShopSubscription(
  shopId: string,
  id: string,
  body: components["schemas"]["UpdateShopSubscriptionRequest"],
) {
  return unwrap(
    await api.PATCH("/api/v1/shops/{shop_id}/subscriptions/{subscription_id}", {
      params: { path: { shop_id: shopId, subscription_id: id } },
      body,
    }),
  );
}
