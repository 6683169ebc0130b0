import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** The shop's products for its staff, archived ones included. */
export function useShopProducts(shopId: string) {
  return useQuery({
    queryKey: ["console", shopId, "products"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/products", {
          params: { path: { shop_id: shopId }, query: { limit: 100 } },
        }),
      ),
  });
}
