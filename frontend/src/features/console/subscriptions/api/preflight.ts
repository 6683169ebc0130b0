import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** What will go wrong with the generations of the next `days` days. */
export function usePreflight(shopId: string, days: number) {
  return useQuery({
    queryKey: ["subscription-preflight", shopId, days],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/subscription-preflight", {
          params: { path: { shop_id: shopId }, query: { days } },
        }),
      ),
  });
}
