import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../components/use-server-errors";
import { check, isEmail } from "../../components/validation";
import { requestSignup } from "./api/request-signup";
import { AuthCard } from "./auth-card";

export function SignupPage() {
  const { t, i18n } = useTranslation();
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
      await requestSignup(email.trim(), i18n.language === "en" ? "en" : "ja");
      errors.clear();
      setSent(true);
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t("auth.signupTitle")} error={errors.general}>
      {sent ? (
        <Alert color="teal" role="status">
          {t("auth.signupSent")}
        </Alert>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Text size="sm">{t("auth.signupLead")}</Text>
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
              {t("auth.signupSubmit")}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
