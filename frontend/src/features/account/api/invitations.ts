import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { signIn } from "../../../auth/session";

export async function previewInvitation(token: string) {
  return unwrap(await api.POST("/api/v1/invitations/preview", { body: { token } }));
}

export interface NewStaffDetails {
  password: string;
  name: string;
  name_kana: string;
  phone: string;
}

/** ACC-04: joins the shop (with a new staff account, or the existing one) and signs in. */
export async function acceptInvitation(token: string, details: NewStaffDetails | null) {
  const tokens = unwrap(
    await api.POST("/api/v1/invitations/accept", { body: { token, ...(details ?? {}), use_cookie: true } }),
  );
  signIn(tokens);
  return tokens.account;
}
