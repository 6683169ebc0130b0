import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

export async function endSubscription(shopId: string, id: string) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/subscriptions/{subscription_id}/end", {
      params: { path: { shop_id: shopId, subscription_id: id } },
    }),
  );
}
