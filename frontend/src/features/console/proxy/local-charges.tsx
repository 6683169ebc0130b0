import { Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useAction } from "../../../components/use-action";
import { useFormErrors } from "../../../components/use-server-errors";
import type { ProxyOrder } from "../../../shared/api/proxy-order";
import { LocalChargeList } from "../../../shared/ui/proxy-local-charges";
import { addLocalCharge } from "./api/add-local-charge";

/**
 * PRX-07: an exchange or a return cost local shipping — staff record it when incurred; it is billed on
 * the 2nd invoice and the member is told in the messages.
 */
export function LocalCharges({ shopId, order }: { shopId: string; order: ProxyOrder }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["console", shopId]);
  const [form, setForm] = useState({ description: "", amount: "" as number | string });
  const errors = useFormErrors<"description" | "amount">();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = Number(form.amount);
    const invalid = {
      ...(form.description.trim() ? {} : { description: "error.required" }),
      ...(Number.isInteger(amount) && amount > 0 ? {} : { amount: "proxyConsole.localChargeAmount" }),
    };
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    errors.clear();
    const done = await run(
      () =>
        addLocalCharge(shopId, order.id, { description: form.description.trim(), amount: String(amount) }),
      "proxyConsole.localChargeAdded",
    );
    if (done) setForm({ description: "", amount: "" });
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("proxy.localCharges")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("proxyConsole.localChargeHint")}
        </Text>
        <LocalChargeList order={order} />
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("proxy.localCharges")}>
          <Group align="flex-start">
            <TextInput
              label={t("proxyConsole.localChargeDescription")}
              maxLength={100}
              value={form.description}
              onChange={(e) => setForm({ ...form, description: e.currentTarget.value })}
              error={errors.errorOf("description")}
              style={{ flex: 1 }}
            />
            <NumberInput
              label={t("proxyConsole.localChargeYen")}
              min={1}
              allowDecimal={false}
              thousandSeparator=","
              value={form.amount}
              onChange={(amount) => setForm({ ...form, amount })}
              error={errors.errorOf("amount")}
              w={140}
            />
            <Button type="submit" loading={busy} mt={24}>
              {t("proxyConsole.addLocalCharge")}
            </Button>
          </Group>
        </form>
      </Stack>
    </Card>
  );
}
