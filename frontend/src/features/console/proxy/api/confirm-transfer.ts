import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PAY-05: the amount that really arrived (short leaves the rest due, over goes to the deposit). */
export async function confirmTransfer(shopId: string, reportId: string, receivedAmount: string) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/transfer-reports/{report_id}/confirm", {
      params: { path: { shop_id: shopId, report_id: reportId } },
      body: { received_amount: receivedAmount },
    }),
  );
}
