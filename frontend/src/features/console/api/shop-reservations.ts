import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";
import { usePaged } from "../../../shared/api/paged";

export type ReservationStatus = components["schemas"]["ReservationStatusDto"];

export function useShopReservations(
  shopId: string,
  filter: { status?: ReservationStatus; visit_date?: string; q?: string },
) {
  return usePaged(["console", shopId, "reservations", filter], async (cursor) =>
    unwrap(
      await api.GET("/api/v1/shops/{shop_id}/reservations", {
        params: { path: { shop_id: shopId }, query: { ...filter, q: filter.q || undefined, cursor } },
      }),
    ),
  );
}
