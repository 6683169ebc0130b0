import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

export type SubscriptionSettings = components["schemas"]["SubscriptionSettingsDto"];

export function useSubscriptionSettings(shopId: string) {
  return useQuery({
    queryKey: ["subscription-settings", shopId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/subscription-settings", {
          params: { path: { shop_id: shopId } },
        }),
      ),
  });
}

export async function updateSubscriptionSettings(shopId: string, body: SubscriptionSettings) {
  return unwrap(
    await api.PUT("/api/v1/shops/{shop_id}/subscription-settings", {
      params: { path: { shop_id: shopId } },
      body,
    }),
  );
}
