import { Card, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, yen } from "../../components/format";
import type { ProxyOrder } from "../api/proxy-order";

/** PRX-08: the weighed parcel, its method and rate table, the carrier and tracking number. */
export function ShipmentCard({ order }: { order: ProxyOrder }) {
  const { t, i18n } = useTranslation();
  const { parcel, shipment } = order;
  return (
    <Card withBorder data-testid="shipment">
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t("proxy.shipment")}
        </Title>
        {parcel && (
          <Text size="sm">
            {t("proxy.parcel", {
              weight: parcel.weight_grams.toLocaleString(),
              length: parcel.length_cm,
              width: parcel.width_cm,
              height: parcel.height_cm,
            })}
            {parcel.method && ` ・ ${t(`proxy.method.${parcel.method}`)}`}
            {parcel.rate_table && ` ・ ${t("proxy.estimator.rateTable", { version: parcel.rate_table })}`}
          </Text>
        )}
        {order.storage && (
          <Text size="sm" data-testid="storage">
            {t("proxy.storage", {
              since: formatDate(order.storage.since, i18n.language),
              until: formatDate(order.storage.free_until, i18n.language),
              fee: yen(order.storage.fee_per_day),
            })}
          </Text>
        )}
        {shipment ? (
          <>
            <Text size="sm">
              {t("proxy.carrier")}: {shipment.carrier} ・ {t("proxy.tracking")}: {shipment.tracking_number}
            </Text>
            <Text size="sm" c="dimmed">
              {t("proxy.shippedAt")}: {formatDateTime(shipment.shipped_at, i18n.language)}
            </Text>
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t("proxy.notShipped")}
          </Text>
        )}
        {order.receipt_comment && (
          <Text size="sm">{t("proxy.receipt.comment_shown", { comment: order.receipt_comment })}</Text>
        )}
      </Stack>
    </Card>
  );
}
