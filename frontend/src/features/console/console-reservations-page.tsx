import { PageTitle } from "../../components/page-title";
import { todayInJapan } from "../../shared/business-days";
import { Anchor, Badge, Button, Card, Group, Chip, Stack, Table, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MoreButton } from "../../shared/ui/more-button";
import { Link, useParams, useSearchParams } from "react-router";
import type { components } from "../../api/schema";
import { formatDate, formatDeadline, yen } from "../../components/format";
import { Empty, ErrorState, Loading, useErrorMessage } from "../../components/states";
import { PaymentHistory } from "../../shared/ui/payment-history";
import { reservationColor } from "../../shared/ui/status-colors";
import { useShopReservation } from "./api/get-shop-reservation";
import { confirmReservation, rejectReservation } from "./api/reservation-actions";
import { useShopReservations, type ReservationStatus } from "./api/shop-reservations";
import { Forbidden } from "./forbidden";
import { ShopTimeline } from "./shop-timeline";
import { OrderMessages } from "../../shared/ui/order-messages";
import { useCanManage } from "./use-managed-shop";
import { useWide } from "../../shared/ui/use-wide";

type Reservation = components["schemas"]["ReservationResponse"];
const VIEWS = ["requested", "today", "held", "all"] as const;
type View = (typeof VIEWS)[number];

function Actions({ shopId, reservation }: { shopId: string; reservation: Reservation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      notifications.show({ color: "teal", message: t(done) });
      void queryClient.invalidateQueries({ queryKey: ["console", shopId] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    } finally {
      setBusy(false);
    }
  };
  if (reservation.status === "requested") {
    return (
      <Group>
        <Button
          size="xs"
          loading={busy}
          onClick={() =>
            void act(() => confirmReservation(shopId, reservation.id), "console.reservationConfirmed")
          }
        >
          {t("console.confirmReservation")}
        </Button>
        <Button
          size="xs"
          color="red"
          variant="light"
          loading={busy}
          onClick={() =>
            void act(() => rejectReservation(shopId, reservation.id), "console.reservationRejected")
          }
        >
          {t("console.rejectReservation")}
        </Button>
      </Group>
    );
  }
  if (reservation.status === "held") {
    const number = reservation.pickup_number;
    return (
      <Button
        size="xs"
        variant="default"
        component={Link}
        to={`/console/shops/${shopId}/pickup?number=${number}`}
        w="fit-content"
      >
        {t("console.toPickupDesk")}
      </Button>
    );
  }
  return null;
}

export function ReservationSummary({ reservation: r, to }: { reservation: Reservation; to?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Group justify="space-between">
        <Text fw={700} ff="monospace">
          {to ? (
            <Anchor component={Link} to={to}>
              {r.pickup_number}
            </Anchor>
          ) : (
            r.pickup_number
          )}
        </Text>
        <Badge color={reservationColor[r.status]}>{t(`reservations.status.${r.status}`)}</Badge>
      </Group>
      <Text>
        {r.product_name}（{r.color} / {r.size}）× {r.quantity} ・ {yen(r.total)}
      </Text>
      <Text size="sm" c="dimmed">
        {r.member_name} ・ {t("reservations.visitDate")} {formatDate(r.visit_date, i18n.language)} ・{" "}
        {t(`reservations.payment.${r.payment_method}`)}
        {r.paid_at ? ` ・ ${t("reservations.paid")}` : ""}
      </Text>
      {r.hold_deadline && (
        <Text size="sm" c="dimmed">
          {t("reservations.holdDeadline")}: {formatDeadline(r.hold_deadline, i18n.language)}
        </Text>
      )}
    </Stack>
  );
}

function ReservationsTable({ shopId, reservations }: { shopId: string; reservations: Reservation[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table striped highlightOnHover data-testid="reservations-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("reservations.pickupNumber")}</Table.Th>
          <Table.Th>{t("reservations.visitDate")}</Table.Th>
          <Table.Th>{t("console.member")}</Table.Th>
          <Table.Th>{t("console.items")}</Table.Th>
          <Table.Th ta="right">{t("cart.total")}</Table.Th>
          <Table.Th>{t("console.status")}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {reservations.map((r) => (
          <Table.Tr key={r.id} data-testid="shop-reservation">
            <Table.Td ff="monospace" fw={700}>
              <Anchor component={Link} to={`/console/shops/${shopId}/reservations/${r.id}`}>
                {r.pickup_number}
              </Anchor>
            </Table.Td>
            <Table.Td>{formatDate(r.visit_date, i18n.language)}</Table.Td>
            <Table.Td>{r.member_name}</Table.Td>
            <Table.Td>
              {r.product_name}（{r.color} / {r.size}）× {r.quantity}
              <Text size="xs" c="dimmed">
                {t(`reservations.payment.${r.payment_method}`)}
                {r.paid_at ? ` ・ ${t("reservations.paid")}` : ""}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{yen(r.total)}</Table.Td>
            <Table.Td>
              <Badge color={reservationColor[r.status]}>{t(`reservations.status.${r.status}`)}</Badge>
            </Table.Td>
            <Table.Td>
              <Actions shopId={shopId} reservation={r} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** SHOP-01, SHOP-02: the shop's reservations — to confirm, today's pickups, held — with search. */
export function ConsoleReservationsPage() {
  const { t } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const [params, setParams] = useSearchParams();
  const view = (params.get("view") ?? params.get("status") ?? "requested") as View;
  const q = params.get("q") ?? "";
  const [search, setSearch] = useState(q);
  const filter: { status?: ReservationStatus; visit_date?: string; q?: string } =
    view === "today"
      ? { status: "held", visit_date: todayInJapan(), q }
      : view === "all"
        ? { q }
        : { status: view, q };
  const reservations = useShopReservations(shopId, filter);
  const wide = useWide();
  if (!canManage) return <Forbidden />;
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("console.reservations")}</PageTitle>
        <Button component={Link} to={`/console/shops/${shopId}/pickup`} variant="default">
          {t("console.pickupDesk")}
        </Button>
      </Group>
      <Chip.Group multiple={false} value={view} onChange={(value) => setParams({ view: value, q })}>
        <Group gap={6} role="radiogroup" aria-label={t("console.statusFilter")}>
          {VIEWS.map((v) => (
            <Chip key={v} value={v} size="sm">
              {t(`console.reservationView.${v}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setParams({ view, q: search });
        }}
      >
        <TextInput
          aria-label={t("console.searchReservations")}
          placeholder={t("console.searchReservations")}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </form>
      {reservations.isPending ? (
        <Loading />
      ) : reservations.isError ? (
        <ErrorState error={reservations.error} onRetry={() => void reservations.refetch()} />
      ) : reservations.items.length === 0 ? (
        <Empty />
      ) : // SHOP-02: a table to scan on a desktop, cards on a phone; both with the actions each status allows.
      wide ? (
        <ReservationsTable shopId={shopId} reservations={reservations.items} />
      ) : (
        reservations.items.map((r) => (
          <Card withBorder key={r.id} data-testid="shop-reservation">
            <Stack gap="xs">
              <ReservationSummary reservation={r} to={`/console/shops/${shopId}/reservations/${r.id}`} />
              <Actions shopId={shopId} reservation={r} />
            </Stack>
          </Card>
        ))
      )}
      <MoreButton query={reservations} />
    </Stack>
  );
}

/** SHOP-02: one reservation with its payment request and attempts, and its actions. */
export function ConsoleReservationPage() {
  const { t } = useTranslation();
  const { shopId = "", reservationId = "" } = useParams();
  const canManage = useCanManage(shopId);
  const reservation = useShopReservation(shopId, reservationId);
  if (!canManage) return <Forbidden />;
  if (reservation.isPending) return <Loading />;
  if (reservation.isError) {
    return <ErrorState error={reservation.error} onRetry={() => void reservation.refetch()} />;
  }
  const r = reservation.data;
  return (
    <Stack>
      <Anchor component={Link} to={`/console/shops/${shopId}/reservations?view=all`}>
        {t("console.reservations")}
      </Anchor>
      <PageTitle>
        {t("reservations.pickupNumber")} {r.pickup_number}
      </PageTitle>
      <Card withBorder data-testid="shop-reservation">
        <Stack gap="xs">
          <ReservationSummary reservation={r} />
          <Actions shopId={shopId} reservation={r} />
          {r.payment_method === "prepaid" && <PaymentHistory payment={r.payment} />}
          <ShopTimeline shopId={shopId} kind="reservation" id={r.id} />
        </Stack>
      </Card>
      <OrderMessages thread={{ kind: "reservation", id: r.id, shopId }} />
    </Stack>
  );
}
