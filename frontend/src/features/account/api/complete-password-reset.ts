import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function completePasswordReset(token: string, password: string) {
  unwrap(await api.POST("/api/v1/auth/password-reset/complete", { body: { token, password } }));
}
