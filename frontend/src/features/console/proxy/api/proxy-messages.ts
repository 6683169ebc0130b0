import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** MSG-01: the order's thread as staff read it (reading marks the member's messages read). */
export function useProxyMessages(shopId: string, orderId: string) {
  return useQuery({
    queryKey: ["console", shopId, "proxy-messages", orderId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/messages", {
          params: { path: { shop_id: shopId, order_id: orderId } },
        }),
      ),
  });
}
