import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

export function useAddresses() {
  return useQuery({
    queryKey: ["addresses"],
    queryFn: async () => unwrap(await api.GET("/api/v1/me/addresses")),
  });
}
