import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** SHOP-01: the service's message threads, the latest first, with unread counts. */
export function useProxyInbox(shopId: string) {
  return useQuery({
    queryKey: ["console", shopId, "proxy-inbox"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/proxy-messages", { params: { path: { shop_id: shopId } } }),
      ),
  });
}
