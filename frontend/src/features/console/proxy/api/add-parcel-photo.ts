import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PRX-08: a photo of the weighed parcel (the scale's reading), as multipart/form-data. */
export async function addParcelPhoto(shopId: string, orderId: string, file: File) {
  const form = new FormData();
  form.append("file", file);
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/proxy-orders/{order_id}/parcel-photos", {
      params: { path: { shop_id: shopId, order_id: orderId } },
      // The generated type describes the form's fields; the body itself is the FormData.
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}
