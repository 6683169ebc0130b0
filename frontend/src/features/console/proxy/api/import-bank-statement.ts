import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PAY-05: the bank's statement file; matched transfers are confirmed, the rest listed. */
export async function importBankStatement(shopId: string, file: File) {
  const form = new FormData();
  form.append("file", file);
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/bank-statements", {
      params: { path: { shop_id: shopId } },
      // The generated type describes the form's fields; the body itself is the FormData.
      body: form as unknown as { file: string },
      bodySerializer: (body) => body as unknown as FormData,
    }),
  );
}
