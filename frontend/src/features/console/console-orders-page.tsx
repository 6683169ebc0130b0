import { PageTitle } from "../../components/page-title";
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MoreButton } from "../../shared/ui/more-button";
import { Link, useParams, useSearchParams } from "react-router";
import type { components } from "../../api/schema";
import { formatDate, formatDateTime, yen } from "../../components/format";
import { Empty, ErrorState, Loading, useErrorMessage } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { cancelShopOrder } from "./api/cancel-order";
import { PaymentHistory } from "../../shared/ui/payment-history";
import { checkOrderStock } from "./api/check-order-stock";
import { useShopOrder } from "./api/get-shop-order";
import { shipOrder } from "./api/ship-order";
import { useShopOrders, type OrderSort, type OrderStatus } from "./api/list-shop-orders";
import { Forbidden } from "./forbidden";
import { ShopTimeline } from "./shop-timeline";
import { OrderMessages } from "../../shared/ui/order-messages";
import { OrderLines } from "../../shared/ui/order-lines";
import { useWide } from "../../shared/ui/use-wide";
import { useCanManage } from "./use-managed-shop";

type Order = components["schemas"]["OrderResponse"];
const FILTERS: (OrderStatus | "all")[] = [
  "awaiting_stock_check",
  "awaiting_payment",
  "paid",
  "shipped",
  "all",
];
const CARRIERS = ["yamato", "sagawa", "japan_post", "seino", "other"] as const;

/** ORD-03: ship a paid order with carrier and tracking number (the card payment is captured). */
function ShipForm({ shopId, order }: { shopId: string; order: Order }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [carrier, setCarrier] = useState<(typeof CARRIERS)[number]>("yamato");
  const [tracking, setTracking] = useState("");
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"tracking_number" | "carrier">();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^[0-9A-Za-z-]{4,40}$/.test(tracking.trim())) {
      return errors.setFields({ tracking_number: "console.invalidTracking" });
    }
    setBusy(true);
    try {
      await shipOrder(shopId, order.id, { carrier, tracking_number: tracking.trim() }, attempt);
      errors.clear();
      notifications.show({ color: "teal", message: t("console.shipped") });
      void queryClient.invalidateQueries({ queryKey: ["console", shopId] });
    } catch (error) {
      errors.capture(error);
      notifications.show({ color: "red", message: message(error) });
      setAttempt(crypto.randomUUID());
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("console.ship")}>
      <Group align="flex-end">
        <Select
          label={t("console.carrier")}
          data={CARRIERS.map((c) => ({ value: c, label: t(`orders.carrier.${c}`) }))}
          value={carrier}
          onChange={(value) => value && setCarrier(value as (typeof CARRIERS)[number])}
          allowDeselect={false}
          w={160}
        />
        <TextInput
          label={t("console.trackingNumber")}
          value={tracking}
          onChange={(e) => setTracking(e.currentTarget.value)}
          error={errors.errorOf("tracking_number")}
        />
        <Button type="submit" loading={busy}>
          {t("console.ship")}
        </Button>
      </Group>
    </form>
  );
}

function CancelOrder({ shopId, order }: { shopId: string; order: Order }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const cancel = async () => {
    if (!window.confirm(t("console.confirmCancelOrder"))) return;
    try {
      await cancelShopOrder(shopId, order.id, crypto.randomUUID());
      notifications.show({ color: "teal", message: t("orders.cancelled") });
      void queryClient.invalidateQueries({ queryKey: ["console", shopId] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  return (
    <Button size="xs" variant="subtle" color="red" w="fit-content" onClick={() => void cancel()}>
      {t("console.cancelOrder")}
    </Button>
  );
}

/** ORD-01: secure an order's lines, or reject the ones the shop cannot supply. */
function StockCheck({ shopId, order }: { shopId: string; order: Order }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [rejected, setRejected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await checkOrderStock(shopId, order.id, rejected);
      notifications.show({ color: "teal", message: t("console.stockChecked") });
      void queryClient.invalidateQueries({ queryKey: ["console", shopId] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      {order.lines.map((line) => (
        <Checkbox
          key={line.id}
          label={`${t("console.reject")}: ${line.product_name}（${line.color} / ${line.size}）× ${line.quantity}`}
          checked={rejected.includes(line.id)}
          onChange={(e) =>
            setRejected(
              e.currentTarget.checked ? [...rejected, line.id] : rejected.filter((id) => id !== line.id),
            )
          }
        />
      ))}
      <Button
        onClick={() => void submit()}
        loading={busy}
        w="fit-content"
        color={rejected.length === order.lines.length ? "red" : undefined}
      >
        {rejected.length === 0 ? t("console.secureAll") : t("console.secureRest")}
      </Button>
    </Stack>
  );
}

/** Paid to the carrier or afterwards (a subscription's cash on delivery or deferred payment): ships unpaid. */
function paysAfterDelivery(order: Order): boolean {
  return ["cash_on_delivery", "deferred", "custom"].includes(order.payment_method ?? "");
}

/** SUB-12: the subscription an order belongs to, its next delivery and the memo. */
function SubscriptionMark({ shopId, order }: { shopId: string; order: Order }) {
  const { t, i18n } = useTranslation();
  const s = order.subscription;
  if (!s) return null;
  return (
    <Text size="sm" data-testid="order-subscription">
      <Badge color="grape" mr="xs">
        {t("subscriptions.title")}
      </Badge>
      <Anchor component={Link} to={`/console/shops/${shopId}/subscriptions/${s.id}`}>
        {t("subscriptions.number")} {s.number}
      </Anchor>
      {s.next_delivery_on &&
        ` ・ ${t("subscriptions.nextDeliveryOn")}: ${formatDate(s.next_delivery_on, i18n.language)}`}
      {order.payment_method &&
        ` ・ ${order.payment_method_name ?? t(`subscriptions.methods.${order.payment_method}`)}`}
      {order.memo && ` ・ ${order.memo}`}
    </Text>
  );
}

/** One order with the actions its status allows (ORD-01, ORD-03); with `detail`, its payment history too. */
function OrderCard({ shopId, order, detail = false }: { shopId: string; order: Order; detail?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder data-testid="shop-order">
      <Group justify="space-between">
        <Stack gap={0}>
          <Text fw={600}>
            <Anchor component={Link} to={`/console/shops/${shopId}/orders/${order.id}`}>
              {t("checkout.orderNumber")} {order.number}
            </Anchor>
          </Text>
          <Text size="sm" c="dimmed">
            {formatDate(order.created_at, i18n.language)} ・ {order.ship_to.recipient_name} ・ 〒
            {order.ship_to.postal_code_display} {order.ship_to.prefecture_name}
            {order.ship_to.city}
          </Text>
        </Stack>
        <Badge>{t(`orders.status.${order.status}`)}</Badge>
      </Group>
      <OrderLines order={order} />
      {order.status === "awaiting_stock_check" && <StockCheck shopId={shopId} order={order} />}
      {(order.status === "paid" || (order.status === "awaiting_payment" && paysAfterDelivery(order))) && (
        <ShipForm shopId={shopId} order={order} />
      )}
      {order.subscription && <SubscriptionMark shopId={shopId} order={order} />}
      {order.shipment && (
        <Text size="sm">
          {t(`orders.carrier.${order.shipment.carrier}`)} ・ {t("orders.tracking")}{" "}
          {order.shipment.tracking_number}
        </Text>
      )}
      {order.status !== "shipped" && order.status !== "cancelled" && (
        <CancelOrder shopId={shopId} order={order} />
      )}
      {detail && (
        <Stack gap={2} mt="sm">
          <Text size="sm">
            〒{order.ship_to.postal_code_display} {order.ship_to.prefecture_name}
            {order.ship_to.city}
            {order.ship_to.street} {order.ship_to.building ?? ""} ・ {order.ship_to.recipient_name}（
            {order.ship_to.recipient_kana}） ・ {order.ship_to.phone}
          </Text>
          {(order.delivery_date || order.delivery_time_slot) && (
            <Text size="sm">
              {t("checkout.deliveryDate")}: {order.delivery_date ?? "—"} ・ {t("checkout.timeSlot")}:{" "}
              {order.delivery_time_slot ? t(`checkout.slots.${order.delivery_time_slot}`) : "—"}
            </Text>
          )}
          <PaymentHistory payment={order.payment} />
          <ShopTimeline shopId={shopId} kind="order" id={order.id} />
        </Stack>
      )}
    </Card>
  );
}

/** SHOP-02: one order in full — address, wishes, lines, payment attempts — with its actions. */
export function ConsoleOrderPage() {
  const { t } = useTranslation();
  const { shopId = "", orderId = "" } = useParams();
  const canManage = useCanManage(shopId);
  const order = useShopOrder(shopId, orderId);
  if (!canManage) return <Forbidden />;
  if (order.isPending) return <Loading />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  return (
    <Stack>
      <Anchor component={Link} to={`/console/shops/${shopId}/orders?status=all`}>
        {t("console.orders")}
      </Anchor>
      <PageTitle>
        {t("checkout.orderNumber")} {order.data.number}
      </PageTitle>
      <Group>
        <Button
          component={Link}
          to={`/console/shops/${shopId}/orders/${order.data.id}/delivery-note`}
          variant="default"
        >
          {t("deliveryNote.open")}
        </Button>
        <Button
          component={Link}
          to={`/console/shops/${shopId}/orders/${order.data.id}/invoice`}
          variant="default"
        >
          {t("deliveryNote.openInvoice")}
        </Button>
      </Group>
      <OrderCard shopId={shopId} order={order.data} detail />
      <OrderMessages thread={{ kind: "order", id: order.data.id, shopId }} />
    </Stack>
  );
}

function OrdersTable({
  shopId,
  orders,
  sort,
  onSort,
}: {
  shopId: string;
  orders: Order[];
  sort: OrderSort;
  onSort: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped highlightOnHover data-testid="orders-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("checkout.orderNumber")}</Table.Th>
          <Table.Th aria-sort={sort === "newest" ? "descending" : "ascending"}>
            <UnstyledButton onClick={onSort} fw={700} fz="sm">
              {t("orders.placedAt")} {sort === "newest" ? "↓" : "↑"}
            </UnstyledButton>
          </Table.Th>
          <Table.Th>{t("console.recipient")}</Table.Th>
          <Table.Th>{t("console.items")}</Table.Th>
          <Table.Th ta="right">{t("cart.total")}</Table.Th>
          <Table.Th>{t("console.status")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orders.map((order) => (
          <Table.Tr key={order.id}>
            <Table.Td>
              <Anchor component={Link} to={`/console/shops/${shopId}/orders/${order.id}`}>
                {order.number}
              </Anchor>
              {order.subscription && (
                <Badge color="grape" ml={4} size="sm" data-testid="subscription-order">
                  {t("subscriptions.title")} {order.subscription.number}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{formatDateTime(order.created_at, i18n.language)}</Table.Td>
            <Table.Td>
              {order.ship_to.recipient_name}
              <Text size="xs" c="dimmed">
                {order.ship_to.prefecture_name}
                {order.ship_to.city}
              </Text>
            </Table.Td>
            <Table.Td>{order.lines.map((l) => `${l.product_name} × ${l.quantity}`).join("、")}</Table.Td>
            <Table.Td ta="right">{yen(order.total)}</Table.Td>
            <Table.Td>
              <Badge>{t(`orders.status.${order.status}`)}</Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ConsoleOrdersPage() {
  const { t } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const [params, setParams] = useSearchParams();
  const filter = (params.get("status") ?? "awaiting_stock_check") as OrderStatus | "all";
  const [search, setSearch] = useState(params.get("q") ?? "");
  const wide = useWide();
  const sort: OrderSort = params.get("sort") === "oldest" ? "oldest" : "newest";
  const orders = useShopOrders(shopId, filter === "all" ? null : filter, params.get("q") ?? "", sort);
  const setFilter = (status: string) => setParams({ status, q: params.get("q") ?? "", sort });
  const toggleSort = () =>
    setParams({ status: filter, q: params.get("q") ?? "", sort: sort === "newest" ? "oldest" : "newest" });
  if (!canManage) return <Forbidden />;
  return (
    <Stack>
      <PageTitle>{t("console.orders")}</PageTitle>
      {/* Chips wrap at phone width, where a segmented control would be cut. */}
      <Chip.Group multiple={false} value={filter} onChange={setFilter}>
        <Group gap={6} role="radiogroup" aria-label={t("console.statusFilter")}>
          {FILTERS.map((f) => (
            <Chip key={f} value={f} size="sm">
              {f === "all" ? t("products.all") : t(`orders.status.${f}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParams({ status: filter, q: search, sort });
        }}
      >
        <TextInput
          aria-label={t("console.searchOrders")}
          placeholder={t("console.searchOrders")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </form>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.items.length === 0 ? (
        <Empty />
      ) : (
        <>
          {/* SHOP-02: a table to scan on a desktop, cards with their actions on a phone. */}
          {wide ? (
            <OrdersTable shopId={shopId} orders={orders.items} sort={sort} onSort={toggleSort} />
          ) : (
            orders.items.map((order) => <OrderCard key={order.id} shopId={shopId} order={order} />)
          )}
          <MoreButton query={orders} />
        </>
      )}
    </Stack>
  );
}
