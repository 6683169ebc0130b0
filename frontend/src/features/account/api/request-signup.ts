import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function requestSignup(email: string, locale: "ja" | "en") {
  return unwrap(await api.POST("/api/v1/auth/signup", { body: { email, locale } }));
}
