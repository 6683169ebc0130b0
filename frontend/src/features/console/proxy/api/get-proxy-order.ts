import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

export function useProxyOrder(shopId: string, orderId: string) {
  return useQuery({
    queryKey: ["console", shopId, "proxy-order", orderId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/proxy-orders/{order_id}", {
          params: { path: { shop_id: shopId, order_id: orderId } },
        }),
      ),
  });
}
