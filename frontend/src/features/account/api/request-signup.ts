import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** ACC-01, ACC-06: a registration link; `next` is where it brings the new member back to. */
export async function requestSignup(email: string, locale: "ja" | "en", next?: string | null) {
  return unwrap(await api.POST("/api/v1/auth/signup", { body: { email, locale, next: next || null } }));
}
