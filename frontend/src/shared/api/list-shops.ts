import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import { usePaged } from "./paged";

/** The mall's shops by name, 100 a page (the filters and the console list them all). */
export function useShops() {
  return usePaged(["shops"], async (cursor) =>
    unwrap(await api.GET("/api/v1/shops", { params: { query: { cursor, limit: 100 } } })),
  );
}
