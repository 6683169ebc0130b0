import { Alert, Button, Card, Group, NumberInput, Select, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import type { components } from "../../api/schema";
import { useSession } from "../../auth/use-session";
import { formatDate } from "../../components/format";
import { useErrorMessage } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { useShop } from "../../shared/api/get-shop";
import { createReservation } from "./api/create-reservation";

/** The visit dates a shop accepts: its business days inside its reservation window (RSV-01). */
export function visitDates(shop: components["schemas"]["ShopResponse"]): string[] {
  const days = shop.calendar.upcoming;
  return days
    .filter((d, i) => i >= shop.reservation_min_days && i <= shop.reservation_max_days && d.business_day)
    .map((d) => d.date);
}

/** RSV-01: reserve the chosen variant at its shop for a planned visit date. */
export function ReserveForm({
  variant,
  shopId,
  prepaid,
}: {
  variant: components["schemas"]["VariantResponse"];
  shopId: string;
  prepaid: boolean;
}) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const shop = useShop(shopId);
  const message = useErrorMessage();
  const [date, setDate] = useState<string | null>(null);
  const [quantity, setQuantity] = useState<number | string>(1);
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<components["schemas"]["ReservationResponse"]>();
  const errors = useFormErrors<"visit_date" | "quantity" | "variant_id">();
  const [failure, setFailure] = useState<string>();
  const dates = shop.data ? visitDates(shop.data) : [];

  const submit = async () => {
    if (!session) {
      void navigate(`/login?next=${encodeURIComponent(location.pathname)}`);
      return;
    }
    if (!date) return errors.setFields({ visit_date: "reservations.chooseDate" });
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await createReservation(
        { variant_id: variant.id, quantity: Number(quantity), visit_date: date },
        attempt,
      );
      errors.clear();
      setDone(created);
      setAttempt(crypto.randomUUID());
      void queryClient.invalidateQueries({ queryKey: ["my-reservations"] });
    } catch (error) {
      errors.capture(error);
      setFailure(message(error));
      setAttempt(crypto.randomUUID());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("reservations.reserve")}
        </Title>
        <Text size="sm" c="dimmed">
          {prepaid ? t("reservations.prepaidNote") : t("reservations.inStoreNote")}
        </Text>
        {done ? (
          <Alert color="teal" title={t("reservations.reserved")} data-testid="reserved">
            <Stack gap={4}>
              <Text>{t("reservations.reservedLead")}</Text>
              <Text fw={700}>
                {t("reservations.pickupNumber")}: {done.pickup_number}
              </Text>
              <Button component={Link} to="/mypage#reservations" variant="default" w="fit-content">
                {t("reservations.toMyReservations")}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <>
            <Group grow align="flex-start">
              <Select
                label={t("reservations.visitDate")}
                placeholder={t("reservations.chooseDate")}
                data={dates.map((d) => ({ value: d, label: formatDate(d, i18n.language) }))}
                value={date}
                onChange={setDate}
                error={errors.errorOf("visit_date")}
                comboboxProps={{ withinPortal: true }}
              />
              <NumberInput
                label={t("cart.quantity")}
                min={1}
                max={99}
                value={quantity}
                onChange={setQuantity}
                error={errors.errorOf("quantity")}
              />
            </Group>
            {failure && !errors.errorOf("visit_date") && !errors.errorOf("quantity") && (
              <Alert color="red">{failure}</Alert>
            )}
            <Button onClick={() => void submit()} loading={busy} w="fit-content">
              {session ? t("reservations.reserve") : t("reservations.loginToReserve")}
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}
