import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import { messageBody, type MessageDraft } from "../../../../shared/api/message-body";

/** MSG-01, MSG-02: a message from the shop to the member about the order, with up to three files. */
export async function sendProxyMessage(shopId: string, orderId: string, draft: MessageDraft) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/messages", {
      params: { path: { shop_id: shopId, order_id: orderId } },
      ...messageBody(draft),
    }),
  );
}
