import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import { messageBody, type MessageDraft } from "./message-body";
import type { TimelineKind } from "./timelines";

/** What a thread is about: a delivery order, a reservation or a proxy order (MSG-01). */
export type ThreadKind = TimelineKind;

/** Whose thread, as which side reads it: the member, or staff of the shop. */
export type ThreadRef = { kind: ThreadKind; id: string; shopId?: string };

const memberRoot = { order: "my-orders", reservation: "my-reservations", proxy: "my-proxy-orders" } as const;
const segment = { order: "orders", reservation: "reservations", proxy: "proxy-orders" } as const;

/** The thread's query key: under the member's list of that kind, or under the shop's console. */
export function threadKey({ kind, id, shopId }: ThreadRef) {
  return shopId ? ["console", shopId, "messages", kind, id] : [memberRoot[kind], "messages", id];
}

/** The API path of the order as this side reads it; its files are under `…/attachments/{id}`. */
export function threadBase({ kind, id, shopId }: ThreadRef): string {
  return shopId ? `/api/v1/shops/${shopId}/${segment[kind]}/${id}` : `/api/v1/me/${segment[kind]}/${id}`;
}

async function readThread({ kind, id, shopId }: ThreadRef) {
  if (shopId) {
    if (kind === "order")
      return unwrap(
        await api.GET("/api/v1/shops/{shop_id}/orders/{order_id}/messages", {
          params: { path: { shop_id: shopId, order_id: id } },
        }),
      );
    if (kind === "reservation")
      return unwrap(
        await api.GET("/api/v1/shops/{shop_id}/reservations/{reservation_id}/messages", {
          params: { path: { shop_id: shopId, reservation_id: id } },
        }),
      );
    return unwrap(
      await api.GET("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/messages", {
        params: { path: { shop_id: shopId, order_id: id } },
      }),
    );
  }
  if (kind === "order")
    return unwrap(
      await api.GET("/api/v1/me/orders/{order_id}/messages", { params: { path: { order_id: id } } }),
    );
  if (kind === "reservation")
    return unwrap(
      await api.GET("/api/v1/me/reservations/{reservation_id}/messages", {
        params: { path: { reservation_id: id } },
      }),
    );
  return unwrap(
    await api.GET("/api/v1/me/proxy-orders/{order_id}/messages", { params: { path: { order_id: id } } }),
  );
}

/** MSG-01: the thread as this side reads it (reading marks the other side's messages read). */
export function useOrderMessages(ref: ThreadRef, enabled = true) {
  return useQuery({ queryKey: threadKey(ref), queryFn: () => readThread(ref), enabled });
}

/** MSG-01, MSG-02: a message to the other side, with up to three files. */
export async function sendOrderMessage({ kind, id, shopId }: ThreadRef, draft: MessageDraft) {
  const body = messageBody(draft);
  if (shopId) {
    if (kind === "order")
      return unwrap(
        await api.POST("/api/v1/shops/{shop_id}/orders/{order_id}/messages", {
          params: { path: { shop_id: shopId, order_id: id } },
          ...body,
        }),
      );
    if (kind === "reservation")
      return unwrap(
        await api.POST("/api/v1/shops/{shop_id}/reservations/{reservation_id}/messages", {
          params: { path: { shop_id: shopId, reservation_id: id } },
          ...body,
        }),
      );
    return unwrap(
      await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/messages", {
        params: { path: { shop_id: shopId, order_id: id } },
        ...body,
      }),
    );
  }
  if (kind === "order")
    return unwrap(
      await api.POST("/api/v1/me/orders/{order_id}/messages", {
        params: { path: { order_id: id } },
        ...body,
      }),
    );
  if (kind === "reservation")
    return unwrap(
      await api.POST("/api/v1/me/reservations/{reservation_id}/messages", {
        params: { path: { reservation_id: id } },
        ...body,
      }),
    );
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/messages", {
      params: { path: { order_id: id } },
      ...body,
    }),
  );
}

/** SHOP-01: the shop's threads of every kind, the latest first, with unread counts. */
export function useShopInbox(shopId: string) {
  return useQuery({
    queryKey: ["console", shopId, "inbox"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/message-threads", { params: { path: { shop_id: shopId } } }),
      ),
  });
}
