import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export type OrderStatus = components["schemas"]["OrderStatusDto"];

export function useShopOrders(shopId: string, status: OrderStatus | null, q = "") {
  return useQuery({
    queryKey: ["console", shopId, "orders", status, q],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/orders", {
          params: { path: { shop_id: shopId }, query: { status: status ?? undefined, q: q || undefined } },
        }),
      ),
  });
}
