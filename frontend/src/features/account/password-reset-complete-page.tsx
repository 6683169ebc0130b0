import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { clearSession } from "../../auth/session";
import { useFormErrors } from "../../components/use-server-errors";
import { check, isPassword } from "../../components/validation";
import { completePasswordReset } from "./api/complete-password-reset";
import { AuthCard } from "./auth-card";

export function PasswordResetCompletePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const token = useSearchParams()[0].get("token") ?? "";
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"password" | "token">();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = check({ password: !isPassword(password) && "error.passwordLength" });
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      await completePasswordReset(token, password);
      // The reset signed out every session, this browser's too.
      clearSession();
      notifications.show({ color: "teal", message: t("auth.resetDone") });
      void navigate("/login", { replace: true });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  if (!token) {
    return (
      <AuthCard title={t("auth.resetCompleteTitle")}>
        <Alert color="red">{t("auth.missingToken")}</Alert>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t("auth.resetCompleteTitle")} error={errors.general}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <PasswordInput
            label={t("auth.newPassword")}
            description={t("auth.passwordHint")}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.errorOf("password")}
          />
          <Button type="submit" loading={busy}>
            {t("auth.resetCompleteSubmit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
