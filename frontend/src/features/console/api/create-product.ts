import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export type CreateProductRequest = components["schemas"]["CreateProductRequest"];

export async function createProduct(shopId: string, body: CreateProductRequest) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/products", { params: { path: { shop_id: shopId } }, body }),
  );
}
