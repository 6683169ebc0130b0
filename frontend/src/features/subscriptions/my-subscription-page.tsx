import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { components } from "../../api/schema";
import { PageTitle } from "../../components/page-title";
import { ErrorState, Loading } from "../../components/states";
import { useAction } from "../../components/use-action";
import { useAddresses } from "../../shared/api/list-addresses";
import { cardLabel, useCards } from "../../shared/api/cards";
import { SubscriptionDetails } from "../../shared/ui/subscription-details";
import { useMySubscription } from "./api/my-subscription";
import { useSubscriptionTerms } from "./api/subscription-terms";
import { consentToPrices, updateMySubscription } from "./api/update-my-subscription";
import { yen } from "../../components/format";
import { TIME_SLOTS } from "../../shared/time-slots";
import { choiceValue, paymentChoices, takesCarrier } from "../../shared/payment-choices";

type Subscription = components["schemas"]["SubscriptionResponse"];
type Terms = components["schemas"]["SubscriptionTermsResponse"];

/** SUB-10: the cycle and time slot, when the shop lets members change them. */
function CycleChange({ s, terms }: { s: Subscription; terms: Terms }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["my-subscriptions"]);
  const kinds = [
    ...(terms.monthly_allowed ? (["monthly"] as const) : []),
    ...(terms.interval_allowed ? (["every_days"] as const) : []),
  ];
  const [kind, setKind] = useState<"monthly" | "every_days">(s.cycle.kind);
  const [value, setValue] = useState<number | string>(s.cycle.value);
  const [slot, setSlot] = useState<string | null>(s.delivery_time_slot ?? null);
  if (!terms.member_changes_cycle) return <Alert color="gray">{t("subscriptions.notAllowed")}</Alert>;
  const save = () =>
    run(
      () =>
        updateMySubscription(s.id, {
          cycle: { kind, value: Number(value) },
          ...(slot ? { delivery_time_slot: slot } : {}),
        }),
      "subscriptions.changed",
    );
  return (
    <Stack gap="xs" data-testid="cycle-change">
      <SegmentedControl
        data={kinds.map((k) => ({ value: k, label: t(`subscriptions.cycleKind.${k}`) }))}
        value={kind}
        onChange={(k) => setKind(k === "every_days" ? "every_days" : "monthly")}
      />
      <Group align="end">
        <NumberInput
          label={kind === "monthly" ? t("subscriptions.monthlyDay") : t("subscriptions.intervalDays")}
          description={
            kind === "every_days"
              ? t("subscriptions.intervalRange", { min: terms.interval_min, max: terms.interval_max })
              : undefined
          }
          w={160}
          min={1}
          max={kind === "monthly" ? 31 : terms.interval_max}
          allowDecimal={false}
          value={value}
          onChange={setValue}
        />
        <Select
          label={t("subscriptions.timeSlot")}
          placeholder={t("subscriptions.anyTime")}
          data={TIME_SLOTS.map((v) => ({ value: v, label: t(`checkout.slots.${v}`) }))}
          value={slot}
          onChange={setSlot}
          w={160}
        />
        <Button loading={busy} onClick={() => void save()}>
          {t("subscriptions.save")}
        </Button>
      </Group>
    </Stack>
  );
}

/** SUB-10: deliver to another of the member's addresses. */
function AddressChange({ s }: { s: Subscription }) {
  const { t } = useTranslation();
  const addresses = useAddresses();
  const { busy, run } = useAction(["my-subscriptions"]);
  const [addressId, setAddressId] = useState<string | null>(null);
  if (!addresses.data) return null;
  return (
    <Group align="end">
      <Select
        label={t("subscriptions.changeAddress")}
        data={addresses.data.map((a) => ({
          value: a.id,
          label: `〒${a.postal_code_display} ${a.prefecture_name}${a.city}${a.street} ${a.recipient_name}`,
        }))}
        value={addressId}
        onChange={setAddressId}
        miw={260}
      />
      <Button
        variant="default"
        loading={busy}
        disabled={!addressId}
        onClick={() =>
          void run(() => updateMySubscription(s.id, { address_id: addressId }), "subscriptions.changed")
        }
      >
        {t("subscriptions.save")}
      </Button>
    </Group>
  );
}

/** SUB-10, PAY-08: pay later deliveries another way, among those the shop offers for this carrier. */
function PaymentChange({ s, terms }: { s: Subscription; terms: Terms }) {
  const { t } = useTranslation();
  const cards = useCards();
  const { busy, run } = useAction(["my-subscriptions"]);
  const [value, setValue] = useState<string>(choiceValue(s.payment_method, s.custom_method_id));
  const [cardId, setCardId] = useState<string | null>(s.card_id ?? null);
  if (!terms.member_changes_payment) return null;
  const choices = paymentChoices(terms, t).filter((c) => takesCarrier(c, s.carrier));
  const chosen = choices.find((c) => c.value === value);
  const method = chosen?.method ?? s.payment_method;
  const chosenCard = cardId ?? cards.data?.find((c) => c.is_default)?.id ?? cards.data?.[0]?.id ?? null;
  return (
    <Group align="end" data-testid="payment-change">
      <Select
        label={t("subscriptions.paymentMethod")}
        data={choices.map((c) => ({ value: c.value, label: c.label }))}
        value={chosen?.value ?? null}
        onChange={(v) => v && setValue(v)}
        description={chosen?.description || undefined}
        allowDeselect={false}
        w={200}
      />
      {method === "card" && (
        <Select
          label={t("subscriptions.card")}
          placeholder={t("subscriptions.noCard")}
          data={(cards.data ?? []).map((c) => ({
            value: c.id,
            label: cardLabel(c),
          }))}
          value={chosenCard}
          onChange={setCardId}
          allowDeselect={false}
          miw={240}
        />
      )}
      <Button
        variant="default"
        loading={busy}
        disabled={method === "card" && !chosenCard}
        onClick={() =>
          void run(
            () =>
              updateMySubscription(s.id, {
                payment_method: method,
                card_id: method === "card" ? chosenCard : null,
                custom_method_id: chosen?.customMethodId ?? null,
              }),
            "subscriptions.changed",
          )
        }
      >
        {t("subscriptions.save")}
      </Button>
    </Group>
  );
}

/** Issue 12, item 10: the shop raised a later price; it applies only once the member consents here. */
function PriceConsent({ s }: { s: Subscription }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["my-subscriptions"]);
  const raised = s.items.filter((i) => i.active && i.proposed_price);
  if (raised.length === 0) return null;
  return (
    <Alert color="orange" title={t("subscriptions.priceRaise.title")} data-testid="price-consent">
      <Stack gap="xs">
        <Text size="sm">{t("subscriptions.priceRaise.lead")}</Text>
        {raised.map((i) => (
          <Text key={i.id} size="sm">
            {i.product_name} ({i.color} / {i.size}) ×{i.quantity}: {yen(i.unit_price)} →{" "}
            <b>{yen(i.proposed_price ?? i.unit_price)}</b>
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t("subscriptions.priceRaise.decline")}
        </Text>
        <Group>
          <Button
            loading={busy}
            onClick={() =>
              void run(
                () =>
                  consentToPrices(
                    s.id,
                    raised.map((i) => ({ item_id: i.id, price: i.proposed_price ?? i.unit_price })),
                  ),
                "subscriptions.priceRaise.done",
              )
            }
          >
            {t("subscriptions.priceRaise.consent")}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** SUB-10: one of the member's subscriptions with what the shop lets the member change. */
export function MySubscriptionPage() {
  const { t } = useTranslation();
  const { subscriptionId } = useParams();
  const subscription = useMySubscription(subscriptionId);
  const terms = useSubscriptionTerms(subscription.data?.shop.id);
  if (subscription.isPending) return <Loading />;
  if (subscription.isError)
    return <ErrorState error={subscription.error} onRetry={() => void subscription.refetch()} />;
  const s = subscription.data;
  return (
    <Stack>
      <PageTitle>
        {t("subscriptions.number")} {s.number}
      </PageTitle>
      {s.status === "active" && <PriceConsent s={s} />}
      <SubscriptionDetails subscription={s} />
      {s.status === "active" && terms.data && (
        <Card withBorder>
          <Stack>
            <Title order={3} size="h5">
              {t("subscriptions.changeCycle")}
            </Title>
            <CycleChange key={`${s.cycle.kind}-${s.cycle.value}`} s={s} terms={terms.data} />
            <AddressChange s={s} />
            <PaymentChange
              key={`${s.payment_method}-${s.card_id ?? ""}-${s.custom_method_id ?? ""}`}
              s={s}
              terms={terms.data}
            />
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
