import {
  Anchor,
  Badge,
  Button,
  Card,
  Chip,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import type { components } from "../../../api/schema";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { formatDate, formatDateTime } from "../../../components/format";
import { PageTitle } from "../../../components/page-title";
import { Empty, ErrorState, Loading } from "../../../components/states";
import { useAction } from "../../../components/use-action";
import { MoreButton } from "../../../shared/ui/more-button";
import { SubscriptionDetails, useCycleLabel } from "../../../shared/ui/subscription-details";
import { Forbidden } from "../forbidden";
import { useCanManage } from "../use-managed-shop";
import { endSubscription } from "./api/end-subscription";
import { useShopSubscription } from "./api/shop-subscription";
import { type SubscriptionStatus, useShopSubscriptions } from "./api/shop-subscriptions";
import { skipDelivery } from "./api/skip-delivery";
import { updateShopSubscription } from "./api/update-shop-subscription";

/** SUB-07: the shop's subscriptions with their last and next generation and delivery dates. */
export function ConsoleSubscriptionsPage() {
  const { t, i18n } = useTranslation();
  const { shopId = "" } = useParams();
  const allowed = useCanManage(shopId);
  const [status, setStatus] = useState<SubscriptionStatus | "all">("active");
  const [q, setQ] = useState("");
  const list = useShopSubscriptions(shopId, status === "all" ? undefined : status, q);
  const cycle = useCycleLabel();
  const date = (d?: string | null) => (d ? formatDate(d, i18n.language) : "—");
  if (!allowed) return <Forbidden />;
  return (
    <Stack>
      <PageTitle>{t("subscriptionConsole.list")}</PageTitle>
      <Group>
        <Chip.Group value={status} onChange={(v) => setStatus(v as SubscriptionStatus | "all")}>
          {(["active", "ended", "all"] as const).map((s) => (
            <Chip key={s} value={s}>
              {t(`subscriptionConsole.filter.${s}`)}
            </Chip>
          ))}
        </Chip.Group>
        <TextInput
          aria-label={t("subscriptionConsole.search")}
          placeholder={t("subscriptionConsole.search")}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        <Button component={Link} to={`/console/shops/${shopId}/subscription-generation`} variant="default">
          {t("subscriptionConsole.generation.title")}
        </Button>
        <Button component={Link} to={`/console/shops/${shopId}/subscription-cards`} variant="default">
          {t("subscriptionConsole.cards.title")}
        </Button>
        <Button component={Link} to={`/console/shops/${shopId}/subscription-settings`} variant="default">
          {t("subscriptionConsole.settings")}
        </Button>
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.items.length === 0 ? (
        <Empty message={t("subscriptions.none")} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="subscription-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("subscriptions.number")}</Table.Th>
                <Table.Th>{t("subscriptionConsole.member")}</Table.Th>
                <Table.Th>{t("subscriptions.cycle")}</Table.Th>
                <Table.Th>{t("subscriptionConsole.lastGeneration")}</Table.Th>
                <Table.Th>{t("subscriptionConsole.nextGeneration")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/console/shops/${shopId}/subscriptions/${s.id}`}>
                      {s.number}
                    </Anchor>{" "}
                    {s.status === "ended" && <Badge color="gray">{t("subscriptions.status.ended")}</Badge>}
                  </Table.Td>
                  <Table.Td>{s.ship_to.recipient_name}</Table.Td>
                  <Table.Td>{cycle(s.cycle)}</Table.Td>
                  <Table.Td>
                    {s.last_generated_at ? formatDateTime(s.last_generated_at, i18n.language) : "—"}
                    <Text size="xs" c="dimmed">
                      {date(s.last_delivery_on)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {date(s.next_generation_on)}
                    <Text size="xs" c="dimmed">
                      {date(s.next_delivery_on)}
                      {s.skip_next && ` (${t("subscriptions.skipPlanned")})`}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <MoreButton query={list} />
    </Stack>
  );
}

type Subscription = components["schemas"]["SubscriptionResponse"];

/** SUB-07, issue 12 item 10: the shop's price and quantity per item; a raise waits for the member. */
function ItemsEdit({ shopId, s }: { shopId: string; s: Subscription }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["shop-subscriptions", shopId]);
  const items = s.items.filter((i) => i.active);
  const [edits, setEdits] = useState<Record<string, { price: number | string; quantity: number | string }>>(
    () =>
      Object.fromEntries(
        items.map((i) => [i.id, { price: Number(i.proposed_price ?? i.unit_price), quantity: i.quantity }]),
      ),
  );
  const changed = items.filter((i) => {
    const e = edits[i.id];
    return e && (String(e.price) !== (i.proposed_price ?? i.unit_price) || Number(e.quantity) !== i.quantity);
  });
  const save = () =>
    void run(
      () =>
        updateShopSubscription(shopId, s.id, {
          items: changed.map((i) => ({
            action: "update" as const,
            id: i.id,
            unit_price: String(edits[i.id]?.price ?? i.unit_price),
            quantity: Number(edits[i.id]?.quantity ?? i.quantity),
          })),
        }),
      "subscriptionConsole.itemsSaved",
    );
  return (
    <Card withBorder data-testid="items-edit">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t("subscriptionConsole.editItems")}
        </Title>
        <Text size="xs" c="dimmed">
          {t("subscriptionConsole.editItemsLead")}
        </Text>
        {items.map((i) => (
          <Group key={i.id} align="end">
            <Text size="sm" miw={200}>
              {i.product_name} ({i.color} / {i.size})
            </Text>
            <NumberInput
              label={t("subscriptionConsole.itemPrice")}
              min={0}
              step={10}
              thousandSeparator=","
              value={edits[i.id]?.price ?? ""}
              onChange={(price) =>
                setEdits((e) => ({
                  ...e,
                  [i.id]: { ...e[i.id], quantity: e[i.id]?.quantity ?? i.quantity, price },
                }))
              }
              w={150}
            />
            <NumberInput
              label={t("subscriptionConsole.itemQuantity")}
              min={1}
              max={99}
              value={edits[i.id]?.quantity ?? ""}
              onChange={(quantity) =>
                setEdits((e) => ({ ...e, [i.id]: { ...e[i.id], price: e[i.id]?.price ?? 0, quantity } }))
              }
              w={90}
            />
          </Group>
        ))}
        <Group>
          <Button variant="default" loading={busy} disabled={changed.length === 0} onClick={save}>
            {t("subscriptions.save")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** SUB-05, SUB-06, SUB-07: one subscription with its schedule; skip the next delivery (or undo), end. */
export function ConsoleSubscriptionPage() {
  const { t } = useTranslation();
  const { shopId = "", subscriptionId } = useParams();
  const allowed = useCanManage(shopId);
  const subscription = useShopSubscription(shopId, subscriptionId);
  const { busy, run } = useAction(["shop-subscriptions", shopId]);
  const navigate = useNavigate();
  if (!allowed) return <Forbidden />;
  if (subscription.isPending) return <Loading />;
  if (subscription.isError)
    return <ErrorState error={subscription.error} onRetry={() => void subscription.refetch()} />;
  const s = subscription.data;
  const end = async () => {
    if (!window.confirm(t("subscriptionConsole.confirmEnd"))) return;
    if (await run(() => endSubscription(shopId, s.id), "subscriptionConsole.ended")) {
      void navigate(`/console/shops/${shopId}/subscriptions`);
    }
  };
  return (
    <Stack>
      <PageTitle>
        {t("subscriptions.number")} {s.number}
      </PageTitle>
      {s.status === "active" && (
        <Group>
          {s.skip_next ? (
            <Button
              variant="default"
              loading={busy}
              onClick={() =>
                void run(() => skipDelivery(shopId, s.id, false), "subscriptionConsole.unskipped")
              }
            >
              {t("subscriptionConsole.unskip")}
            </Button>
          ) : (
            <Button
              variant="default"
              loading={busy}
              onClick={() => void run(() => skipDelivery(shopId, s.id, true), "subscriptionConsole.skipped")}
            >
              {t("subscriptionConsole.skip")}
            </Button>
          )}
          <Button color="red" variant="light" loading={busy} onClick={() => void end()}>
            {t("subscriptionConsole.end")}
          </Button>
        </Group>
      )}
      {s.memo && (
        <Text size="sm">
          {t("subscriptionConsole.memo")}: {s.memo}
        </Text>
      )}
      <SubscriptionDetails subscription={s} />
      {s.status === "active" && (
        <ItemsEdit
          key={s.items.map((i) => `${i.id}:${i.unit_price}:${i.proposed_price ?? ""}:${i.quantity}`).join()}
          shopId={shopId}
          s={s}
        />
      )}
    </Stack>
  );
}
