import { Badge, Button, Card, Group, Stack, Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PageTitle } from "../../components/page-title";
import { formatDate, yen } from "../../components/format";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useShops } from "../../shared/api/list-shops";
import { proxyColor } from "../../shared/ui/status-colors";
import { DepositPanel } from "./deposit-panel";
import { useMyProxyOrders, type ProxyList } from "./api/list-my-proxy-orders";
import type { ProxyOrder } from "../../shared/api/proxy-order";

const LISTS: ProxyList[] = ["in_progress", "completed", "cancelled"];

function OrderCard({ order }: { order: ProxyOrder }) {
  const { t, i18n } = useTranslation();
  const invoice = order.second_invoice ?? order.first_invoice;
  return (
    <Card withBorder component={Link} to={`/proxy/orders/${order.id}`} data-testid="proxy-order">
      <Group justify="space-between" align="start">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {order.shop.name} ・ {formatDate(order.created_at, i18n.language)}
          </Text>
          <Text fw={600}>
            {t("proxy.orderNumber")} {order.number}
          </Text>
          <Text size="sm">{order.items.map((i) => i.name).join("、")}</Text>
          {invoice && invoice.status === "open" && (
            <Text size="sm" c="red.9">
              {t("proxy.invoice.due")} {yen(invoice.due)}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="end">
          <Badge color={proxyColor[order.status]}>{t(`proxy.status.${order.status}`)}</Badge>
          {order.needs_member_action && (
            <Badge color="red" variant="filled">
              {t("proxy.actionNeeded")}
            </Badge>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

/** PRX-02, PRX-10: the member's proxy orders, in progress first, with completed and cancelled apart. */
export function MyProxyOrdersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const list = (LISTS.find((l) => l === params.get("list")) ?? "in_progress") as ProxyList;
  const orders = useMyProxyOrders(list);
  const services = useShops().items.filter((shop) => shop.kind === "proxy");
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("proxy.myOrders")}</PageTitle>
        <Button component={Link} to="/proxy/new">
          {t("proxy.newRequest")}
        </Button>
      </Group>
      {services.map((shop) => (
        <DepositPanel key={shop.id} shopId={shop.id} shopName={shop.name} />
      ))}
      <Tabs value={list} onChange={(value) => value && setParams({ list: value })}>
        <Tabs.List>
          {LISTS.map((l) => (
            <Tabs.Tab key={l} value={l}>
              {t(`proxy.lists.${l}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.length === 0 ? (
        <Empty message={t("proxy.noOrders")} />
      ) : (
        orders.data.map((order) => <OrderCard key={order.id} order={order} />)
      )}
    </Stack>
  );
}
