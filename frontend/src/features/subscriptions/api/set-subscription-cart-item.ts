import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** 0 removes the line. */
export async function setSubscriptionCartItem(variantId: string, quantity: number) {
  return unwrap(
    await api.PUT("/api/v1/me/subscription-cart/items/{variant_id}", {
      params: { path: { variant_id: variantId } },
      body: { quantity },
    }),
  );
}
