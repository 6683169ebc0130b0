import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export async function updateVariant(
  productId: string,
  variantId: string,
  body: components["schemas"]["UpdateVariantRequest"],
) {
  return unwrap(
    await api.PATCH("/api/v1/products/{product_id}/variants/{variant_id}", {
      params: { path: { product_id: productId, variant_id: variantId } },
      body,
    }),
  );
}
