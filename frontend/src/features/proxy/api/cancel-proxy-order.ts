import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PRX-03: cancels the whole order before the 1st payment. */
export async function cancelProxyOrder(orderId: string) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/cancel", { params: { path: { order_id: orderId } } }),
  );
}
