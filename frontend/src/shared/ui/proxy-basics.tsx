import { Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/format";
import type { ProxyOrder } from "../api/proxy-order";

/** PRX-02: number, service, dates, destination and the member's wishes. */
export function OrderBasics({ order }: { order: ProxyOrder }) {
  const { t, i18n } = useTranslation();
  const to = order.ship_to;
  return (
    <Card withBorder>
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t("proxy.basics")}
        </Title>
        <Text size="sm">
          {t("proxy.form.service")}: {order.shop.name}
        </Text>
        <Text size="sm">
          {t("proxy.requestedAt")}: {formatDateTime(order.created_at, i18n.language)}
        </Text>
        <Text size="sm">
          {t("proxy.form.shipTo")}: 〒{to.postal_code_display} {to.prefecture_name}
          {to.city}
          {to.street} {to.building ?? ""} {to.recipient_name}
        </Text>
        <Text size="sm">
          {t("proxy.priority.label")}: {t(`proxy.priority.${order.shipping_priority}`)}
        </Text>
        {order.note && (
          <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
            {t("proxy.note")}: {order.note}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
