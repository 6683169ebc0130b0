import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** The generation ledger of a day, with the dry run of what would be generated on it. */
export function useGenerationDay(shopId: string, on: string) {
  return useQuery({
    queryKey: ["subscription-generation", shopId, on],
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(on),
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/subscription-generation", {
          params: { path: { shop_id: shopId }, query: { on } },
        }),
      ),
  });
}
