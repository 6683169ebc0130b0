import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export async function updateProduct(productId: string, body: components["schemas"]["UpdateProductRequest"]) {
  return unwrap(
    await api.PATCH("/api/v1/products/{product_id}", { params: { path: { product_id: productId } }, body }),
  );
}
