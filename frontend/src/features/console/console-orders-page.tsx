import { Badge, Button, Card, Checkbox, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { components } from "../../api/schema";
import { formatDate } from "../../components/format";
import { Empty, ErrorState, Loading, useErrorMessage } from "../../components/states";
import { checkOrderStock } from "./api/check-order-stock";
import { useShopOrders, type OrderStatus } from "./api/list-shop-orders";
import { Forbidden } from "./forbidden";
import { OrderLines } from "../orders/order-lines";
import { useCanManage } from "./use-managed-shop";

type Order = components["schemas"]["OrderResponse"];
const FILTERS: (OrderStatus | "all")[] = ["awaiting_stock_check", "awaiting_payment", "all"];

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
      void queryClient.invalidateQueries({ queryKey: ["console", shopId, "orders"] });
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

export function ConsoleOrdersPage() {
  const { t, i18n } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const [filter, setFilter] = useState<OrderStatus | "all">("awaiting_stock_check");
  const orders = useShopOrders(shopId, filter === "all" ? null : filter);
  if (!canManage) return <Forbidden />;
  return (
    <Stack>
      <Title order={1}>{t("console.orders")}</Title>
      <SegmentedControl
        value={filter}
        onChange={(value) => setFilter(value as OrderStatus | "all")}
        data={FILTERS.map((f) => ({
          value: f,
          label: f === "all" ? t("products.all") : t(`orders.status.${f}`),
        }))}
      />
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.length === 0 ? (
        <Empty />
      ) : (
        orders.data.map((order) => (
          <Card withBorder key={order.id} data-testid="shop-order">
            <Group justify="space-between">
              <Stack gap={0}>
                <Text fw={600}>
                  {t("checkout.orderNumber")} {order.number}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatDate(order.created_at, i18n.language)} ・ {order.ship_to.name} ・ 〒
                  {order.ship_to.postal_code_display} {order.ship_to.prefecture_name}
                  {order.ship_to.city}
                </Text>
              </Stack>
              <Badge>{t(`orders.status.${order.status}`)}</Badge>
            </Group>
            <OrderLines order={order} />
            {order.status === "awaiting_stock_check" && <StockCheck shopId={shopId} order={order} />}
          </Card>
        ))
      )}
    </Stack>
  );
}
