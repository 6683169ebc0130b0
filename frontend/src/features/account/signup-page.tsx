import { useTranslation } from "react-i18next";
import { requestSignup } from "./api/request-signup";
import { EmailLinkForm } from "./email-link-form";

/** ACC-01: ask for a registration link. */
export function SignupPage() {
  const { t, i18n } = useTranslation();
  return (
    <EmailLinkForm
      title={t("auth.signupTitle")}
      lead={t("auth.signupLead")}
      submitLabel={t("auth.signupSubmit")}
      sentMessage={t("auth.signupSent")}
      send={(email) => requestSignup(email, i18n.language === "en" ? "en" : "ja")}
    />
  );
}
