import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PAY-07: opens the hosted card page for what is due now; answers where to send the member. */
export async function startCardPayment(orderId: string) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/payment/card", {
      params: { path: { order_id: orderId } },
    }),
  );
}
