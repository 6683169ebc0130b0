import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../components/use-server-errors";
import { check, isEmail } from "../../components/validation";
import { AuthCard } from "./auth-card";

/** An email-only form that asks the API to mail a link (sign-up, password reset), then says it did. */
export function EmailLinkForm(props: {
  title: string;
  lead: string;
  submitLabel: string;
  sentMessage: string;
  send: (email: string) => Promise<unknown>;
}) {
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
      await props.send(email.trim());
      errors.clear();
      setSent(true);
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={props.title} error={errors.general}>
      {sent ? (
        <Alert color="teal" role="status">
          {props.sentMessage}
        </Alert>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Text size="sm">{props.lead}</Text>
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
              {props.submitLabel}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
