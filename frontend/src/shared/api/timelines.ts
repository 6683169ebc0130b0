import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export type TimelineEvent = components["schemas"]["TimelineEventResponse"];

/** An order's or reservation's timeline, as the shop's staff read it (SHOP-02). */
export function useShopTimeline(shopId: string, kind: "order" | "reservation", id: string) {
  return useQuery({
    queryKey: ["console", shopId, "timeline", kind, id],
    queryFn: async () =>
      kind === "order"
        ? unwrap(
            await api.GET("/api/v1/shops/{shop_id}/orders/{order_id}/timeline", {
              params: { path: { shop_id: shopId, order_id: id } },
            }),
          )
        : unwrap(
            await api.GET("/api/v1/shops/{shop_id}/reservations/{reservation_id}/timeline", {
              params: { path: { shop_id: shopId, reservation_id: id } },
            }),
          ),
  });
}

/** One of the member's orders' or reservations' timeline (ORD-04), fetched when `enabled`. */
export function useMyTimeline(kind: "order" | "reservation", id: string, enabled: boolean) {
  return useQuery({
    queryKey: [kind === "order" ? "my-orders" : "my-reservations", "timeline", id],
    enabled,
    queryFn: async () =>
      kind === "order"
        ? unwrap(
            await api.GET("/api/v1/me/orders/{order_id}/timeline", { params: { path: { order_id: id } } }),
          )
        : unwrap(
            await api.GET("/api/v1/me/reservations/{reservation_id}/timeline", {
              params: { path: { reservation_id: id } },
            }),
          ),
  });
}
