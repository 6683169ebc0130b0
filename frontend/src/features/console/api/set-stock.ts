import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function setStock(shopId: string, variantId: string, quantity: number) {
  return unwrap(
    await api.PUT("/api/v1/shops/{shop_id}/stock/{variant_id}", {
      params: { path: { shop_id: shopId, variant_id: variantId } },
      body: { quantity },
    }),
  );
}
