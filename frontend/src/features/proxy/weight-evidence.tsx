import { Alert, Button, Card, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAction } from "../../components/use-action";
import type { ProxyOrder } from "../../shared/api/proxy-order";
import { shippingEstimate } from "../../shared/api/shipping-estimate";
import { EstimateTable } from "../../shared/ui/estimate-table";
import { ParcelPhotos } from "../../shared/ui/proxy-parcel-photos";
import { WeightNote } from "../../shared/ui/weight-note";
import { disputeWeight } from "./api/dispute-weight";

/**
 * PRX-08: why the 2nd invoice says what it says — the parcel's weight and size, the volumetric and
 * chargeable weight per method from the same rate table — and a way to dispute it before paying.
 */
export function WeightEvidence({ order }: { order: ProxyOrder }) {
  const { t } = useTranslation();
  const parcel = order.parcel;
  const [disputing, setDisputing] = useState(false);
  const { busy, run } = useAction(["my-proxy-orders"]);
  const estimate = useQuery({
    queryKey: ["parcel-estimate", parcel],
    enabled: parcel !== null && parcel !== undefined,
    queryFn: () =>
      shippingEstimate({
        weight_grams: parcel?.weight_grams ?? 1,
        length_cm: parcel?.length_cm ?? 1,
        width_cm: parcel?.width_cm ?? 1,
        height_cm: parcel?.height_cm ?? 1,
      }),
  });
  if (!parcel || order.status !== "awaiting_second_payment") return null;
  return (
    <Card withBorder data-testid="weight-evidence">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("proxy.weight.title")}
        </Title>
        <Text size="sm">
          {t("proxy.parcel", {
            weight: parcel.weight_grams.toLocaleString(),
            length: parcel.length_cm,
            width: parcel.width_cm,
            height: parcel.height_cm,
          })}
          {parcel.method && ` ・ ${t(`proxy.method.${parcel.method}`)}`}
        </Text>
        <ParcelPhotos order={order} base={`/api/v1/me/proxy-orders/${order.id}`} />
        {estimate.data && <EstimateTable estimate={estimate.data} />}
        {order.weight_disputed_at ? (
          <Alert color="yellow" data-testid="weight-disputed">
            {t("proxy.weight.disputed")}
          </Alert>
        ) : disputing ? (
          <WeightNote
            label={t("proxy.weight.why")}
            submit={t("proxy.weight.send")}
            busy={busy}
            onSend={(note) => run(() => disputeWeight(order.id, note), "proxy.weight.sent")}
          />
        ) : (
          <Button size="xs" variant="subtle" w="fit-content" onClick={() => setDisputing(true)}>
            {t("proxy.weight.dispute")}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
