import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** Cancels an unpaid order: its stock goes back and its payment link stops working. */
export async function cancelMyOrder(orderId: string) {
  return unwrap(
    await api.POST("/api/v1/me/orders/{order_id}/cancel", { params: { path: { order_id: orderId } } }),
  );
}
