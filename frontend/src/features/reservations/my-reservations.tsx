import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { MoreButton } from "../../shared/ui/more-button";
import type { components } from "../../api/schema";
import { formatDate, formatDeadline, yen } from "../../components/format";
import { Empty, ErrorState, Loading, useErrorMessage } from "../../components/states";
import { cancelReservation } from "./api/cancel-reservation";
import { useMyReservations } from "./api/my-reservations";
import { reservationColor } from "../../shared/ui/status-colors";
import { ProductImage } from "../../shared/ui/product-image";
import { MyTimeline } from "../../shared/ui/my-timeline";
import { MessagesToggle } from "../../shared/ui/order-messages";

type Reservation = components["schemas"]["ReservationResponse"];

/** RSV-07: each reservation's status; the pickup number to show at the counter (RSV-03); cancel (RSV-06). */
export function MyReservations() {
  const { t, i18n } = useTranslation();
  const reservations = useMyReservations();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const cancel = async (r: Reservation) => {
    if (!window.confirm(t("reservations.confirmCancel"))) return;
    try {
      await cancelReservation(r.id, crypto.randomUUID());
      notifications.show({ color: "teal", message: t("reservations.cancelled") });
      void queryClient.invalidateQueries({ queryKey: ["my-reservations"] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  return (
    <Stack id="reservations">
      <Title order={2} size="h3">
        {t("reservations.title")}
      </Title>
      {reservations.isPending ? (
        <Loading />
      ) : reservations.isError ? (
        <ErrorState error={reservations.error} onRetry={() => void reservations.refetch()} />
      ) : reservations.items.length === 0 ? (
        <Empty message={t("reservations.none")} />
      ) : (
        reservations.items.map((r) => (
          <Card withBorder key={r.id} data-testid="reservation">
            <Group justify="space-between" align="flex-start">
              <ProductImage image={r.image} alt="" sizes="64px" width={64} />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" c="dimmed">
                  {r.shop.name} ・ {t(`reservations.payment.${r.payment_method}`)}
                </Text>
                <Text fw={600}>
                  {r.product_name}（{r.color} / {r.size}）× {r.quantity} ・ {yen(r.total)}
                </Text>
                <Text size="sm">
                  {t("reservations.visitDate")}: {formatDate(r.visit_date, i18n.language)}
                </Text>
                {r.hold_deadline && (
                  <Text size="sm">
                    {t("reservations.holdDeadline")}: {formatDeadline(r.hold_deadline, i18n.language)}
                  </Text>
                )}
                <Text size="lg" fw={700} ff="monospace" data-testid="pickup-number">
                  {t("reservations.pickupNumber")}: {r.pickup_number}
                </Text>
                {r.awaiting_payment && (
                  <Text size="sm" c="orange">
                    {t("reservations.payByLink")}
                  </Text>
                )}
              </Stack>
              <Stack gap="xs" align="flex-end">
                <Badge color={reservationColor[r.status]}>{t(`reservations.status.${r.status}`)}</Badge>
                {(r.status === "requested" || r.status === "held") && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => void cancel(r)}>
                    {t("reservations.cancel")}
                  </Button>
                )}
              </Stack>
            </Group>
            <MessagesToggle thread={{ kind: "reservation", id: r.id }} />
            <MyTimeline kind="reservation" id={r.id} />
          </Card>
        ))
      )}
      <MoreButton query={reservations} />
    </Stack>
  );
}
