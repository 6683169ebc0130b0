import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { usePaged } from "../../../shared/api/paged";

export function useMyOrders() {
  return usePaged(["my-orders"], async (cursor) =>
    unwrap(await api.GET("/api/v1/me/orders", { params: { query: { cursor } } })),
  );
}
