import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export function useSubscriptionCart() {
  return useQuery({
    queryKey: ["subscription-cart"],
    queryFn: async () => unwrap(await api.GET("/api/v1/me/subscription-cart")),
  });
}
