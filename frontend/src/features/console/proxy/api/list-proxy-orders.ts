import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

export type ProxyStatus = components["schemas"]["ProxyStatus"];

/** The service's proxy orders, oldest first, optionally in one status (the request queue is `requested`). */
export function useProxyOrders(shopId: string, status: ProxyStatus | null) {
  return useQuery({
    queryKey: ["console", shopId, "proxy-orders", status],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/proxy-orders", {
          params: { path: { shop_id: shopId }, query: { status: status ?? undefined } },
        }),
      ),
  });
}
