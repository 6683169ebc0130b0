import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** PAY-05, PAY-06: what is due now and the ways to pay it. */
export function usePaymentOptions(orderId: string) {
  return useQuery({
    queryKey: ["my-proxy-orders", "payment", orderId],
    retry: false,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/me/proxy-orders/{order_id}/payment", {
          params: { path: { order_id: orderId } },
        }),
      ),
  });
}
