import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export function useMyOrders() {
  return useQuery({
    queryKey: ["my-orders"],
    queryFn: async () => unwrap(await api.GET("/api/v1/me/orders")),
  });
}
