import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export type ShopSettings = components["schemas"]["ShopSettingsDto"];

export function useShopSettings(shopId: string) {
  return useQuery({
    queryKey: ["console", shopId, "settings"],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/shops/{shop_id}/settings", { params: { path: { shop_id: shopId } } })),
  });
}
