import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PAY-06: the member's deposit at a service, with its ledger. */
export function useMyDeposit(shopId: string) {
  return useQuery({
    queryKey: ["my-proxy-orders", "deposit", shopId],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/me/deposits/{shop_id}", { params: { path: { shop_id: shopId } } })),
  });
}
