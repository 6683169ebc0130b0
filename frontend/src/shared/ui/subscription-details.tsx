import { Badge, Card, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { formatDate, formatDateTime, yen } from "../../components/format";

type Subscription = components["schemas"]["SubscriptionResponse"];
type Cycle = components["schemas"]["CycleDto"];

/** "毎月31日" / "Every 14 days". */
export function useCycleLabel() {
  const { t } = useTranslation();
  return (cycle: Cycle) => t(`subscriptions.cycleLabel.${cycle.kind}`, { value: cycle.value });
}

const scheduleColor = { generated: "teal", skipped: "gray", upcoming: "blue" } as const;

/** What a price consent agreed to: each item with its price before and after. */
function consentedItems(content: Record<string, unknown>): string {
  const items = Array.isArray(content.items) ? (content.items as Record<string, unknown>[]) : [];
  return items
    .map((i) => `${String(i.product_name)} ${yen(String(i.price_before))} → ${yen(String(i.price))}`)
    .join(", ");
}

/** SUB-07, SUB-10: a subscription's summary, items and delivery schedule, for member and staff. */
export function SubscriptionDetails({ subscription: s }: { subscription: Subscription }) {
  const { t, i18n } = useTranslation();
  const cycle = useCycleLabel();
  const date = (d?: string | null) => (d ? formatDate(d, i18n.language) : "—");
  return (
    <Stack>
      <Card withBorder>
        <Stack gap={4}>
          <Text>
            {t("subscriptions.number")}: <b data-testid="subscription-number">{s.number}</b>{" "}
            <Badge color={s.status === "active" ? "teal" : "gray"}>
              {t(`subscriptions.status.${s.status}`)}
            </Badge>
          </Text>
          <Text>
            {t("subscriptions.cycle")}: <span data-testid="subscription-cycle">{cycle(s.cycle)}</span>
            {s.delivery_time_slot ? ` / ${t(`checkout.slots.${s.delivery_time_slot}`)}` : ""}
          </Text>
          <Text>
            {t("subscriptions.paymentMethod")}:{" "}
            {s.payment_method_name ?? t(`subscriptions.methods.${s.payment_method}`)}
          </Text>
          <Text>
            {t("subscriptions.deliveries")}: {s.deliveries}
          </Text>
          <Text>
            {t("subscriptions.nextDeliveryOn")}:{" "}
            <span data-testid="next-delivery">{date(s.next_delivery_on)}</span>
            {s.skip_next && (
              <Badge ml="xs" color="gray">
                {t("subscriptions.skipPlanned")}
              </Badge>
            )}
          </Text>
          <Text size="sm" c="dimmed">
            {t("subscriptions.nextGenerationOn")}: {date(s.next_generation_on)}
          </Text>
          <Text>
            {t("subscriptions.laterTotal")}: {yen(s.later_total)}
          </Text>
          <Text size="sm">
            {t("subscriptions.shipTo")}: 〒{s.ship_to.postal_code_display} {s.ship_to.prefecture_name}
            {s.ship_to.city}
            {s.ship_to.street} {s.ship_to.building} {s.ship_to.recipient_name}
          </Text>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={3} size="h5">
          {t("subscriptions.items")}
        </Title>
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("subscriptions.items")}</Table.Th>
                <Table.Th>{t("subscriptions.quantity")}</Table.Th>
                <Table.Th>{t("subscriptions.unitPrice")}</Table.Th>
                <Table.Th>{t("subscriptions.deliveries")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.items.map((item) => (
                <Table.Tr key={item.id} c={item.active ? undefined : "dimmed"}>
                  <Table.Td>
                    {item.product_name} ({item.color} / {item.size})
                  </Table.Td>
                  <Table.Td>×{item.quantity}</Table.Td>
                  <Table.Td>
                    {yen(item.unit_price)}
                    {item.proposed_price && (
                      <Badge ml="xs" color="orange" variant="light" data-testid="proposed-price">
                        {t("subscriptions.priceRaise.pending", { price: yen(item.proposed_price) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {item.deliveries}
                    {item.max_deliveries ? ` / ${item.max_deliveries}` : ""}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {s.schedule && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t("subscriptions.schedule")}
          </Title>
          <Table.ScrollContainer minWidth={360}>
            <Table data-testid="subscription-schedule">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("subscriptions.sequence")}</Table.Th>
                  <Table.Th>{t("subscriptions.deliveryOn")}</Table.Th>
                  <Table.Th>{t("subscriptions.generationOn")}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.schedule.map((d) => (
                  <Table.Tr key={d.delivery_on}>
                    <Table.Td>{d.sequence ?? "—"}</Table.Td>
                    <Table.Td>{date(d.delivery_on)}</Table.Td>
                    <Table.Td>{date(d.generation_on)}</Table.Td>
                    <Table.Td>
                      <Badge color={d.skip ? "gray" : scheduleColor[d.status]}>
                        {d.skip
                          ? t("subscriptions.skipPlanned")
                          : t(`subscriptions.scheduleStatus.${d.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {s.confirmation && (
        <Card withBorder>
          <Title order={3} size="h5">
            {t("subscriptions.confirmation")}
          </Title>
          <Text size="sm">
            {t("subscriptions.firstTotal")}:{" "}
            {yen(String((s.confirmation as Record<string, unknown>).first_total))}
            {" / "}
            {t("subscriptions.laterTotal")}:{" "}
            {yen(String((s.confirmation as Record<string, unknown>).later_total))}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
            {t("subscriptions.confirmationHash")}: {s.confirmation_sha256} (
            {formatDateTime(s.created_at, i18n.language)})
          </Text>
          {(s.price_consents ?? []).map((c) => (
            <Text key={c.content_sha256} size="xs" c="dimmed" style={{ wordBreak: "break-all" }}>
              {t("subscriptions.priceRaise.consented", {
                at: formatDateTime(c.consented_at, i18n.language),
              })}{" "}
              {consentedItems(c.content)} — SHA-256: {c.content_sha256}
            </Text>
          ))}
        </Card>
      )}
    </Stack>
  );
}
