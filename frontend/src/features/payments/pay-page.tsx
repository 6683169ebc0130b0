import { PageTitle } from "../../components/page-title";
import { Alert, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDate, formatDeadline, yen } from "../../components/format";
import { ErrorState, Loading, useErrorMessage } from "../../components/states";
import { OrderLines } from "../../shared/ui/order-lines";
import { useCards } from "../../shared/api/cards";
import { pay } from "./api/pay";
import { usePaymentRequest } from "./api/payment-request";
import { CardsPanel } from "./cards-panel";

/** ORD-02, RSV-04, PAY-04: the page the emailed payment URL opens — review, choose or register a card, pay. */
export function PayPage() {
  const { t, i18n } = useTranslation();
  const token = useParams().token ?? "";
  const request = usePaymentRequest(token);
  const cards = useCards();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [cardId, setCardId] = useState<string>();
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const preferred =
    cards.data?.find((c) => c.is_default && !c.expired) ?? cards.data?.find((c) => !c.expired);
  const chosen = cardId ?? preferred?.id;

  if (request.isPending) return <Loading />;
  if (request.isError) return <ErrorState error={request.error} />;
  const r = request.data;
  const submit = async () => {
    if (!chosen) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await pay(token, chosen, attempt);
      await queryClient.invalidateQueries({ queryKey: ["payment-request", token] });
      void queryClient.invalidateQueries({ queryKey: ["my-orders"] });
      void queryClient.invalidateQueries({ queryKey: ["my-reservations"] });
    } catch (error) {
      setFailure(message(error));
      // A refused attempt is settled: the next press is a new attempt with a new key.
      setAttempt(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: ["payment-request", token] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={640}>
      <PageTitle>{t("pay.title")}</PageTitle>
      <Card withBorder>
        <Stack gap="xs">
          {r.order && (
            <>
              <Text fw={600}>
                {r.order.shop.name} ・ {t("checkout.orderNumber")} {r.order.number}
              </Text>
              <OrderLines order={r.order} withTotal={false} />
            </>
          )}
          {r.reservation && (
            <>
              <Text fw={600}>
                {r.reservation.shop.name} ・ {t("reservations.pickupNumber")} {r.reservation.pickup_number}
              </Text>
              <Text>
                {r.reservation.product_name}（{r.reservation.color} / {r.reservation.size}）×{" "}
                {r.reservation.quantity}
              </Text>
              <Text size="sm">
                {t("reservations.visitDate")}: {formatDate(r.reservation.visit_date, i18n.language)}
              </Text>
            </>
          )}
          <Group justify="space-between">
            <Text>{t("pay.amount")}</Text>
            <Text fw={700} size="xl" data-testid="pay-amount">
              {yen(r.amount)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t("pay.expires")}: {formatDeadline(r.expires_at, i18n.language)}
          </Text>
        </Stack>
      </Card>
      {r.status === "paid" ? (
        <Alert color="teal" title={t("pay.paid")}>
          <Stack gap="xs">
            <Text>{r.order ? t("pay.paidOrderLead") : t("pay.paidReservationLead")}</Text>
            <Button component={Link} to="/mypage" variant="default" w="fit-content">
              {t("pay.toMyPage")}
            </Button>
          </Stack>
        </Alert>
      ) : !r.payable ? (
        <Alert color="red">
          {r.status === "cancelled"
            ? t("problem.payment_request_cancelled")
            : t("problem.payment_request_expired")}
        </Alert>
      ) : (
        <>
          <CardsPanel
            selected={chosen}
            onSelect={(id) => {
              setCardId(id);
              setFailure(undefined);
            }}
          />
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <Button size="lg" onClick={() => void submit()} loading={busy} disabled={!chosen}>
            {t("pay.payAmount", { amount: yen(r.amount) })}
          </Button>
        </>
      )}
    </Stack>
  );
}
