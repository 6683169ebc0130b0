import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export function useMySubscription(id: string | undefined) {
  return useQuery({
    queryKey: ["my-subscriptions", id],
    enabled: !!id,
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/me/subscriptions/{subscription_id}", {
          params: { path: { subscription_id: id ?? "" } },
        }),
      ),
  });
}
