import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PAY-06: pays what is due from the deposit, as far as it goes. */
export async function payWithDeposit(orderId: string) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/payment/deposit", {
      params: { path: { order_id: orderId } },
    }),
  );
}
