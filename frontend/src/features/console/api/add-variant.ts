import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export async function addVariant(productId: string, body: components["schemas"]["VariantRequest"]) {
  return unwrap(
    await api.POST("/api/v1/products/{product_id}/variants", {
      params: { path: { product_id: productId } },
      body,
    }),
  );
}
