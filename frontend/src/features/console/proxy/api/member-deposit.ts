import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PAY-06: a member's deposit balance and ledger at this service. */
export function useMemberDeposit(shopId: string, accountId: string) {
  return useQuery({
    queryKey: ["console", shopId, "deposit", accountId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/members/{account_id}/deposit", {
          params: { path: { shop_id: shopId, account_id: accountId } },
        }),
      ),
  });
}
