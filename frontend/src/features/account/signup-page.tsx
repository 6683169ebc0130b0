import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { requestSignup } from "./api/request-signup";
import { EmailLinkForm } from "./email-link-form";
import { safeNext } from "./login-page";

/** ACC-01: ask for a registration link; ACC-06: from a checkout, the link brings the member back to it. */
export function SignupPage() {
  const { t, i18n } = useTranslation();
  const next = safeNext(useSearchParams()[0].get("next"), "") || null;
  return (
    <EmailLinkForm
      title={t("auth.signupTitle")}
      lead={t("auth.signupLead")}
      submitLabel={t("auth.signupSubmit")}
      sentMessage={t("auth.signupSent")}
      send={(email) => requestSignup(email, i18n.language === "en" ? "en" : "ja", next)}
    />
  );
}
