import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** SUB-05: plan (`skip`) or undo the skip of the next delivery. */
export async function skipDelivery(shopId: string, id: string, skip: boolean) {
  const params = { path: { shop_id: shopId, subscription_id: id } };
  const path = "/api/v1/shops/{shop_id}/subscriptions/{subscription_id}/skip";
  return unwrap(skip ? await api.POST(path, { params }) : await api.DELETE(path, { params }));
}
