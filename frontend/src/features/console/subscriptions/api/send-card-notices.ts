import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** SUB-11: email the members of these subscriptions, with the shop's own words if any. */
export async function sendCardNotices(shopId: string, subscriptionIds: string[], message: string) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/subscription-cards/notices", {
      params: { path: { shop_id: shopId } },
      body: { subscription_ids: subscriptionIds, message: message.trim() || null },
    }),
  );
}
