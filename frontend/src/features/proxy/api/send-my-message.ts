import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { messageBody, type MessageDraft } from "../../../shared/api/message-body";

/** MSG-01, MSG-02: a message from the member to the shop about the order, with up to three files. */
export async function sendMyMessage(orderId: string, draft: MessageDraft) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/messages", {
      params: { path: { order_id: orderId } },
      ...messageBody(draft),
    }),
  );
}
