import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

/** PRX-01: sends a purchase request; `key` stays the same for retries of one attempt. */
export async function submitProxyRequest(body: components["schemas"]["SubmitProxyRequest"], key: string) {
  return unwrap(
    await api.POST("/api/v1/me/proxy-orders", { params: { header: { "Idempotency-Key": key } }, body }),
  );
}
