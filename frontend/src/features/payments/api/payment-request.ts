import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export function usePaymentRequest(token: string) {
  return useQuery({
    queryKey: ["payment-request", token],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/payment-requests/{token}", { params: { path: { token } } })),
    retry: false,
  });
}
