import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import { usePaged } from "../../../../shared/api/paged";

export type SubscriptionStatus = "active" | "ended";

export function useShopSubscriptions(shopId: string, status: SubscriptionStatus | undefined, q: string) {
  return usePaged(["shop-subscriptions", shopId, status, q], async (cursor) =>
    unwrap(
      await api.GET("/api/v1/shops/{shop_id}/subscriptions", {
        params: { path: { shop_id: shopId }, query: { cursor, limit: 20, status, q: q || undefined } },
      }),
    ),
  );
}
