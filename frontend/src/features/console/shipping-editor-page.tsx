import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { components } from "../../api/schema";
import { PageTitle } from "../../components/page-title";
import { ErrorState, Loading } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { type Shipping, updateShopShipping, useShopShipping } from "./api/shop-shipping";
import { Forbidden } from "./forbidden";
import { useCanManage, useIsOwner } from "./use-managed-shop";
import { TIME_SLOTS } from "../../shared/time-slots";

type Method = components["schemas"]["ShippingMethodDto"];
type Carrier = components["schemas"]["CarrierDto"];
type Region = keyof Method["fees"];
const REGIONS: Region[] = [
  "hokkaido",
  "tohoku",
  "kanto",
  "chubu",
  "kinki",
  "chugoku",
  "shikoku",
  "kyushu",
  "okinawa",
];
const CARRIERS: Carrier[] = ["yamato", "sagawa", "japan_post", "seino", "other"];

function newMethod(carrier: Carrier): Method {
  const fees = Object.fromEntries(REGIONS.map((r) => [r, "800"])) as Method["fees"];
  return { carrier, time_slots: [], fees };
}

/** CART-02: the owner sets the shop's carriers, their time slots and fees per region, and free shipping. */
function Editor({ shopId, initial, owner }: { shopId: string; initial: Shipping; owner: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors<string>();
  const [methods, setMethods] = useState<Method[]>(initial.methods);
  const [freeOver, setFreeOver] = useState(initial.free_over ?? "");
  const [busy, setBusy] = useState(false);
  const change = (i: number, next: Method) => setMethods(methods.map((m, j) => (j === i ? next : m)));
  const unused = CARRIERS.filter((c) => !methods.some((m) => m.carrier === c));
  const save = async () => {
    // Whole yen, here in the member's language; the server checks the same.
    const wrong: Record<string, string> = {};
    methods.forEach((m, i) =>
      REGIONS.forEach((r) => {
        if (!/^\d+$/.test(m.fees[r].trim())) wrong[`methods.${i}.fees.${r}`] = "shipping.invalidFee";
      }),
    );
    if (freeOver.trim() && !/^\d+$/.test(freeOver.trim())) wrong.free_over = "shipping.invalidFee";
    if (Object.keys(wrong).length > 0) {
      errors.setFields(wrong);
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      const saved = await updateShopShipping(shopId, { methods, free_over: freeOver.trim() || null });
      setMethods(saved.methods);
      setFreeOver(saved.free_over ?? "");
      notifications.show({ color: "teal", message: t("shipping.saved") });
      void queryClient.invalidateQueries({ queryKey: ["console", shopId, "shipping"] });
      void queryClient.invalidateQueries({ queryKey: ["cart"] });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <PageTitle>{t("shipping.title")}</PageTitle>
      {!owner && <Alert color="gray">{t("settings.ownerOnly")}</Alert>}
      {errors.general && <Alert color="red">{errors.general}</Alert>}
      <Text c="dimmed">{methods.length === 0 ? t("shipping.noMethods") : t("shipping.lead")}</Text>
      {methods.map((method, i) => (
        <Card withBorder key={method.carrier} data-testid="shipping-method">
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Select
                label={t("shipping.carrier")}
                allowDeselect={false}
                disabled={!owner}
                value={method.carrier}
                data={[method.carrier, ...unused].map((c) => ({ value: c, label: t(`orders.carrier.${c}`) }))}
                onChange={(value) => value && change(i, { ...method, carrier: value as Carrier })}
              />
              {owner && (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => setMethods(methods.filter((_, j) => j !== i))}
                >
                  {t("shipping.remove")}
                </Button>
              )}
            </Group>
            <Checkbox.Group
              label={t("shipping.timeSlots")}
              value={method.time_slots}
              onChange={(time_slots) => change(i, { ...method, time_slots })}
            >
              <Group gap="sm" mt={4}>
                {TIME_SLOTS.map((s) => (
                  <Checkbox key={s} value={s} label={t(`checkout.slots.${s}`)} disabled={!owner} />
                ))}
              </Group>
            </Checkbox.Group>
            <SimpleGrid cols={{ base: 3, sm: 5 }} spacing="xs">
              {REGIONS.map((region) => (
                <TextInput
                  key={region}
                  label={t(`shipping.region.${region}`)}
                  leftSection="¥"
                  inputMode="numeric"
                  disabled={!owner}
                  value={method.fees[region]}
                  onChange={(e) =>
                    change(i, { ...method, fees: { ...method.fees, [region]: e.currentTarget.value } })
                  }
                  error={errors.errorOf(`methods.${i}.fees.${region}`)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Card>
      ))}
      {owner && unused.length > 0 && methods.length < 5 && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => setMethods([...methods, newMethod(unused[0]!)])}
        >
          {t("shipping.add")}
        </Button>
      )}
      <TextInput
        label={t("shipping.freeOver")}
        description={t("shipping.freeOverHint")}
        leftSection="¥"
        inputMode="numeric"
        disabled={!owner || methods.length === 0}
        value={freeOver}
        onChange={(e) => setFreeOver(e.currentTarget.value)}
        error={errors.errorOf("free_over")}
        maw={320}
      />
      {owner && (
        <Button onClick={() => void save()} loading={busy} w="fit-content">
          {t("console.save")}
        </Button>
      )}
    </Stack>
  );
}

export function ShippingEditorPage() {
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const owner = useIsOwner(shopId);
  const shipping = useShopShipping(shopId);
  if (!canManage) return <Forbidden />;
  if (shipping.isPending) return <Loading />;
  if (shipping.isError) return <ErrorState error={shipping.error} onRetry={() => void shipping.refetch()} />;
  return <Editor key={shopId} shopId={shopId} initial={shipping.data} owner={owner} />;
}
