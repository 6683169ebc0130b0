import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageTitle } from "../../../components/page-title";
import { ErrorState, Loading } from "../../../components/states";
import { useFormErrors } from "../../../components/use-server-errors";
import { Forbidden } from "../forbidden";
import { useIsOwner } from "../use-managed-shop";
import {
  type SubscriptionSettings,
  updateSubscriptionSettings,
  useSubscriptionSettings,
} from "./api/subscription-settings";

const METHODS = ["card", "cash_on_delivery", "deferred"] as const;
const CARRIERS = ["yamato", "sagawa", "japan_post", "seino", "other"] as const;
type Carrier = (typeof CARRIERS)[number];
const RULES = ["system", "sequence", "prefix", "date"] as const;
type Field =
  | "interval_min"
  | "interval_max"
  | "payment_methods"
  | "method_carriers"
  | "cod_fee"
  | "custom_methods"
  | "shipping_discount"
  | "points_rate_bp"
  | "lead_days"
  | "number_rule"
  | "number_rule.digits"
  | "number_rule.prefix"
  | "number_initial";

type CustomMethod = NonNullable<SubscriptionSettings["custom_methods"]>[number];

/** PAY-08: the shop's own payment methods (自由設定決済), each with its fee, carriers and description. */
function CustomMethods({
  methods,
  onChange,
  error,
}: {
  methods: CustomMethod[];
  onChange: (methods: CustomMethod[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const change = (index: number, patch: Partial<CustomMethod>) =>
    onChange(methods.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <Stack gap="xs" data-testid="custom-methods">
      <Text fw={500} size="sm">
        {t("subscriptionConsole.customMethods")}
      </Text>
      <Text size="xs" c="dimmed">
        {t("subscriptionConsole.customMethodsLead")}
      </Text>
      {methods.map((m, index) => (
        <Card key={m.id ?? `new-${index}`} withBorder padding="xs">
          <Stack gap={4}>
            <Group align="end">
              <TextInput
                label={t("subscriptionConsole.customName")}
                value={m.name}
                maxLength={40}
                onChange={(e) => change(index, { name: e.currentTarget.value })}
                w={220}
              />
              <NumberInput
                label={t("subscriptionConsole.customFee")}
                value={Number(m.fee)}
                min={0}
                max={100000}
                onChange={(fee) => change(index, { fee: String(fee === "" ? 0 : fee) })}
                w={120}
              />
              <Button
                variant="subtle"
                color="red"
                onClick={() => onChange(methods.filter((_, i) => i !== index))}
              >
                {t("subscriptionConsole.customRemove")}
              </Button>
            </Group>
            <MultiSelect
              label={t("subscriptionConsole.methodCarriers", { method: m.name })}
              placeholder={t("subscriptionConsole.everyCarrier")}
              data={CARRIERS.map((c) => ({ value: c, label: t(`orders.carrier.${c}`) }))}
              value={m.carriers ?? []}
              onChange={(carriers) => change(index, { carriers: carriers as Carrier[] })}
              clearable
              w={360}
              maw="100%"
            />
            <TextInput
              label={t("subscriptionConsole.customDescription")}
              value={m.description ?? ""}
              maxLength={500}
              onChange={(e) => change(index, { description: e.currentTarget.value })}
            />
          </Stack>
        </Card>
      ))}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {methods.length < 10 && (
        <Group>
          <Button
            variant="default"
            onClick={() => onChange([...methods, { name: "", fee: "0", carriers: [], description: "" }])}
          >
            {t("subscriptionConsole.customAdd")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SettingsForm({
  shopId,
  initial,
  active,
}: {
  shopId: string;
  initial: SubscriptionSettings;
  active: number;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SubscriptionSettings>(initial);
  const [restart, setRestart] = useState<number | string>("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();
  const set = <K extends keyof SubscriptionSettings>(key: K, value: SubscriptionSettings[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const flag = (key: keyof SubscriptionSettings, label: string) => (
    <Checkbox
      label={t(label)}
      checked={Boolean(form[key])}
      onChange={(e) => set(key, e.currentTarget.checked as never)}
    />
  );
  const number = (
    key: keyof SubscriptionSettings & Field,
    label: string,
    min: number,
    max: number,
    hint?: string,
  ) => (
    <NumberInput
      label={t(label)}
      description={hint && t(hint)}
      min={min}
      max={max}
      allowDecimal={false}
      value={Number(form[key])}
      onChange={(v) => set(key, (typeof form[key] === "string" ? String(v) : Number(v)) as never)}
      error={errors.errorOf(key)}
      w={260}
    />
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const saved = await updateSubscriptionSettings(shopId, {
        ...form,
        number_initial: restart === "" ? null : Number(restart),
      });
      queryClient.setQueryData(["subscription-settings", shopId], saved);
      setRestart("");
      errors.clear();
      notifications.show({ color: "teal", message: t("subscriptionConsole.saved") });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  const rule = form.number_rule;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t("subscriptionConsole.settings")}>
      <Stack>
        {errors.general && <Alert color="red">{errors.general}</Alert>}
        <Text size="sm" c="dimmed">
          {t("subscriptionConsole.active", { count: active })}
        </Text>
        <Card withBorder>
          <Stack gap="xs">
            {flag("enabled", "subscriptionConsole.enabled")}
            {flag("accepting", "subscriptionConsole.accepting")}
            {flag("monthly_allowed", "subscriptionConsole.monthlyAllowed")}
            {flag("interval_allowed", "subscriptionConsole.intervalAllowed")}
            <Group>
              {number("interval_min", "subscriptionConsole.intervalMin", 1, 365)}
              {number("interval_max", "subscriptionConsole.intervalMax", 1, 365)}
            </Group>
            <Checkbox.Group
              label={t("subscriptionConsole.paymentMethods")}
              value={form.payment_methods}
              onChange={(v) => set("payment_methods", v as SubscriptionSettings["payment_methods"])}
              error={errors.errorOf("payment_methods")}
            >
              <Group mt={4}>
                {METHODS.map((m) => (
                  <Checkbox key={m} value={m} label={t(`subscriptions.methods.${m}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            {form.payment_methods.map((method) => (
              <MultiSelect
                key={method}
                label={t("subscriptionConsole.methodCarriers", {
                  method: t(`subscriptions.methods.${method}`),
                })}
                placeholder={t("subscriptionConsole.everyCarrier")}
                data={CARRIERS.map((c) => ({ value: c, label: t(`orders.carrier.${c}`) }))}
                value={form.method_carriers?.find((m) => m.method === method)?.carriers ?? []}
                onChange={(carriers) =>
                  set("method_carriers", [
                    ...(form.method_carriers ?? []).filter((m) => m.method !== method),
                    ...(carriers.length > 0 ? [{ method, carriers: carriers as Carrier[] }] : []),
                  ])
                }
                error={errors.errorOf("method_carriers")}
                clearable
                w={360}
                maw="100%"
              />
            ))}
            {number("cod_fee", "subscriptionConsole.codFee", 0, 100000)}
            <CustomMethods
              methods={form.custom_methods ?? []}
              onChange={(methods) => set("custom_methods", methods)}
              error={errors.errorOf("custom_methods")}
            />
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            {flag("free_shipping", "subscriptionConsole.freeShipping")}
            {number("shipping_discount", "subscriptionConsole.shippingDiscount", 0, 100000)}
            {flag("free_fee", "subscriptionConsole.freeFee")}
            {number("points_rate_bp", "subscriptionConsole.pointsRate", 0, 10000)}
            {number("lead_days", "subscriptionConsole.leadDays", 1, 30, "subscriptionConsole.leadNote")}
            {flag("auto_authorize", "subscriptionConsole.autoAuthorize")}
            {flag("card_expiry_auto", "subscriptionConsole.cardExpiryAuto")}
            {flag("member_changes_cycle", "subscriptionConsole.memberChangesCycle")}
            {flag("member_changes_payment", "subscriptionConsole.memberChangesPayment")}
          </Stack>
        </Card>
        <Card withBorder>
          <Stack gap="xs">
            <Title order={2} size="h5">
              {t("subscriptionConsole.numberRule")}
            </Title>
            <Select
              aria-label={t("subscriptionConsole.numberRule")}
              data={RULES.map((r) => ({ value: r, label: t(`subscriptionConsole.rules.${r}`) }))}
              value={rule.kind}
              onChange={(kind) =>
                set("number_rule", {
                  kind: (kind ?? "system") as (typeof RULES)[number],
                  digits: kind === "system" ? null : (rule.digits ?? 5),
                  prefix: kind === "prefix" ? (rule.prefix ?? "") : null,
                  hyphen: rule.hyphen,
                })
              }
              allowDeselect={false}
              error={errors.errorOf("number_rule")}
              w={260}
            />
            {rule.kind !== "system" && (
              <NumberInput
                label={t("subscriptionConsole.digits")}
                min={5}
                max={10}
                value={rule.digits ?? 5}
                onChange={(v) => set("number_rule", { ...rule, digits: Number(v) })}
                error={errors.errorOf("number_rule.digits")}
                w={260}
              />
            )}
            {rule.kind === "prefix" && (
              <TextInput
                label={t("subscriptionConsole.prefix")}
                value={rule.prefix ?? ""}
                onChange={(e) => set("number_rule", { ...rule, prefix: e.currentTarget.value })}
                error={errors.errorOf("number_rule.prefix")}
                w={260}
              />
            )}
            {rule.kind === "date" && (
              <Checkbox
                label={t("subscriptionConsole.hyphen")}
                checked={rule.hyphen ?? false}
                onChange={(e) => set("number_rule", { ...rule, hyphen: e.currentTarget.checked })}
              />
            )}
            <NumberInput
              label={t("subscriptionConsole.numberInitial")}
              min={0}
              allowDecimal={false}
              value={restart}
              onChange={setRestart}
              error={errors.errorOf("number_initial")}
              w={260}
            />
          </Stack>
        </Card>
        <Button type="submit" loading={busy} w="fit-content">
          {t("subscriptions.save")}
        </Button>
      </Stack>
    </form>
  );
}

/** SUB-08, SUB-09: the shop's subscription settings; owners only. */
export function SubscriptionSettingsPage() {
  const { t } = useTranslation();
  const { shopId = "" } = useParams();
  const owner = useIsOwner(shopId);
  const settings = useSubscriptionSettings(shopId);
  if (!owner) return <Forbidden />;
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const { active_subscriptions, ...initial } = settings.data;
  return (
    <Stack>
      <PageTitle>{t("subscriptionConsole.settings")}</PageTitle>
      <SettingsForm shopId={shopId} initial={initial} active={active_subscriptions} />
    </Stack>
  );
}
