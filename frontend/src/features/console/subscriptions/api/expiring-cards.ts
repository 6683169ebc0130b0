import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** SUB-11: the shop's subscription cards nearing or past their expiry. */
export function useExpiringCards(shopId: string) {
  return useQuery({
    queryKey: ["subscription-cards", shopId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/subscription-cards", {
          params: { path: { shop_id: shopId } },
        }),
      ),
  });
}
