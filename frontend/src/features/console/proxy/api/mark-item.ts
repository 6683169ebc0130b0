import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

export type ItemStep = components["schemas"]["ItemStepDto"];

/** PRX-06: an item moves on: purchased, arrived at the warehouse, inspected. */
export async function markItem(shopId: string, orderId: string, itemId: string, status: ItemStep) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/items/{item_id}/status", {
      params: { path: { shop_id: shopId, order_id: orderId, item_id: itemId } },
      body: { status },
    }),
  );
}
