import { Button, Card, Group, NumberInput, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../api/schema";
import { yen } from "../../../components/format";
import { useAction } from "../../../components/use-action";
import { useFormErrors } from "../../../components/use-server-errors";
import { quoteProxyOrder } from "./api/quote-proxy-order";
import { shipProxyOrder } from "./api/ship-proxy-order";
import { weighParcel } from "./api/weigh-parcel";
import { EstimateTable } from "../../../shared/ui/estimate-table";
import type { ProxyOrder } from "../../../shared/api/proxy-order";
import { shippingEstimate } from "../../../shared/api/shipping-estimate";

type Method = components["schemas"]["ShippingMethod"];

/** PRX-01, PRX-04: confirmed unit prices and the seller's shipping per item → the 1st invoice. */
export function QuoteEditor({ shopId, order }: { shopId: string; order: ProxyOrder }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["console", shopId]);
  const items = order.items.filter((i) => i.status !== "cancelled");
  const [prices, setPrices] = useState<Record<string, { unit: number | string; shipping: number | string }>>(
    () =>
      Object.fromEntries(
        items.map((i) => [
          i.id,
          { unit: Number(i.unit_price ?? i.requested_unit_price), shipping: Number(i.domestic_shipping) },
        ]),
      ),
  );
  const goods = items.reduce((sum, i) => sum + Number(prices[i.id]?.unit ?? 0) * i.quantity, 0);
  const shipping = items.reduce((sum, i) => sum + Number(prices[i.id]?.shipping ?? 0), 0);
  const submit = () =>
    void run(
      () =>
        quoteProxyOrder(shopId, order.id, {
          items: items.map((i) => ({
            item_id: i.id,
            unit_price: String(prices[i.id]?.unit ?? 0),
            domestic_shipping: String(prices[i.id]?.shipping ?? 0),
          })),
        }),
      "proxyConsole.quoted",
    );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("proxyConsole.quote")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("proxyConsole.quoteHint")}
        </Text>
        {items.map((item) => (
          <Group key={item.id} align="flex-end" gap="xs" data-testid="quote-item">
            <Text size="sm" style={{ flex: "1 1 200px" }}>
              {item.name} × {item.quantity}
              <Text span size="xs" c="dimmed">
                {" "}
                （{t("proxy.requestedPrice")} {yen(item.requested_unit_price)}）
              </Text>
            </Text>
            <NumberInput
              label={t("proxy.confirmedPrice")}
              min={0}
              allowDecimal={false}
              thousandSeparator=","
              w={130}
              value={prices[item.id]?.unit ?? ""}
              onChange={(unit) =>
                setPrices({ ...prices, [item.id]: { shipping: 0, ...prices[item.id], unit } })
              }
            />
            <NumberInput
              label={t("proxy.invoice.domesticShipping")}
              min={0}
              allowDecimal={false}
              thousandSeparator=","
              w={130}
              value={prices[item.id]?.shipping ?? ""}
              onChange={(value) =>
                setPrices({ ...prices, [item.id]: { unit: 0, ...prices[item.id], shipping: value } })
              }
            />
          </Group>
        ))}
        <Text size="sm">
          {t("proxy.invoice.goods")} {yen(goods)} ・ {t("proxy.invoice.domesticShipping")} {yen(shipping)}
        </Text>
        <Button onClick={submit} loading={busy} w="fit-content">
          {order.first_invoice ? t("proxyConsole.requote") : t("proxyConsole.sendQuote")}
        </Button>
      </Stack>
    </Card>
  );
}

const METHODS: Method[] = ["ems", "air", "sal", "sea"];

/** PRX-08: weight and size → the 2nd invoice, with the estimate per method beside it to compare. */
export function WeighForm({ shopId, order }: { shopId: string; order: ProxyOrder }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["console", shopId]);
  const parcel = order.parcel;
  const [form, setForm] = useState<
    Record<"weight_grams" | "length_cm" | "width_cm" | "height_cm", number | string>
  >({
    weight_grams: parcel?.weight_grams ?? "",
    length_cm: parcel?.length_cm ?? "",
    width_cm: parcel?.width_cm ?? "",
    height_cm: parcel?.height_cm ?? "",
  });
  const [method, setMethod] = useState<Method>(
    parcel?.method ?? (order.shipping_priority === "fastest" ? "ems" : "sea"),
  );
  const [estimate, setEstimate] = useState<components["schemas"]["ShippingEstimateResponse"]>();
  const errors = useFormErrors<keyof typeof form | "method">();
  const complete = Object.values(form).every((v) => Number(v) > 0);
  useEffect(() => {
    if (!complete) return;
    let live = true;
    const query = {
      weight_grams: Number(form.weight_grams),
      length_cm: Number(form.length_cm),
      width_cm: Number(form.width_cm),
      height_cm: Number(form.height_cm),
    };
    shippingEstimate(query).then(
      (e) => live && setEstimate(e),
      () => live && setEstimate(undefined),
    );
    return () => {
      live = false;
    };
  }, [complete, form.weight_grams, form.length_cm, form.width_cm, form.height_cm]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = Object.fromEntries(
      Object.entries(form)
        .filter(([, v]) => !(Number(v) >= 1 && Number.isInteger(Number(v))))
        .map(([k]) => [k, "error.required"]),
    );
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    errors.clear();
    await run(
      () =>
        weighParcel(shopId, order.id, {
          weight_grams: Number(form.weight_grams),
          length_cm: Number(form.length_cm),
          width_cm: Number(form.width_cm),
          height_cm: Number(form.height_cm),
          method,
        }),
      "proxyConsole.weighed",
    );
  };
  const field = (name: keyof typeof form) => (
    <NumberInput
      label={t(`proxyConsole.${name === "weight_grams" ? "weight" : name.replace("_cm", "")}`)}
      min={1}
      allowDecimal={false}
      value={form[name]}
      onChange={(value) => setForm({ ...form, [name]: value })}
      error={errors.errorOf(name)}
    />
  );
  return (
    <Card withBorder>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("proxyConsole.weigh")}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("proxyConsole.weigh")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("proxyConsole.weighHint")}
          </Text>
          <Group grow>
            {field("weight_grams")}
            <Select
              label={t("proxyConsole.method")}
              data={METHODS.map((m) => ({ value: m, label: t(`proxy.method.${m}`) }))}
              value={method}
              onChange={(value) => value && setMethod(value as Method)}
              allowDeselect={false}
            />
          </Group>
          <Group grow>
            {field("length_cm")}
            {field("width_cm")}
            {field("height_cm")}
          </Group>
          {estimate && complete && <EstimateTable estimate={estimate} />}
          <Button type="submit" loading={busy} w="fit-content">
            {t("proxyConsole.issueSecond")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** PRX-08: the paid parcel leaves with its carrier and tracking number. */
export function ShipForm({ shopId, order }: { shopId: string; order: ProxyOrder }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["console", shopId]);
  const [carrier, setCarrier] = useState(
    order.parcel?.method ? t(`proxy.method.${order.parcel.method}`) : "",
  );
  const [tracking, setTracking] = useState("");
  const errors = useFormErrors<"carrier" | "tracking_number">();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = {
      ...(carrier.trim() ? {} : { carrier: "error.required" }),
      ...(/^[0-9A-Za-z-]{4,40}$/.test(tracking.trim()) ? {} : { tracking_number: "console.invalidTracking" }),
    };
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    errors.clear();
    await run(
      () => shipProxyOrder(shopId, order.id, { carrier: carrier.trim(), tracking_number: tracking.trim() }),
      "proxyConsole.shipped",
    );
  };
  return (
    <Card withBorder>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("proxyConsole.ship")}>
        <Group align="flex-end">
          <TextInput
            label={t("proxy.carrier")}
            placeholder={t("proxyConsole.carrierPlaceholder")}
            maxLength={60}
            value={carrier}
            onChange={(e) => setCarrier(e.currentTarget.value)}
            error={errors.errorOf("carrier")}
          />
          <TextInput
            label={t("proxy.tracking")}
            maxLength={40}
            value={tracking}
            onChange={(e) => setTracking(e.currentTarget.value)}
            error={errors.errorOf("tracking_number")}
          />
          <Button type="submit" loading={busy}>
            {t("proxyConsole.ship")}
          </Button>
        </Group>
      </form>
    </Card>
  );
}
