import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export function useQueues(shopId: string) {
  return useQuery({
    queryKey: ["console", shopId, "queues"],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/shops/{shop_id}/queues", { params: { path: { shop_id: shopId } } })),
  });
}
