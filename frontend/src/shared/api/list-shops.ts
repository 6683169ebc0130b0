import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

export function useShops() {
  return useQuery({ queryKey: ["shops"], queryFn: async () => unwrap(await api.GET("/api/v1/shops")) });
}
