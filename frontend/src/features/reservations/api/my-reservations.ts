import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export function useMyReservations() {
  return useQuery({
    queryKey: ["my-reservations"],
    queryFn: async () => unwrap(await api.GET("/api/v1/me/reservations")),
  });
}
