import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";
import type { components } from "../../../../api/schema";

/** PRX-01, PAY-07: the owner changes the fee rule and the card surcharge (new quotes use them). */
export async function updateProxySettings(shopId: string, body: components["schemas"]["ProxySettingsDto"]) {
  return unwrap(
    await api.PUT("/api/v1/shops/{shop_id}/proxy-settings", { params: { path: { shop_id: shopId } }, body }),
  );
}
