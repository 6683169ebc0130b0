import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import { updateAccount } from "../../../auth/session";

export async function updateProfile(changes: { name: string; name_kana: string; phone: string }) {
  const account = unwrap(await api.PATCH("/api/v1/me", { body: changes }));
  updateAccount(account);
  return account;
}
