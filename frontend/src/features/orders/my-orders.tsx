import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { MoreButton } from "../../shared/ui/more-button";
import { formatDate } from "../../components/format";
import { Empty, ErrorState, Loading, useErrorMessage } from "../../components/states";
import { cancelMyOrder } from "./api/cancel-my-order";
import { useMyOrders } from "./api/list-my-orders";
import { OrderLines } from "../../shared/ui/order-lines";
import { MyTimeline } from "../../shared/ui/my-timeline";
import { MessagesToggle } from "../../shared/ui/order-messages";

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
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const cancel = async (orderId: string) => {
    if (!window.confirm(t("orders.confirmCancel"))) return;
    try {
      await cancelMyOrder(orderId);
      notifications.show({ color: "teal", message: t("orders.cancelled") });
      void queryClient.invalidateQueries({ queryKey: ["my-orders"] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  return (
    <Stack id="orders">
      <Title order={2} size="h3">
        {t("orders.title")}
      </Title>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />
      ) : orders.items.length === 0 ? (
        <Empty message={t("orders.none")} />
      ) : (
        orders.items.map((order) => (
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
            {order.shipment && (
              <Text size="sm" data-testid="shipment">
                {t(`orders.carrier.${order.shipment.carrier}`)} ・ {t("orders.tracking")}{" "}
                {order.shipment.tracking_number}
              </Text>
            )}
            {order.status === "awaiting_payment" && (
              <Text size="sm" c="orange">
                {t("orders.payByLink")}
              </Text>
            )}
            {(order.status === "awaiting_stock_check" || order.status === "awaiting_payment") && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                w="fit-content"
                onClick={() => void cancel(order.id)}
              >
                {t("orders.cancel")}
              </Button>
            )}
            <MessagesToggle thread={{ kind: "order", id: order.id }} />
            <MyTimeline kind="order" id={order.id} />
          </Card>
        ))
      )}
      <MoreButton query={orders} />
    </Stack>
  );
}
