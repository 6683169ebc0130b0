import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export function useCart(enabled = true) {
  return useQuery({
    queryKey: ["cart"],
    enabled,
    queryFn: async () => unwrap(await api.GET("/api/v1/me/cart")),
  });
}
