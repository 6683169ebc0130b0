import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

/** PAY-05: the member's payment-completion report for a bank transfer. */
export async function reportTransfer(orderId: string, body: components["schemas"]["TransferReportRequest"]) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders/{order_id}/payment/transfer-reports", {
      params: { path: { order_id: orderId } },
      body,
    }),
  );
}
