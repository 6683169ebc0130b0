import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function archiveProduct(productId: string) {
  return unwrap(
    await api.POST("/api/v1/products/{product_id}/archive", { params: { path: { product_id: productId } } }),
  );
}
