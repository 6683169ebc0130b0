import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PAY-07: pays on the sandbox page (no money moves; the page sends itself the provider's webhook). */
export async function paySandboxCheckout(sessionId: string) {
  return unwrap(
    await api.POST("/api/v1/payments/sandbox-checkout/{session_id}/pay", {
      params: { path: { session_id: sessionId } },
    }),
  );
}
