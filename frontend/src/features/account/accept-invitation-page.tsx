import { Alert, Button, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import { Loading, useErrorMessage } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { acceptInvitation, previewInvitation } from "./api/invitations";
import { AuthCard } from "./auth-card";
import { EMPTY_ACCOUNT, NewAccountFields, type NewAccountField, checkNewAccount } from "./new-account-fields";

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
  const [form, setForm] = useState(EMPTY_ACCOUNT);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<NewAccountField>();

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
      const invalid = checkNewAccount(form);
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
            <NewAccountFields form={form} onChange={setForm} errorOf={errors.errorOf} />
          )}
          <Button type="submit" loading={busy}>
            {t("invitation.accept")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
