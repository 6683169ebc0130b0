import { Alert, Button, Center, Loader, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ApiProblem } from "../api/problem";

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" />
      <Text ml="sm" c="dimmed">
        {t("state.loading")}
      </Text>
    </Center>
  );
}

export function Empty({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" ta="center" py="xl">
      {message ?? t("state.empty")}
    </Text>
  );
}

/** A readable message for any error the API client throws. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiProblem) {
      const key = `problem.${error.code}`;
      if (i18n.exists(key)) return t(key);
      if (error.code === "network_error") return t("error.network");
      return error.problem.detail ?? t("error.generic");
    }
    return t("error.network");
  };
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const notFound = error instanceof ApiProblem && error.status === 404;
  return (
    <Stack align="center" py="xl">
      <Alert
        color={notFound ? "gray" : "red"}
        title={notFound ? t("state.notFound") : t("state.error")}
        role="alert"
      >
        {message(error)}
      </Alert>
      {onRetry && !notFound && <Button onClick={onRetry}>{t("state.retry")}</Button>}
    </Stack>
  );
}
