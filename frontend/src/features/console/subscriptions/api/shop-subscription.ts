import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

export function useShopSubscription(shopId: string, id: string | undefined) {
  return useQuery({
    queryKey: ["shop-subscriptions", shopId, id],
    enabled: !!id,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/subscriptions/{subscription_id}", {
          params: { path: { shop_id: shopId, subscription_id: id ?? "" } },
        }),
      ),
  });
}
