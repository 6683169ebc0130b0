import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

/** PRX-01: prices every item and issues (or re-issues) the 1st invoice. */
export async function quoteProxyOrder(
  shopId: string,
  orderId: string,
  body: components["schemas"]["QuoteRequest"],
) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/quote", {
      params: { path: { shop_id: shopId, order_id: orderId } },
      body,
    }),
  );
}
