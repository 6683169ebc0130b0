import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PAY-06: where refunds of the order's cancelled paid items go — the deposit or the card that paid. */
export async function setRefundTo(orderId: string, refundTo: "deposit" | "card") {
  return unwrap(
    await api.PUT("/api/v1/me/proxy-orders/{order_id}/refund-to", {
      params: { path: { order_id: orderId } },
      body: { refund_to: refundTo },
    }),
  );
}
