import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** What a shop offers on subscription (public). */
export function useSubscriptionTerms(shopId: string | undefined) {
  return useQuery({
    queryKey: ["subscription-terms", shopId],
    enabled: !!shopId,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/subscription-terms", {
          params: { path: { shop_id: shopId ?? "" } },
        }),
      ),
  });
}
