import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

/** `key` must stay the same for retries of one attempt (PAY-09), so a double click orders once. */
export async function placeOrders(body: components["schemas"]["PlaceOrdersRequest"], key: string) {
  return unwrap(await api.POST("/api/v1/orders", { body, params: { header: { "Idempotency-Key": key } } }));
}
