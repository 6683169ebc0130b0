import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

export function useShop(shopId: string) {
  return useQuery({
    queryKey: ["shops", shopId],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/shops/{shop_id}", { params: { path: { shop_id: shopId } } })),
  });
}
