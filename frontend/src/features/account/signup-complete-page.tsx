import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { useFormErrors } from "../../components/use-server-errors";
import { check, isKana, isPassword, isPhone } from "../../components/validation";
import { completeSignup } from "./api/complete-signup";
import { AuthCard } from "./auth-card";

type Field = "token" | "password" | "name" | "name_kana" | "phone";

/** ACC-01: the page the emailed link opens. */
export function SignupCompletePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useSearchParams()[0].get("token") ?? "";
  const [form, setForm] = useState({ password: "", name: "", name_kana: "", phone: "" });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();
  const set = (field: keyof typeof form) => (event: { currentTarget: { value: string } }) =>
    setForm({ ...form, [field]: event.currentTarget.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = check<Field>({
      token: false,
      password: !isPassword(form.password) && "error.passwordLength",
      name: !form.name.trim() && "error.required",
      name_kana: !isKana(form.name_kana) && "error.invalidKana",
      phone: !isPhone(form.phone) && "error.invalidPhone",
    });
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      const account = await completeSignup({ token, ...form });
      notifications.show({ color: "teal", message: t("auth.welcome", { name: account.name }) });
      void navigate("/mypage", { replace: true });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <AuthCard title={t("auth.completeTitle")}>
        <Alert color="red">{t("auth.missingToken")}</Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("auth.completeTitle")} error={errors.general}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <PasswordInput
            label={t("auth.password")}
            description={t("auth.passwordHint")}
            autoComplete="new-password"
            required
            value={form.password}
            onChange={set("password")}
            error={errors.errorOf("password")}
          />
          <TextInput
            label={t("auth.name")}
            autoComplete="name"
            required
            value={form.name}
            onChange={set("name")}
            error={errors.errorOf("name")}
          />
          <TextInput
            label={t("auth.nameKana")}
            required
            value={form.name_kana}
            onChange={set("name_kana")}
            error={errors.errorOf("name_kana")}
          />
          <TextInput
            label={t("auth.phone")}
            type="tel"
            autoComplete="tel"
            required
            value={form.phone}
            onChange={set("phone")}
            error={errors.errorOf("phone")}
          />
          <Button type="submit" loading={busy}>
            {t("auth.completeSubmit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
