import { Button, Card, Group, NumberInput, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { EstimateTable } from "../../shared/ui/estimate-table";
import { useFormErrors } from "../../components/use-server-errors";
import { shippingEstimate, type EstimateInput } from "../../shared/api/shipping-estimate";

type Estimate = components["schemas"]["ShippingEstimateResponse"];

/** PRX-08: the public estimator, from the same rate tables as the 2nd invoice. */
export function ShippingEstimator() {
  const { t } = useTranslation();
  const [form, setForm] = useState<
    Record<"weight_grams" | "length_cm" | "width_cm" | "height_cm" | "goods_value", number | string>
  >({
    weight_grams: 1000,
    length_cm: 30,
    width_cm: 20,
    height_cm: 10,
    goods_value: "",
  });
  const [estimate, setEstimate] = useState<Estimate>();
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<keyof typeof form>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const query: EstimateInput = {
        weight_grams: Number(form.weight_grams),
        length_cm: Number(form.length_cm),
        width_cm: Number(form.width_cm),
        height_cm: Number(form.height_cm),
        goods_value: form.goods_value === "" ? undefined : String(form.goods_value),
      };
      setEstimate(await shippingEstimate(query));
      errors.clear();
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof typeof form, label: string) => (
    <NumberInput
      label={t(label)}
      min={name === "goods_value" ? 0 : 1}
      allowDecimal={false}
      thousandSeparator=","
      value={form[name]}
      onChange={(value) => setForm({ ...form, [name]: value })}
      error={errors.errorOf(name)}
    />
  );
  return (
    <Card withBorder>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("proxy.estimator.title")}>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("proxy.estimator.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("proxy.estimator.lead")}
          </Text>
          <Group grow>
            {field("weight_grams", "proxy.estimator.weight")}
            {field("goods_value", "proxy.estimator.goodsValue")}
          </Group>
          <Group grow>
            {field("length_cm", "proxy.estimator.length")}
            {field("width_cm", "proxy.estimator.width")}
            {field("height_cm", "proxy.estimator.height")}
          </Group>
          {errors.general && <Text c="red">{errors.general}</Text>}
          <Button type="submit" loading={busy} w="fit-content">
            {t("proxy.estimator.calculate")}
          </Button>
          {estimate && <EstimateTable estimate={estimate} />}
        </Stack>
      </form>
    </Card>
  );
}
