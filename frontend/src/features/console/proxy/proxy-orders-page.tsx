import { Anchor, Badge, Card, Chip, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { PageTitle } from "../../../components/page-title";
import { formatDateTime, yen } from "../../../components/format";
import { Empty, ErrorState, Loading } from "../../../components/states";
import { proxyColor, proxyItemColor } from "../../../shared/ui/status-colors";
import { Forbidden } from "../forbidden";
import { useCanManage } from "../use-managed-shop";
import { useProxyOrders, type ProxyStatus } from "./api/list-proxy-orders";
import type { ProxyOrder } from "../../../shared/api/proxy-order";

const FILTERS: (ProxyStatus | "all" | "board")[] = [
  "requested",
  "awaiting_first_payment",
  "purchasing",
  "board",
  "awaiting_second_payment",
  "awaiting_shipment",
  "shipped",
  "all",
];

function OrderRow({ shopId, order }: { shopId: string; order: ProxyOrder }) {
  const { t, i18n } = useTranslation();
  const invoice = order.second_invoice ?? order.first_invoice;
  const questions = order.items.filter((i) => i.question_open).length;
  return (
    <Card withBorder padding="sm" data-testid="proxy-order">
      <Group justify="space-between" align="start">
        <Stack gap={0}>
          <Anchor component={Link} to={`/console/shops/${shopId}/proxy/${order.id}`} fw={600}>
            {order.number}
          </Anchor>
          <Text size="sm" c="dimmed">
            {formatDateTime(order.created_at, i18n.language)} ・ {order.ship_to.recipient_name}
          </Text>
          <Text size="sm">{order.items.map((i) => `${i.name} × ${i.quantity}`).join("、")}</Text>
        </Stack>
        <Stack gap={4} align="end">
          <Badge color={proxyColor[order.status]}>{t(`proxy.status.${order.status}`)}</Badge>
          {invoice && <Text size="sm">{yen(invoice.total)}</Text>}
          {questions > 0 && (
            <Badge color="yellow" variant="filled">
              {t("proxy.waitingAnswer")} {questions}
            </Badge>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

const BOARD = ["paid", "purchased", "arrived", "inspected"] as const;

/** PRX-06: the items being bought, in columns by status, each linking to its order. */
function ItemBoard({ shopId, orders }: { shopId: string; orders: ProxyOrder[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 4 }} data-testid="item-board">
      {BOARD.map((status) => {
        const items = orders.flatMap((o) =>
          o.items.filter((i) => i.status === status).map((i) => ({ o, i })),
        );
        return (
          <Stack key={status} gap="xs">
            <Title order={2} size="h5">
              <Badge color={proxyItemColor[status]} mr={6}>
                {items.length}
              </Badge>
              {t(`proxy.itemStatus.${status}`)}
            </Title>
            {items.map(({ o, i }) => (
              <Card key={i.id} withBorder padding="xs">
                <Anchor component={Link} to={`/console/shops/${shopId}/proxy/${o.id}`} size="sm">
                  {i.name} × {i.quantity}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {o.number}
                  {i.options && ` ・ ${i.options}`}
                </Text>
              </Card>
            ))}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}

/** PRX-01, PRX-06: the service's request queue and its orders by status, or the board of items. */
export function ConsoleProxyOrdersPage() {
  const { t } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const [params, setParams] = useSearchParams();
  const filter = (FILTERS.find((f) => f === params.get("status")) ?? "requested") as (typeof FILTERS)[number];
  const status = filter === "all" ? null : filter === "board" ? "purchasing" : filter;
  const orders = useProxyOrders(shopId, status);
  if (!canManage) return <Forbidden />;
  return (
    <Stack>
      <PageTitle>{t("proxyConsole.title")}</PageTitle>
      <Chip.Group multiple={false} value={filter} onChange={(value) => setParams({ status: value })}>
        <Group gap={6} role="radiogroup" aria-label={t("console.statusFilter")}>
          {FILTERS.map((f) => (
            <Chip key={f} value={f} size="sm">
              {f === "all"
                ? t("proxyConsole.all")
                : f === "board"
                  ? t("proxyConsole.board")
                  : t(`proxy.status.${f}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.length === 0 ? (
        <Empty message={t("proxyConsole.noOrders")} />
      ) : filter === "board" ? (
        <ItemBoard shopId={shopId} orders={orders.data} />
      ) : (
        orders.data.map((order) => <OrderRow key={order.id} shopId={shopId} order={order} />)
      )}
    </Stack>
  );
}
