import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PAY-05: no such transfer arrived. */
export async function rejectTransfer(shopId: string, reportId: string) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/transfer-reports/{report_id}/reject", {
      params: { path: { shop_id: shopId, report_id: reportId } },
    }),
  );
}
