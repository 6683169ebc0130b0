import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PAY-07: the sandbox hosted page, for the member it was opened for. */
export function useSandboxCheckout(sessionId: string) {
  return useQuery({
    queryKey: ["sandbox-checkout", sessionId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/payments/sandbox-checkout/{session_id}", {
          params: { path: { session_id: sessionId } },
        }),
      ),
  });
}
