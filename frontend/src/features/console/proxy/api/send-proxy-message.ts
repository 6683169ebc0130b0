import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

/** MSG-01: a message from the shop to the member about the order. */
export async function sendProxyMessage(
  shopId: string,
  orderId: string,
  body: components["schemas"]["SendMessageRequest"],
) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/messages", {
      params: { path: { shop_id: shopId, order_id: orderId } },
      body,
    }),
  );
}
