import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { PageTitle } from "../../components/page-title";
import { yen } from "../../components/format";
import { ErrorState, Loading } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { useAddresses } from "../../shared/api/list-addresses";
import { useShops } from "../../shared/api/list-shops";
import { submitProxyRequest } from "./api/submit-proxy-request";

interface ItemDraft {
  key: string;
  source_url: string;
  name: string;
  options: string;
  quantity: number | string;
  unit_price: number | string;
}

const blankItem = (): ItemDraft => ({
  key: crypto.randomUUID(),
  source_url: "",
  name: "",
  options: "",
  quantity: 1,
  unit_price: "",
});

const isUrl = (value: string) => /^https?:\/\/\S{3,}$/.test(value.trim());

/** PRX-01: the member asks a proxy service to buy several items and ship them to one address. */
export function ProxyRequestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const shops = useShops();
  const addresses = useAddresses();
  const services = shops.items.filter((s) => s.kind === "proxy");
  const [shopId, setShopId] = useState<string | null>(params.get("shop"));
  const [addressId, setAddressId] = useState<string | null>(null);
  const [priority, setPriority] = useState<"cheapest" | "fastest">("cheapest");
  const [note, setNote] = useState("");
  const [items, setItems] = useState<ItemDraft[]>([blankItem()]);
  const [attempt, setAttempt] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<string>();

  if (shops.isPending || addresses.isPending) return <Loading />;
  if (shops.isError) return <ErrorState error={shops.error} onRetry={() => void shops.refetch()} />;
  if (addresses.isError)
    return <ErrorState error={addresses.error} onRetry={() => void addresses.refetch()} />;

  const service = shopId ?? services[0]?.id ?? null;
  const address = addressId ?? addresses.data.find((a) => a.is_default)?.id ?? addresses.data[0]?.id ?? null;
  const goods = items.reduce((sum, i) => sum + Number(i.quantity || 0) * Number(i.unit_price || 0), 0);
  const update = (key: string, change: Partial<ItemDraft>) =>
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...change } : i)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid: Record<string, string> = {};
    items.forEach((item, n) => {
      if (!isUrl(item.source_url)) invalid[`items.${n}.source_url`] = "proxy.form.invalidUrl";
      if (!item.name.trim()) invalid[`items.${n}.name`] = "error.required";
      const quantity = Number(item.quantity);
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > 999)
        invalid[`items.${n}.quantity`] = "proxy.form.invalidQuantity";
      if (item.unit_price === "" || !Number.isInteger(Number(item.unit_price)) || Number(item.unit_price) < 0)
        invalid[`items.${n}.unit_price`] = "error.invalidPrice";
    });
    if (!address) invalid.address_id = "proxy.form.noAddress";
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    if (!service || !address) return;
    setBusy(true);
    try {
      const order = await submitProxyRequest(
        {
          shop_id: service,
          address_id: address,
          shipping_priority: priority,
          note: note.trim() || null,
          items: items.map((i) => ({
            source_url: i.source_url.trim(),
            name: i.name.trim(),
            options: i.options.trim(),
            quantity: Number(i.quantity),
            unit_price: String(i.unit_price),
          })),
        },
        attempt,
      );
      notifications.show({ color: "teal", message: t("proxy.form.sent") });
      void queryClient.invalidateQueries({ queryKey: ["my-proxy-orders"] });
      void navigate(`/proxy/orders/${order.id}`);
    } catch (error) {
      errors.capture(error);
      setAttempt(crypto.randomUUID());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <PageTitle>{t("proxy.form.title")}</PageTitle>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("proxy.form.title")}>
        <Stack>
          <Select
            label={t("proxy.form.service")}
            data={services.map((s) => ({ value: s.id, label: s.name }))}
            value={service}
            onChange={setShopId}
            allowDeselect={false}
          />
          <Title order={2} size="h4">
            {t("proxy.form.items")}
          </Title>
          {items.map((item, n) => (
            <Card withBorder key={item.key} data-testid="request-item">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>{t("proxy.form.item", { number: n + 1 })}</Text>
                  {items.length > 1 && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setItems(items.filter((i) => i.key !== item.key))}
                    >
                      {t("proxy.form.removeItem")}
                    </Button>
                  )}
                </Group>
                <TextInput
                  label={t("proxy.form.url")}
                  description={t("proxy.form.urlHint")}
                  type="url"
                  inputMode="url"
                  value={item.source_url}
                  onChange={(e) => update(item.key, { source_url: e.currentTarget.value })}
                  error={errors.errorOf(`items.${n}.source_url`)}
                />
                <TextInput
                  label={t("proxy.form.name")}
                  maxLength={200}
                  value={item.name}
                  onChange={(e) => update(item.key, { name: e.currentTarget.value })}
                  error={errors.errorOf(`items.${n}.name`)}
                />
                <TextInput
                  label={t("proxy.form.options")}
                  maxLength={200}
                  value={item.options}
                  onChange={(e) => update(item.key, { options: e.currentTarget.value })}
                  error={errors.errorOf(`items.${n}.options`)}
                />
                <Group grow>
                  <NumberInput
                    label={t("proxy.form.quantity")}
                    min={1}
                    max={999}
                    allowDecimal={false}
                    value={item.quantity}
                    onChange={(value) => update(item.key, { quantity: value })}
                    error={errors.errorOf(`items.${n}.quantity`)}
                  />
                  <NumberInput
                    label={t("proxy.form.unitPrice")}
                    min={0}
                    allowDecimal={false}
                    thousandSeparator=","
                    value={item.unit_price}
                    onChange={(value) => update(item.key, { unit_price: value })}
                    error={errors.errorOf(`items.${n}.unit_price`)}
                  />
                </Group>
              </Stack>
            </Card>
          ))}
          {items.length < 30 && (
            <Button variant="default" w="fit-content" onClick={() => setItems([...items, blankItem()])}>
              {t("proxy.form.addItem")}
            </Button>
          )}
          <Text data-testid="goods-estimate">{t("proxy.form.estimatedGoods", { amount: yen(goods) })}</Text>
          {addresses.data.length === 0 ? (
            <Alert color="orange">
              {t("proxy.form.noAddress")} <Link to="/mypage">{t("checkout.addAddress")}</Link>
            </Alert>
          ) : (
            <Select
              label={t("proxy.form.shipTo")}
              data={addresses.data.map((a) => ({
                value: a.id,
                label: `〒${a.postal_code_display} ${a.prefecture_name}${a.city}${a.street} ${a.recipient_name}`,
              }))}
              value={address}
              onChange={setAddressId}
              allowDeselect={false}
              error={errors.errorOf("address_id")}
            />
          )}
          <Radio.Group
            label={t("proxy.priority.label")}
            value={priority}
            onChange={(value) => setPriority(value as "cheapest" | "fastest")}
          >
            <Group mt={4}>
              <Radio value="cheapest" label={t("proxy.priority.cheapest")} />
              <Radio value="fastest" label={t("proxy.priority.fastest")} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t("proxy.form.note")}
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.errorOf("note")}
          />
          {errors.general && <Text c="red">{errors.general}</Text>}
          <Button type="submit" loading={busy} disabled={!service} w="fit-content">
            {t("proxy.form.submit")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
