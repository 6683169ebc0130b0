import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../components/use-server-errors";
import { check, isEmail } from "../../components/validation";
import { requestPasswordReset } from "./api/request-password-reset";
import { AuthCard } from "./auth-card";

export function PasswordResetPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"email">();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = check({ email: !isEmail(email) && "error.invalidEmail" });
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      await requestPasswordReset(email.trim());
      setSent(true);
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t("auth.resetTitle")} error={errors.general}>
      {sent ? (
        <Alert color="teal" role="status">
          {t("auth.resetSent")}
        </Alert>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Text size="sm">{t("auth.resetLead")}</Text>
            <TextInput
              label={t("auth.email")}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={errors.errorOf("email")}
            />
            <Button type="submit" loading={busy}>
              {t("auth.resetSubmit")}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
