import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PRX-13: the public comments members left on receipt. */
export function useArrivalReports(shopId: string) {
  return useQuery({
    queryKey: ["arrival-reports", shopId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/arrival-reports", { params: { path: { shop_id: shopId } } }),
      ),
  });
}
