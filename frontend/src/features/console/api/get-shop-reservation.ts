import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export function useShopReservation(shopId: string, reservationId: string) {
  return useQuery({
    queryKey: ["console", shopId, "reservation", reservationId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/reservations/{reservation_id}", {
          params: { path: { shop_id: shopId, reservation_id: reservationId } },
        }),
      ),
  });
}
