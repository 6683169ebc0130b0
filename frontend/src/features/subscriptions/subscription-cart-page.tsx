import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { components } from "../../api/schema";
import { formatDate, yen } from "../../components/format";
import { PageTitle } from "../../components/page-title";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { useAddresses } from "../../shared/api/list-addresses";
import { AddressForm } from "../../shared/ui/address-form";
import { useCycleLabel } from "../../shared/ui/subscription-details";
import { cardLabel, useCards } from "../../shared/api/cards";
import { usePoints } from "../../shared/api/points";
import { placeSubscription } from "./api/place-subscription";
import { reviewSubscription, type SubscriptionCheckout } from "./api/review-subscription";
import { setSubscriptionCartItem } from "./api/set-subscription-cart-item";
import { addSubscriptionCartItem } from "./api/add-subscription-cart-item";
import { notifications } from "@mantine/notifications";
import { useErrorMessage } from "../../components/states";
import { useSubscriptionCart } from "./api/subscription-cart";
import { useSubscriptionTerms } from "./api/subscription-terms";
import { TIME_SLOTS } from "../../shared/time-slots";
import { paymentChoices } from "../../shared/payment-choices";

type Review = components["schemas"]["SubscriptionReviewResponse"];
type Placed = components["schemas"]["PlacedSubscriptionResponse"];
type Field =
  | "cycle"
  | "cycle.value"
  | "address_id"
  | "payment_method"
  | "card_id"
  | "custom_method_id"
  | "delivery_time_slot"
  | "points";

function PlacedView({ placed }: { placed: Placed }) {
  const { t, i18n } = useTranslation();
  const s = placed.subscription;
  // The payment link is this site's /pay/{token}: open it in the SPA.
  const payPath = placed.payment_url ? new URL(placed.payment_url).pathname : null;
  return (
    <Stack>
      <PageTitle>{t("subscriptions.placedTitle")}</PageTitle>
      <Alert color="teal" role="status">
        {t("subscriptions.placedLead")}
      </Alert>
      <Card withBorder>
        <Text>
          {t("subscriptions.number")}: <b data-testid="subscription-number">{s.number}</b>
        </Text>
        {s.next_delivery_on && (
          <Text>
            {t("subscriptions.nextDelivery")}: {formatDate(s.next_delivery_on, i18n.language)}
          </Text>
        )}
      </Card>
      <Group>
        {payPath && (
          <Button component={Link} to={payPath}>
            {t("subscriptions.payFirst")}
          </Button>
        )}
        <Button component={Link} to={`/mypage/subscriptions/${s.id}`} variant="default">
          {t("subscriptions.details")}
        </Button>
      </Group>
    </Stack>
  );
}

/** The final confirmation (特定商取引法 §12-6): what each delivery costs, when, and how to end it. */
function Confirmation({
  review,
  busy,
  onPlace,
  onBack,
}: {
  review: Review;
  busy: boolean;
  onPlace: () => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const cycle = useCycleLabel();
  return (
    <Card withBorder data-testid="subscription-confirmation">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("subscriptions.confirmTitle")}
        </Title>
        <Text size="sm">{t("subscriptions.confirmLead")}</Text>
        <Table>
          <Table.Tbody>
            {review.cart.lines.map((l) => (
              <Table.Tr key={l.variant_id}>
                <Table.Td>
                  {l.product_name} ({l.color} / {l.size}) ×{l.quantity}
                </Table.Td>
                <Table.Td>
                  {t("subscriptions.firstPrice")} {yen(l.first_price)} / {t("subscriptions.laterPrice")}{" "}
                  {yen(l.price)}
                </Table.Td>
                <Table.Td>
                  {l.max_deliveries
                    ? t("subscriptions.times", { count: l.max_deliveries })
                    : t("subscriptions.unlimited")}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text>
          {t("subscriptions.cycle")}: {cycle(review.cycle)}
        </Text>
        <Text>
          {t("subscriptions.shippingFee")}: {yen(review.shipping_fee)} / {t("subscriptions.fee")}:{" "}
          {yen(review.fee)}
        </Text>
        <Text fw={700} data-testid="first-total">
          {t("subscriptions.firstTotal")}: {yen(review.first_total)}
        </Text>
        {review.points_used > 0 && (
          <>
            <Text>
              {t("subscriptions.points.used")}: −
              {t("subscriptions.points.unit", { count: review.points_used })}
            </Text>
            <Text fw={700} data-testid="first-amount-due">
              {t("subscriptions.points.amountDue")}: {yen(review.first_amount_due)}
            </Text>
          </>
        )}
        <Text fw={700} data-testid="later-total">
          {t("subscriptions.laterTotal")}: {yen(review.later_total)}
        </Text>
        <Text>
          {t("subscriptions.nextDelivery")}: {formatDate(review.next_delivery_on, i18n.language)}
        </Text>
        <Text size="sm" c="dimmed">
          {t("subscriptions.leadNote", { days: review.lead_days })} {t("subscriptions.howToEnd")}
        </Text>
        <Group>
          <Button color="grape" loading={busy} onClick={onPlace}>
            {t("subscriptions.place")}
          </Button>
          <Button variant="default" onClick={onBack}>
            {t("subscriptions.back")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** CART-01, SUB-01, SUB-02: the subscription cart, the cycle and payment, the review, then placing. */
export function SubscriptionCartPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  // ACC-06: back from sign-up (or login) with the item the guest chose: add it once, then forget it.
  const [params, setParams] = useSearchParams();
  const adding = params.get("add");
  const added = useRef(false);
  useEffect(() => {
    if (!adding || added.current) return;
    added.current = true;
    void (async () => {
      try {
        const quantity = Math.min(99, Math.max(1, Number(params.get("qty")) || 1));
        const cart = await addSubscriptionCartItem(adding, quantity);
        // A cart read that started before the add would answer after it with the cart as it was.
        await queryClient.cancelQueries({ queryKey: ["subscription-cart"] });
        queryClient.setQueryData(["subscription-cart"], cart);
        notifications.show({ color: "teal", message: t("subscriptions.added") });
      } catch (error) {
        notifications.show({ color: "red", message: message(error) });
      } finally {
        setParams({}, { replace: true });
      }
    })();
  }, [adding, params, queryClient, setParams, message, t]);
  const cart = useSubscriptionCart();
  const terms = useSubscriptionTerms(cart.data?.shop?.id);
  const addresses = useAddresses();
  const cards = useCards();
  const [kind, setKind] = useState<"monthly" | "every_days" | null>(null);
  const [value, setValue] = useState<number | string>("");
  const [method, setMethod] = useState<string | null>(null);
  const [cardId, setCardId] = useState<string | null>(null);
  const [addressId, setAddressId] = useState<string | null>(null);
  const [slot, setSlot] = useState<string | null>(null);
  const [firstDate, setFirstDate] = useState("");
  const [points, setPoints] = useState("");
  const balance = usePoints().data?.balance ?? 0;
  const [review, setReview] = useState<Review | null>(null);
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [busy, setBusy] = useState(false);
  const [key] = useState(() => crypto.randomUUID());
  const errors = useFormErrors<Field | "first_delivery_on">();

  if (placed) return <PlacedView placed={placed} />;
  if (adding || cart.isPending || addresses.isPending) return <Loading />;
  if (cart.isError) return <ErrorState error={cart.error} onRetry={() => void cart.refetch()} />;
  if (addresses.isError)
    return <ErrorState error={addresses.error} onRetry={() => void addresses.refetch()} />;
  if (cart.data.lines.length === 0) return <Empty message={t("subscriptions.cartEmpty")} />;
  if (terms.isPending) return <Loading />;
  if (terms.isError) return <ErrorState error={terms.error} onRetry={() => void terms.refetch()} />;

  const offered = terms.data;
  const kinds = [
    ...(offered.monthly_allowed ? (["monthly"] as const) : []),
    ...(offered.interval_allowed ? (["every_days"] as const) : []),
  ];
  const chosenKind = kind ?? kinds[0] ?? "monthly";
  const choices = paymentChoices(offered, t);
  const chosen = choices.find((c) => c.value === method) ?? choices[0];
  const chosenMethod = chosen?.method ?? "card";
  const chosenCard = cardId ?? cards.data?.find((c) => c.is_default)?.id ?? cards.data?.[0]?.id ?? null;
  const chosenAddress =
    addressId ?? addresses.data.find((a) => a.is_default)?.id ?? addresses.data[0]?.id ?? null;
  const body = (): SubscriptionCheckout | null => {
    if (!chosenAddress) return null;
    return {
      cycle: { kind: chosenKind, value: Number(value) },
      address_id: chosenAddress,
      payment_method: chosenMethod,
      card_id: chosenMethod === "card" ? chosenCard : null,
      custom_method_id: chosen?.customMethodId ?? null,
      delivery_time_slot: slot || null,
      first_delivery_on: firstDate || null,
      points: Number(points) > 0 ? Math.floor(Number(points)) : null,
    };
  };
  const toReview = async () => {
    const request = body();
    if (!request) return errors.setFields({ address_id: "error.required" });
    if (!(Number(value) >= 1)) return errors.setFields({ "cycle.value": "error.required" });
    errors.clear();
    setBusy(true);
    try {
      setReview(await reviewSubscription(request));
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  const place = async () => {
    const request = body();
    if (!request) return;
    setBusy(true);
    try {
      setPlaced(await placeSubscription(request, key));
      void queryClient.invalidateQueries({ queryKey: ["subscription-cart"] });
      void queryClient.invalidateQueries({ queryKey: ["my-subscriptions"] });
    } catch (error) {
      setReview(null);
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  const setQuantity = async (variantId: string, quantity: number) => {
    queryClient.setQueryData(["subscription-cart"], await setSubscriptionCartItem(variantId, quantity));
    setReview(null);
  };

  return (
    <Stack>
      <PageTitle>{t("subscriptions.cart")}</PageTitle>
      <Card withBorder>
        <Text size="sm" c="dimmed">
          {cart.data.shop?.name}
        </Text>
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Tbody>
              {cart.data.lines.map((l) => (
                <Table.Tr key={l.variant_id}>
                  <Table.Td>
                    {l.product_name} ({l.color} / {l.size})
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t("cart.quantity")}
                      w={80}
                      min={0}
                      max={99}
                      allowDecimal={false}
                      value={l.quantity}
                      onChange={(q) => void setQuantity(l.variant_id, Number(q))}
                    />
                  </Table.Td>
                  <Table.Td>
                    {yen(l.first_price)} → {yen(l.price)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {review ? (
        <Confirmation
          review={review}
          busy={busy}
          onPlace={() => void place()}
          onBack={() => setReview(null)}
        />
      ) : (
        <Card withBorder>
          <Stack>
            {errors.general && <Alert color="red">{errors.general}</Alert>}
            <Title order={2} size="h4">
              {t("subscriptions.cycle")}
            </Title>
            <SegmentedControl
              data={kinds.map((k) => ({ value: k, label: t(`subscriptions.cycleKind.${k}`) }))}
              value={chosenKind}
              onChange={(k) => setKind(k === "every_days" ? "every_days" : "monthly")}
            />
            <NumberInput
              label={
                chosenKind === "monthly" ? t("subscriptions.monthlyDay") : t("subscriptions.intervalDays")
              }
              description={
                chosenKind === "every_days"
                  ? t("subscriptions.intervalRange", { min: offered.interval_min, max: offered.interval_max })
                  : undefined
              }
              min={chosenKind === "monthly" ? 1 : offered.interval_min}
              max={chosenKind === "monthly" ? 31 : offered.interval_max}
              allowDecimal={false}
              value={value}
              onChange={setValue}
              error={errors.errorOf("cycle.value") ?? errors.errorOf("cycle")}
              required
            />
            <Select
              label={t("subscriptions.paymentMethod")}
              data={choices.map((c) => ({ value: c.value, label: c.label }))}
              value={chosen?.value ?? null}
              onChange={setMethod}
              error={errors.errorOf("payment_method") ?? errors.errorOf("custom_method_id")}
              description={chosen?.description || undefined}
              allowDeselect={false}
            />
            {chosenMethod === "card" &&
              (cards.data && cards.data.length > 0 ? (
                <Select
                  label={t("subscriptions.card")}
                  data={cards.data.map((c) => ({
                    value: c.id,
                    label: cardLabel(c),
                  }))}
                  value={chosenCard}
                  onChange={setCardId}
                  error={errors.errorOf("card_id")}
                  allowDeselect={false}
                />
              ) : (
                <Alert color="yellow">
                  {t("subscriptions.noCard")} <Link to="/mypage">{t("mypage.title")}</Link>
                </Alert>
              ))}
            {addresses.data.length === 0 && (
              // ACC-06: a member who just signed up gives the first delivery address here.
              <AddressForm onSaved={() => void addresses.refetch()} />
            )}
            <Select
              label={t("checkout.shipTo")}
              data={addresses.data.map((a) => ({
                value: a.id,
                label: `〒${a.postal_code_display} ${a.prefecture_name}${a.city}${a.street} ${a.recipient_name}`,
              }))}
              value={chosenAddress}
              onChange={setAddressId}
              error={errors.errorOf("address_id")}
              allowDeselect={false}
            />
            <Select
              label={t("subscriptions.timeSlot")}
              placeholder={t("subscriptions.anyTime")}
              data={TIME_SLOTS.map((s) => ({ value: s, label: t(`checkout.slots.${s}`) }))}
              value={slot}
              onChange={setSlot}
              clearable
              error={errors.errorOf("delivery_time_slot")}
            />
            <TextInput
              type="date"
              label={t("subscriptions.firstDelivery")}
              value={firstDate}
              onChange={(e) => setFirstDate(e.currentTarget.value)}
              error={errors.errorOf("first_delivery_on")}
            />
            {balance > 0 && (
              <TextInput
                inputMode="numeric"
                label={t("subscriptions.points.use")}
                description={t("subscriptions.points.useHint", { count: balance })}
                value={points}
                onChange={(e) => setPoints(e.currentTarget.value.replace(/[^0-9]/g, ""))}
                error={errors.errorOf("points")}
              />
            )}
            <Button color="grape" w="fit-content" loading={busy} onClick={() => void toReview()}>
              {t("subscriptions.review")}
            </Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
