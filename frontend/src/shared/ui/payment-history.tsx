import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { formatDateTime, formatDeadline, yen } from "../../components/format";

/**
 * PAY-03: the payment request and every attempt made at the provider, in words (why a card failed, not its
 * code; the provider's reference stays out of sight).
 */
export function PaymentHistory({
  payment,
}: {
  payment: components["schemas"]["PaymentResponse"] | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  if (!payment) return <Text c="dimmed">{t("pay.noRequest")}</Text>;
  return (
    <Stack gap="xs" data-testid="payment-history">
      <Title order={3} size="h5">
        {t("pay.history")}
      </Title>
      <Text size="sm">
        {t(`pay.requestStatus.${payment.status}`)} ・ {yen(payment.amount)} ・ {t("pay.expires")}{" "}
        {formatDeadline(payment.expires_at, i18n.language)}
      </Text>
      {payment.attempts.map((a) => (
        <Group
          key={`${a.kind}-${a.created_at}-${a.provider_ref ?? a.failure_code ?? ""}`}
          gap="xs"
          role="row"
          wrap="wrap"
        >
          <Badge color={a.succeeded ? "teal" : "red"} variant="light">
            {t(`pay.attempt.${a.kind}`)} {a.succeeded ? t("pay.succeeded") : t("pay.failed")}
          </Badge>
          <Text size="sm">{yen(a.amount)}</Text>
          <Text size="sm" c="dimmed">
            {formatDateTime(a.created_at, i18n.language)}
          </Text>
          {!a.succeeded && (
            <Text size="sm" title={a.failure_code ?? undefined}>
              {t(`pay.failure.${a.failure_code ?? "other"}`, { defaultValue: t("pay.failure.other") })}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}
