import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export function useMyProxyOrder(orderId: string) {
  return useQuery({
    queryKey: ["my-proxy-orders", "order", orderId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/me/proxy-orders/{order_id}", { params: { path: { order_id: orderId } } }),
      ),
  });
}
