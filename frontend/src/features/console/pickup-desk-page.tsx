import { PageTitle } from "../../components/page-title";
import { Alert, Button, Card, Checkbox, Group, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import type { components } from "../../api/schema";
import { useErrorMessage } from "../../components/states";
import { completeReservation, findPickup } from "./api/reservation-actions";
import { ReservationSummary } from "./console-reservations-page";
import { Forbidden } from "./forbidden";
import { useCanManage } from "./use-managed-shop";

type Reservation = components["schemas"]["ReservationResponse"];

/** RSV-03, RSV-04: the pickup desk — enter (or scan) the pickup number, check, take payment, hand over. */
export function PickupDeskPage() {
  const { t } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [number, setNumber] = useState(params.get("number") ?? "");
  const [submitted, setSubmitted] = useState(params.get("number")?.trim() ?? "");
  const [paidInStore, setPaidInStore] = useState(false);
  const [busy, setBusy] = useState(false);
  const pickup = useQuery({
    queryKey: ["console", shopId, "pickup", submitted],
    queryFn: () => findPickup(shopId, submitted),
    enabled: canManage && submitted !== "",
    retry: false,
  });
  const found: Reservation | undefined = pickup.data;

  if (!canManage) return <Forbidden />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPaidInStore(false);
    setSubmitted(number.trim());
  };
  const handOver = async () => {
    if (!found) return;
    setBusy(true);
    try {
      await completeReservation(shopId, found.id, paidInStore);
      notifications.show({ color: "teal", message: t("console.handedOver") });
      await queryClient.invalidateQueries({ queryKey: ["console", shopId] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={640}>
      <PageTitle>{t("console.pickupDesk")}</PageTitle>
      <form onSubmit={submit} role="search">
        <Group align="flex-end">
          <TextInput
            label={t("reservations.pickupNumber")}
            placeholder="ABCD-2345"
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            autoFocus
            style={{ flex: 1 }}
          />
          <Button type="submit">{t("console.find")}</Button>
        </Group>
      </form>
      {pickup.isError && <Alert color="red">{message(pickup.error)}</Alert>}
      {found && (
        <Card withBorder data-testid="pickup">
          <Stack>
            <ReservationSummary reservation={found} />
            {found.status === "held" && found.payment_method === "in_store" && (
              <Checkbox
                label={t("console.paidInStore")}
                checked={paidInStore}
                onChange={(e) => setPaidInStore(e.currentTarget.checked)}
              />
            )}
            {found.status === "held" && found.awaiting_payment && (
              <Alert color="orange">{t("console.notPaidYet")}</Alert>
            )}
            {found.status === "held" && !found.awaiting_payment && (
              <Button
                onClick={() => void handOver()}
                loading={busy}
                disabled={found.payment_method === "in_store" && !paidInStore}
                w="fit-content"
              >
                {t("console.handOver")}
              </Button>
            )}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
