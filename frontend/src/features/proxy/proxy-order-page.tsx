import { Alert, Anchor, Button, Card, Group, Stack, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { PageTitle } from "../../components/page-title";
import { ErrorState, Loading, useErrorMessage } from "../../components/states";
import { MyTimeline } from "../../shared/ui/my-timeline";
import { OrderMessages } from "../../shared/ui/order-messages";
import { cancelProxyOrder } from "./api/cancel-proxy-order";
import { useMyProxyOrder } from "./api/get-my-proxy-order";
import { MemberItems } from "./member-items";
import { OrderProgress } from "./order-progress";
import { ReceiptDialog } from "./receipt-dialog";
import { RefundChoice } from "./refund-choice";
import { WeightEvidence } from "./weight-evidence";
import { Billing } from "../../shared/ui/proxy-billing";
import { OrderBasics } from "../../shared/ui/proxy-basics";
import { ShipmentCard } from "../../shared/ui/proxy-shipment";

/** PRX-02: one proxy order in seven parts — progress, details, billing, items, shipment, messages, history. */
export function ProxyOrderPage() {
  const { t } = useTranslation();
  const orderId = useParams().orderId ?? "";
  const [params] = useSearchParams();
  const order = useMyProxyOrder(orderId);
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [receipt, setReceipt] = useState(false);
  if (order.isPending) return <Loading />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  const o = order.data;
  const cardPaid = params.get("card") === "paid";
  const cancel = async () => {
    if (!window.confirm(t("proxy.confirmCancelOrder"))) return;
    try {
      await cancelProxyOrder(o.id);
      notifications.show({ color: "teal", message: t("proxy.orderCancelled") });
      void queryClient.invalidateQueries({ queryKey: ["my-proxy-orders"] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  return (
    <Stack>
      <Anchor component={Link} to="/proxy/orders">
        {t("proxy.myOrders")}
      </Anchor>
      <PageTitle>
        {t("proxy.orderNumber")} {o.number}
      </PageTitle>
      {cardPaid && (
        <Alert color="teal" data-testid="card-paid">
          {t("proxy.cardPaid")}
        </Alert>
      )}
      <OrderProgress order={o} onReceipt={() => setReceipt(true)} />
      <OrderBasics order={o} />
      <Billing order={o} />
      <RefundChoice order={o} />
      <MemberItems order={o} />
      <WeightEvidence order={o} />
      <ShipmentCard order={o} />
      <OrderMessages thread={{ kind: "proxy", id: o.id }} />
      <Card withBorder>
        <Title order={2} size="h4">
          {t("proxy.timeline")}
        </Title>
        <MyTimeline kind="proxy" id={o.id} />
      </Card>
      {(o.status === "requested" || o.status === "awaiting_first_payment") && (
        <Group>
          <Button variant="subtle" color="red" onClick={() => void cancel()}>
            {t("proxy.cancelOrder")}
          </Button>
        </Group>
      )}
      <ReceiptDialog orderId={o.id} opened={receipt} onClose={() => setReceipt(false)} />
    </Stack>
  );
}
