import { useTranslation } from "react-i18next";
import { requestPasswordReset } from "./api/request-password-reset";
import { EmailLinkForm } from "./email-link-form";

/** ACC-03: ask for a password-reset link. */
export function PasswordResetPage() {
  const { t } = useTranslation();
  return (
    <EmailLinkForm
      title={t("auth.resetTitle")}
      lead={t("auth.resetLead")}
      submitLabel={t("auth.resetSubmit")}
      sentMessage={t("auth.resetSent")}
      send={requestPasswordReset}
    />
  );
}
