import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PRX-06: an inspection photo of an item at the warehouse, as multipart/form-data. */
export async function addItemPhoto(shopId: string, orderId: string, itemId: string, file: File) {
  const form = new FormData();
  form.append("file", file);
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/items/{item_id}/photos", {
      params: { path: { shop_id: shopId, order_id: orderId, item_id: itemId } },
      // The generated type describes the form's fields; the body itself is the FormData.
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}
