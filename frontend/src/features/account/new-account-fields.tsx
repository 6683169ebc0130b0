import { PasswordInput, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { check, isKana, isPassword, isPhone } from "../../components/validation";

export interface NewAccount {
  password: string;
  name: string;
  name_kana: string;
  phone: string;
}

export type NewAccountField = keyof NewAccount | "token";

export const EMPTY_ACCOUNT: NewAccount = { password: "", name: "", name_kana: "", phone: "" };

/** What the server would refuse in a new account's details, checked before sending. */
export function checkNewAccount(form: NewAccount) {
  return check<NewAccountField>({
    token: false,
    password: !isPassword(form.password) && "error.passwordLength",
    name: !form.name.trim() && "error.required",
    name_kana: !isKana(form.name_kana) && "error.invalidKana",
    phone: !isPhone(form.phone) && "error.invalidPhone",
  });
}

/** Password, name, its reading and phone: what a new account needs (ACC-01 sign-up, ACC-04 invitations). */
export function NewAccountFields({
  form,
  onChange,
  errorOf,
}: {
  form: NewAccount;
  onChange: (form: NewAccount) => void;
  errorOf: (field: NewAccountField) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (field: keyof NewAccount) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...form, [field]: event.currentTarget.value });
  return (
    <>
      <PasswordInput
        label={t("auth.password")}
        description={t("auth.passwordHint")}
        autoComplete="new-password"
        required
        value={form.password}
        onChange={set("password")}
        error={errorOf("password")}
      />
      <TextInput
        label={t("auth.name")}
        autoComplete="name"
        required
        value={form.name}
        onChange={set("name")}
        error={errorOf("name")}
      />
      <TextInput
        label={t("auth.nameKana")}
        required
        value={form.name_kana}
        onChange={set("name_kana")}
        error={errorOf("name_kana")}
      />
      <TextInput
        label={t("auth.phone")}
        type="tel"
        autoComplete="tel"
        required
        value={form.phone}
        onChange={set("phone")}
        error={errorOf("phone")}
      />
    </>
  );
}
