import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export type TimelineEvent = components["schemas"]["TimelineEventResponse"];

export type TimelineKind = "order" | "reservation" | "proxy";

/** An order's or reservation's timeline, as the shop's staff read it (SHOP-02). */
export function useShopTimeline(shopId: string, kind: TimelineKind, id: string) {
  return useQuery({
    queryKey: ["console", shopId, "timeline", kind, id],
    queryFn: async () =>
      kind === "proxy"
        ? unwrap(
            await api.GET("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/timeline", {
              params: { path: { shop_id: shopId, order_id: id } },
            }),
          )
        : kind === "order"
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
export function useMyTimeline(kind: TimelineKind, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [
      { order: "my-orders", reservation: "my-reservations", proxy: "my-proxy-orders" }[kind],
      "timeline",
      id,
    ],
    enabled,
    queryFn: async () =>
      kind === "proxy"
        ? unwrap(
            await api.GET("/api/v1/me/proxy-orders/{order_id}/timeline", {
              params: { path: { order_id: id } },
            }),
          )
        : kind === "order"
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
