import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../components/format";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useMyOrders } from "./api/list-my-orders";
import { OrderLines } from "./order-lines";

const statusColor = {
  awaiting_stock_check: "yellow",
  awaiting_payment: "orange",
  paid: "teal",
  shipped: "blue",
  cancelled: "gray",
} as const;

/** ORD-04: the member's orders with each item's status. */
export function MyOrders() {
  const { t, i18n } = useTranslation();
  const orders = useMyOrders();
  return (
    <Stack id="orders">
      <Title order={2} size="h3">
        {t("orders.title")}
      </Title>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.data.length === 0 ? (
        <Empty message={t("orders.none")} />
      ) : (
        orders.data.map((order) => (
          <Card withBorder key={order.id} data-testid="order">
            <Group justify="space-between">
              <Stack gap={0}>
                <Text size="sm" c="dimmed">
                  {order.shop.name} ・ {t("orders.placedAt")} {formatDate(order.created_at, i18n.language)}
                </Text>
                <Text fw={600}>
                  {t("checkout.orderNumber")} {order.number}
                </Text>
              </Stack>
              <Badge color={statusColor[order.status]}>{t(`orders.status.${order.status}`)}</Badge>
            </Group>
            <OrderLines order={order} />
          </Card>
        ))
      )}
    </Stack>
  );
}
