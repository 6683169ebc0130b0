import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

/** MSG-01: a message from the member to the shop about the order. */
export async function sendMyMessage(orderId: string, body: components["schemas"]["SendMessageRequest"]) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/messages", {
      params: { path: { order_id: orderId } },
      body,
    }),
  );
}
