import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PRX-04: cancels one item before payment; the 1st invoice is recalculated. */
export async function cancelProxyItem(orderId: string, itemId: string) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/items/{item_id}/cancel", {
      params: { path: { order_id: orderId, item_id: itemId } },
    }),
  );
}
