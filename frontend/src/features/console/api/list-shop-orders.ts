import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";
import { usePaged } from "../../../shared/api/paged";

export type OrderStatus = components["schemas"]["OrderStatusDto"];

export type OrderSort = "newest" | "oldest";

export function useShopOrders(
  shopId: string,
  status: OrderStatus | null,
  q = "",
  sort: OrderSort = "newest",
) {
  return usePaged(["console", shopId, "orders", status, q, sort], async (cursor) =>
    unwrap(
      await api.GET("/api/v1/shops/{shop_id}/orders", {
        params: {
          path: { shop_id: shopId },
          query: { status: status ?? undefined, q: q || undefined, sort, cursor },
        },
      }),
    ),
  );
}
