import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export type Shipping = components["schemas"]["ShippingDto"];

export function useShopShipping(shopId: string) {
  return useQuery({
    queryKey: ["console", shopId, "shipping"],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/shops/{shop_id}/shipping", { params: { path: { shop_id: shopId } } })),
  });
}

export async function updateShopShipping(shopId: string, body: Shipping) {
  return unwrap(
    await api.PUT("/api/v1/shops/{shop_id}/shipping", { params: { path: { shop_id: shopId } }, body }),
  );
}
