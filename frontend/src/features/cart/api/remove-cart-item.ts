import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function removeCartItem(variantId: string) {
  return unwrap(
    await api.DELETE("/api/v1/me/cart/items/{variant_id}", { params: { path: { variant_id: variantId } } }),
  );
}
