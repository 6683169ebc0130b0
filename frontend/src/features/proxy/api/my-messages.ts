import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** MSG-01: the order's thread as the member reads it (reading marks the shop's messages read). */
export function useMyMessages(orderId: string) {
  return useQuery({
    queryKey: ["my-proxy-orders", "messages", orderId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/me/proxy-orders/{order_id}/messages", {
          params: { path: { order_id: orderId } },
        }),
      ),
  });
}
