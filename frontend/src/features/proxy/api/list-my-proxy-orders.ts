import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
export type ProxyList = "in_progress" | "completed" | "cancelled";

/** PRX-10: the member's proxy orders in progress, completed or cancelled. */
export function useMyProxyOrders(list: ProxyList) {
  return useQuery({
    queryKey: ["my-proxy-orders", "list", list],
    queryFn: async () => unwrap(await api.GET("/api/v1/me/proxy-orders", { params: { query: { list } } })),
  });
}
