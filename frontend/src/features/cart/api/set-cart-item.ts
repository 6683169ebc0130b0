import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function setCartItem(variantId: string, quantity: number) {
  return unwrap(
    await api.PUT("/api/v1/me/cart/items/{variant_id}", {
      params: { path: { variant_id: variantId } },
      body: { quantity },
    }),
  );
}
