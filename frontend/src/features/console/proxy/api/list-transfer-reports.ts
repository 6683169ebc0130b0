import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PAY-05: transfer reports waiting for staff to check the bank account. */
export function useTransferReports(shopId: string) {
  return useQuery({
    queryKey: ["console", shopId, "transfer-reports"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/transfer-reports", { params: { path: { shop_id: shopId } } }),
      ),
  });
}
