import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

export function useCards() {
  return useQuery({ queryKey: ["cards"], queryFn: async () => unwrap(await api.GET("/api/v1/me/cards")) });
}
