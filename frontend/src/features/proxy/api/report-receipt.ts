import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

/** PRX-09, PRX-13: the parcel arrived fine (with an optional public comment), or with a problem. */
export async function reportReceipt(orderId: string, body: components["schemas"]["ReceiptRequest"]) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/receipt", {
      params: { path: { order_id: orderId } },
      body,
    }),
  );
}
