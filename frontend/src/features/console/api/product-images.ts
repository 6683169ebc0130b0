import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

const path = (productId: string) => ({ params: { path: { product_id: productId } } });

/** CAT-02: a picture goes up as multipart/form-data; the browser sets the boundary. */
export async function uploadProductImage(productId: string, file: File, alt: string) {
  const form = new FormData();
  form.append("file", file);
  form.append("alt", alt);
  return unwrap(
    await api.POST("/api/v1/products/{product_id}/images", {
      ...path(productId),
      // The generated type describes the form's fields; the body itself is the FormData.
      body: form as unknown as { file: string; alt?: string | null },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}

export async function describeProductImage(productId: string, imageId: string, alt: string) {
  return unwrap(
    await api.PATCH("/api/v1/products/{product_id}/images/{image_id}", {
      params: { path: { product_id: productId, image_id: imageId } },
      body: { alt },
    }),
  );
}

export async function reorderProductImages(productId: string, imageIds: string[]) {
  return unwrap(
    await api.PUT("/api/v1/products/{product_id}/images/order", {
      ...path(productId),
      body: { image_ids: imageIds },
    }),
  );
}

export async function deleteProductImage(productId: string, imageId: string) {
  return unwrap(
    await api.DELETE("/api/v1/products/{product_id}/images/{image_id}", {
      params: { path: { product_id: productId, image_id: imageId } },
    }),
  );
}
