import { Alert, Button, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { safeNext } from "./login-page";
import { useNavigate, useSearchParams } from "react-router";
import { useFormErrors } from "../../components/use-server-errors";
import { completeSignup } from "./api/complete-signup";
import { AuthCard } from "./auth-card";
import { EMPTY_ACCOUNT, NewAccountFields, type NewAccountField, checkNewAccount } from "./new-account-fields";

/** ACC-01: the page the emailed link opens. */
export function SignupCompletePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const [form, setForm] = useState(EMPTY_ACCOUNT);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<NewAccountField>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = checkNewAccount(form);
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      const account = await completeSignup({ token, ...form });
      notifications.show({ color: "teal", message: t("auth.welcome", { name: account.name }) });
      // ACC-06: back to the checkout the member signed up from.
      void navigate(safeNext(params.get("next"), "/mypage"), { replace: true });
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
          <NewAccountFields form={form} onChange={setForm} errorOf={errors.errorOf} />
          <Button type="submit" loading={busy}>
            {t("auth.completeSubmit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
