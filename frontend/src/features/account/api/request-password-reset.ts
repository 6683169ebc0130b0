import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function requestPasswordReset(email: string) {
  return unwrap(await api.POST("/api/v1/auth/password-reset", { body: { email } }));
}
