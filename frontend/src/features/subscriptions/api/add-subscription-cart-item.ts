import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function addSubscriptionCartItem(variantId: string, quantity: number) {
  return unwrap(
    await api.POST("/api/v1/me/subscription-cart/items", { body: { variant_id: variantId, quantity } }),
  );
}
