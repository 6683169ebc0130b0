import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

/** ACC-07: the member's points and the newest movements. */
export function usePoints() {
  return useQuery({
    queryKey: ["points"],
    queryFn: async () => unwrap(await api.GET("/api/v1/me/points", { params: { query: { limit: 20 } } })),
  });
}
