import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { ShopSettings } from "./shop-settings";

export async function updateShopSettings(shopId: string, body: ShopSettings) {
  return unwrap(
    await api.PUT("/api/v1/shops/{shop_id}/settings", { params: { path: { shop_id: shopId } }, body }),
  );
}
