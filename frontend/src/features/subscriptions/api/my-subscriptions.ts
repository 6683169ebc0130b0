import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { usePaged } from "../../../shared/api/paged";

export function useMySubscriptions() {
  return usePaged(["my-subscriptions"], async (cursor) =>
    unwrap(await api.GET("/api/v1/me/subscriptions", { params: { query: { cursor, limit: 20 } } })),
  );
}
