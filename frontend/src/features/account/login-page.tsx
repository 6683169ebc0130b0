import { Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useFormErrors } from "../../components/use-server-errors";
import { check, isEmail } from "../../components/validation";
import { login } from "./api/login";
import { AuthCard } from "./auth-card";

/** Where to go after signing in: the page that asked, if it is one of ours. */
export function safeNext(next: string | null, fallback: string): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : fallback;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"email" | "password">();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = check({
      email: !isEmail(email) && "error.invalidEmail",
      password: !password && "error.required",
    });
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      const account = await login(email, password);
      void navigate(safeNext(params.get("next"), account.role === "member" ? "/mypage" : "/console"), {
        replace: true,
      });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t("auth.loginTitle")} error={errors.general}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput
            label={t("auth.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.errorOf("email")}
          />
          <PasswordInput
            label={t("auth.password")}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.errorOf("password")}
          />
          <Button type="submit" loading={busy}>
            {t("auth.loginSubmit")}
          </Button>
          <Anchor component={Link} to="/password-reset" size="sm">
            {t("auth.forgot")}
          </Anchor>
          <Anchor
            component={Link}
            to={
              params.get("next") ? `/signup?next=${encodeURIComponent(params.get("next") ?? "")}` : "/signup"
            }
            size="sm"
          >
            {t("auth.noAccount")}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
