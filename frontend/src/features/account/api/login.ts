import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { signIn } from "../../../auth/session";

export async function login(email: string, password: string) {
  const tokens = unwrap(
    await api.POST("/api/v1/auth/login", { body: { email, password, use_cookie: true } }),
  );
  signIn(tokens);
  return tokens.account;
}
