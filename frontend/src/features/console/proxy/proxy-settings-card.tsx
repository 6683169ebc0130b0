import { Button, Card, Group, NumberInput, Stack, Text, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../api/schema";
import { useAction } from "../../../components/use-action";
import { useProxySettings } from "./api/proxy-settings";
import { updateProxySettings } from "./api/update-proxy-settings";

type Settings = components["schemas"]["ProxySettingsDto"];

/** Percent shown, basis points kept: 5 % is 500. */
const percent = (bp: number) => bp / 100;
const basisPoints = (value: number | string) => Math.round(Number(value) * 100);

function Form({ shopId, initial, owner }: { shopId: string; initial: Settings; owner: boolean }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["console", shopId, "proxy-settings"]);
  const [form, setForm] = useState({
    fee: percent(initial.fee_rate_bp) as number | string,
    minimum: Number(initial.fee_minimum) as number | string,
    surcharge: percent(initial.card_surcharge_bp) as number | string,
    freeDays: initial.free_storage_days as number | string,
    perDay: Number(initial.storage_fee_per_day) as number | string,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        updateProxySettings(shopId, {
          fee_rate_bp: basisPoints(form.fee),
          fee_minimum: String(form.minimum),
          card_surcharge_bp: basisPoints(form.surcharge),
          free_storage_days: Number(form.freeDays),
          storage_fee_per_day: String(form.perDay),
        }),
      "mypage.saved",
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t("proxyConsole.settings")}>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <NumberInput
            label={t("proxyConsole.feeRate")}
            min={0}
            max={100}
            decimalScale={2}
            suffix=" %"
            value={form.fee}
            onChange={(fee) => setForm({ ...form, fee })}
            disabled={!owner}
          />
          <NumberInput
            label={t("proxyConsole.feeMinimum")}
            min={0}
            allowDecimal={false}
            thousandSeparator=","
            value={form.minimum}
            onChange={(minimum) => setForm({ ...form, minimum })}
            disabled={!owner}
          />
          <NumberInput
            label={t("proxyConsole.cardSurcharge")}
            min={0}
            max={20}
            decimalScale={2}
            suffix=" %"
            value={form.surcharge}
            onChange={(surcharge) => setForm({ ...form, surcharge })}
            disabled={!owner}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t("proxyConsole.freeStorageDays")}
            min={0}
            max={365}
            allowDecimal={false}
            value={form.freeDays}
            onChange={(freeDays) => setForm({ ...form, freeDays })}
            disabled={!owner}
          />
          <NumberInput
            label={t("proxyConsole.storageFeePerDay")}
            min={0}
            allowDecimal={false}
            thousandSeparator=","
            value={form.perDay}
            onChange={(perDay) => setForm({ ...form, perDay })}
            disabled={!owner}
          />
        </Group>
        {owner ? (
          <Button type="submit" loading={busy} w="fit-content">
            {t("mypage.save")}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t("settings.ownerOnly")}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/** PRX-01, PAY-07: a proxy-buying service's fee rule and card surcharge, changed by its owner. */
export function ProxySettingsCard({ shopId, owner }: { shopId: string; owner: boolean }) {
  const { t } = useTranslation();
  const settings = useProxySettings(shopId);
  if (!settings.data) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("proxyConsole.settings")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("proxyConsole.settingsHint")}
        </Text>
        <Form shopId={shopId} initial={settings.data} owner={owner} />
      </Stack>
    </Card>
  );
}
