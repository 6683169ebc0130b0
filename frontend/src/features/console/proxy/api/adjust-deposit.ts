import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

/** PAY-06: a staff adjustment of a member's deposit, with its reason. */
export async function adjustDeposit(
  shopId: string,
  accountId: string,
  body: components["schemas"]["DepositAdjustmentRequest"],
) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/members/{account_id}/deposit/adjustments", {
      params: { path: { shop_id: shopId, account_id: accountId } },
      body,
    }),
  );
}
