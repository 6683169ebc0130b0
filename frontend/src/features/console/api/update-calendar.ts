import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export async function updateCalendar(shopId: string, body: components["schemas"]["UpdateCalendarRequest"]) {
  return unwrap(
    await api.PUT("/api/v1/shops/{shop_id}/calendar", { params: { path: { shop_id: shopId } }, body }),
  );
}
