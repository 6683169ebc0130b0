import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PRX-04: a new quantity for an item before payment; the 1st invoice is recalculated. */
export async function changeItemQuantity(orderId: string, itemId: string, quantity: number) {
  return unwrap(
    await api.PATCH("/api/v1/me/proxy-orders/{order_id}/items/{item_id}", {
      params: { path: { order_id: orderId, item_id: itemId } },
      body: { quantity },
    }),
  );
}
