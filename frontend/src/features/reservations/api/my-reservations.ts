import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { usePaged } from "../../../shared/api/paged";

export function useMyReservations() {
  return usePaged(["my-reservations"], async (cursor) =>
    unwrap(await api.GET("/api/v1/me/reservations", { params: { query: { cursor } } })),
  );
}
