import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { signIn } from "../../../auth/session";

export interface SignupDetails {
  token: string;
  password: string;
  name: string;
  name_kana: string;
  phone: string;
}

export async function completeSignup(details: SignupDetails) {
  const tokens = unwrap(
    await api.POST("/api/v1/auth/signup/complete", { body: { ...details, use_cookie: true } }),
  );
  signIn(tokens);
  return tokens.account;
}
