import { Alert, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { Loading, useErrorMessage } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { check, isKana, isPassword, isPhone } from "../../components/validation";
import { acceptInvitation, previewInvitation } from "./api/invitations";
import { AuthCard } from "./auth-card";

type Field = "token" | "password" | "name" | "name_kana" | "phone";

/** ACC-04: the page an invitation email opens: which shop, as what, then join. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const token = useSearchParams()[0].get("token") ?? "";
  const preview = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => previewInvitation(token),
    enabled: token !== "",
    retry: false,
  });
  const [form, setForm] = useState({ password: "", name: "", name_kana: "", phone: "" });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();
  const set = (field: keyof typeof form) => (event: { currentTarget: { value: string } }) =>
    setForm({ ...form, [field]: event.currentTarget.value });

  if (!token || preview.isError) {
    return (
      <AuthCard title={t("invitation.title")}>
        <Alert color="red" role="alert">
          {token ? message(preview.error) : t("auth.missingToken")}
        </Alert>
      </AuthCard>
    );
  }
  if (preview.isPending) return <Loading />;
  const invitation = preview.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!invitation.has_account) {
      const invalid = check<Field>({
        token: false,
        password: !isPassword(form.password) && "error.passwordLength",
        name: !form.name.trim() && "error.required",
        name_kana: !isKana(form.name_kana) && "error.invalidKana",
        phone: !isPhone(form.phone) && "error.invalidPhone",
      });
      if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    }
    setBusy(true);
    try {
      const account = await acceptInvitation(token, invitation.has_account ? null : form);
      notifications.show({
        color: "teal",
        message: t("invitation.joined", { name: account.name, shop: invitation.shop.name }),
      });
      void navigate("/console", { replace: true });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t("invitation.title")} error={errors.general}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Text data-testid="invitation-summary">
            {t("invitation.summary", {
              shop: invitation.shop.name,
              role: t(`staff.role.${invitation.role}`),
            })}
          </Text>
          <TextInput label={t("auth.email")} value={invitation.email} readOnly />
          {invitation.has_account ? (
            <Text size="sm" c="dimmed">
              {t("invitation.existingAccount")}
            </Text>
          ) : (
            <>
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
            </>
          )}
          <Button type="submit" loading={busy}>
            {t("invitation.accept")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
