import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

/** PAY-06: a transfer made to top up the deposit; staff confirm it when the money arrives. */
export async function reportTopUp(shopId: string, body: components["schemas"]["TransferReportRequest"]) {
  return unwrap(
    await api.POST("/api/v1/me/deposits/{shop_id}/top-up-reports", {
      params: { path: { shop_id: shopId } },
      body,
    }),
  );
}
