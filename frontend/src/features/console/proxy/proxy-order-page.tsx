import { Alert, Anchor, Badge, Group, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageTitle } from "../../../components/page-title";
import { ErrorState, Loading } from "../../../components/states";
import { OrderMessages } from "../../../shared/ui/order-messages";
import { proxyColor } from "../../../shared/ui/status-colors";
import { Forbidden } from "../forbidden";
import { ShopTimeline } from "../shop-timeline";
import { useCanManage } from "../use-managed-shop";
import { useAction } from "../../../components/use-action";
import { WeightNote } from "../../../shared/ui/weight-note";
import { useProxyOrder } from "./api/get-proxy-order";
import { keepWeight } from "./api/keep-weight";
import { QuoteEditor, ShipForm, WeighForm } from "./staff-actions";
import { LocalCharges } from "./local-charges";
import { ParcelPhotoCapture } from "./parcel-photos";
import { StaffItems } from "./staff-items";
import { Billing } from "../../../shared/ui/proxy-billing";
import { OrderBasics } from "../../../shared/ui/proxy-basics";
import { ShipmentCard } from "../../../shared/ui/proxy-shipment";

/** PRX-08: the member disputes the weight: staff keep it with an explanation (or weigh again below). */
function KeepWeight({ shopId, orderId }: { shopId: string; orderId: string }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["console", shopId]);
  return (
    <Alert color="yellow" title={t("proxyConsole.weightDisputed")} data-testid="weight-disputed">
      <WeightNote
        label={t("proxyConsole.weightNote")}
        submit={t("proxyConsole.keepWeight")}
        busy={busy}
        onSend={(note) => run(() => keepWeight(shopId, orderId, note), "proxyConsole.weightKept")}
      />
    </Alert>
  );
}

/** PRX-01 to PRX-09: one proxy order with the step its status calls for, its invoices and messages. */
export function ConsoleProxyOrderPage() {
  const { t } = useTranslation();
  const { shopId = "", orderId = "" } = useParams();
  const canManage = useCanManage(shopId);
  const order = useProxyOrder(shopId, orderId);
  if (!canManage) return <Forbidden />;
  if (order.isPending) return <Loading />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  const o = order.data;
  const inspected = o.items.every((i) => i.status === "inspected" || i.status === "cancelled");
  return (
    <Stack>
      <Anchor component={Link} to={`/console/shops/${shopId}/proxy?status=${o.status}`}>
        {t("proxyConsole.title")}
      </Anchor>
      <Group justify="space-between">
        <PageTitle>
          {t("proxy.orderNumber")} {o.number}
        </PageTitle>
        <Badge size="lg" color={proxyColor[o.status]}>
          {t(`proxy.status.${o.status}`)}
        </Badge>
      </Group>
      {(o.status === "requested" || o.status === "awaiting_first_payment") && (
        <QuoteEditor key={o.first_invoice?.id ?? "new"} shopId={shopId} order={o} />
      )}
      <StaffItems shopId={shopId} order={o} />
      {o.weight_disputed_at && <KeepWeight shopId={shopId} orderId={o.id} />}
      {((o.status === "purchasing" && inspected) || o.status === "awaiting_second_payment") && (
        <WeighForm key={o.second_invoice?.id ?? "new"} shopId={shopId} order={o} />
      )}
      {((o.status === "purchasing" && inspected) || o.status === "awaiting_second_payment") && (
        <ParcelPhotoCapture shopId={shopId} order={o} />
      )}
      {(o.status === "purchasing" || o.status === "awaiting_second_payment") && (
        <LocalCharges shopId={shopId} order={o} />
      )}
      {o.status === "awaiting_shipment" && <ShipForm shopId={shopId} order={o} />}
      <Billing order={o} />
      <OrderBasics order={o} />
      <ShipmentCard order={o} />
      <OrderMessages thread={{ kind: "proxy", id: o.id, shopId }} />
      <ShopTimeline shopId={shopId} kind="proxy" id={o.id} />
    </Stack>
  );
}
