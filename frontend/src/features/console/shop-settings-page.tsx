import { PageTitle } from "../../components/page-title";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorState, Loading } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { type ShopSettings, useShopSettings } from "./api/shop-settings";
import { updateShopSettings } from "./api/update-shop-settings";
import { useShop } from "../../shared/api/get-shop";
import { Forbidden } from "./forbidden";
import { ProxySettingsCard } from "./proxy/proxy-settings-card";
import { useCanManage, useIsOwner } from "./use-managed-shop";

type NumberField =
  | "reservation_min_days"
  | "reservation_max_days"
  | "hold_days"
  | "payment_limit_days"
  | "delivery_preparation_days"
  | "delivery_window_days";
const NUMBERS: { field: NumberField; min: number; max: number }[] = [
  { field: "reservation_min_days", min: 0, max: 365 },
  { field: "reservation_max_days", min: 0, max: 365 },
  { field: "hold_days", min: 0, max: 30 },
  { field: "payment_limit_days", min: 1, max: 30 },
  { field: "delivery_preparation_days", min: 0, max: 30 },
  { field: "delivery_window_days", min: 1, max: 365 },
];
type Field =
  | NumberField
  | "contact_email"
  | "invoice_registration_number"
  | "bank_account.bank_name"
  | "bank_account.branch_name"
  | "bank_account.account_number"
  | "bank_account.account_holder";

const NO_ACCOUNT = {
  bank_name: "",
  branch_name: "",
  account_type: "ordinary" as const,
  account_number: "",
  account_holder: "",
};

/** The owner's settings of a shop: policy windows, contact, invoice registration number, bank account. */
function Editor({ shopId, initial, owner }: { shopId: string; initial: ShopSettings; owner: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors<Field>();
  const [form, setForm] = useState(initial);
  const [transfers, setTransfers] = useState(initial.bank_account != null);
  const [account, setAccount] = useState(initial.bank_account ?? NO_ACCOUNT);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    // The shape here, in the member's language; the check digit is the server's.
    const invoice = (form.invoice_registration_number ?? "")
      .normalize("NFKC")
      .toUpperCase()
      .replace(/[-\s]/g, "");
    if (invoice && !/^T\d{13}$/.test(invoice)) {
      errors.setFields({ invoice_registration_number: "settings.invoiceFormat" });
      return;
    }
    setBusy(true);
    errors.clear();
    try {
      const saved = await updateShopSettings(shopId, {
        ...form,
        invoice_registration_number: invoice || null,
        bank_account: transfers ? account : null,
      });
      setForm(saved);
      if (saved.bank_account) setAccount(saved.bank_account);
      notifications.show({ color: "teal", message: t("settings.saved") });
      void queryClient.invalidateQueries({ queryKey: ["console", shopId, "settings"] });
      void queryClient.invalidateQueries({ queryKey: ["shops"] });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <PageTitle>{t("settings.title")}</PageTitle>
      {!owner && <Alert color="gray">{t("settings.ownerOnly")}</Alert>}
      {errors.general && <Alert color="red">{errors.general}</Alert>}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {NUMBERS.map(({ field, min, max }) => (
            <NumberInput
              key={field}
              label={t(`settings.${field}`)}
              min={min}
              max={max}
              allowDecimal={false}
              disabled={!owner}
              value={form[field]}
              onChange={(value) => setForm({ ...form, [field]: typeof value === "number" ? value : 0 })}
              error={errors.errorOf(field)}
            />
          ))}
          <TextInput
            type="email"
            label={t("settings.contact_email")}
            disabled={!owner}
            value={form.contact_email}
            onChange={(e) => setForm({ ...form, contact_email: e.currentTarget.value })}
            error={errors.errorOf("contact_email")}
          />
          <TextInput
            label={t("settings.invoice_registration_number")}
            description={t("settings.invoiceHint")}
            disabled={!owner}
            value={form.invoice_registration_number ?? ""}
            onChange={(e) => setForm({ ...form, invoice_registration_number: e.currentTarget.value })}
            error={errors.errorOf("invoice_registration_number")}
          />
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Stack>
          <Checkbox
            label={t("settings.takesTransfers")}
            disabled={!owner}
            checked={transfers}
            onChange={(e) => setTransfers(e.currentTarget.checked)}
          />
          {transfers && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t("settings.bank_name")}
                disabled={!owner}
                value={account.bank_name}
                onChange={(e) => setAccount({ ...account, bank_name: e.currentTarget.value })}
                error={errors.errorOf("bank_account.bank_name")}
              />
              <TextInput
                label={t("settings.branch_name")}
                disabled={!owner}
                value={account.branch_name}
                onChange={(e) => setAccount({ ...account, branch_name: e.currentTarget.value })}
                error={errors.errorOf("bank_account.branch_name")}
              />
              <Select
                label={t("settings.account_type")}
                disabled={!owner}
                allowDeselect={false}
                data={[
                  { value: "ordinary", label: t("settings.ordinary") },
                  { value: "current", label: t("settings.current") },
                ]}
                value={account.account_type}
                onChange={(value) =>
                  setAccount({ ...account, account_type: value === "current" ? "current" : "ordinary" })
                }
              />
              <TextInput
                label={t("settings.account_number")}
                inputMode="numeric"
                disabled={!owner}
                value={account.account_number}
                onChange={(e) => setAccount({ ...account, account_number: e.currentTarget.value })}
                error={errors.errorOf("bank_account.account_number")}
              />
              <TextInput
                label={t("settings.account_holder")}
                description={t("settings.holderHint")}
                disabled={!owner}
                value={account.account_holder}
                onChange={(e) => setAccount({ ...account, account_holder: e.currentTarget.value })}
                error={errors.errorOf("bank_account.account_holder")}
              />
            </SimpleGrid>
          )}
        </Stack>
      </Card>
      {owner && (
        <Button onClick={() => void save()} loading={busy} w="fit-content">
          {t("console.save")}
        </Button>
      )}
    </Stack>
  );
}

export function ShopSettingsPage() {
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const owner = useIsOwner(shopId);
  const settings = useShopSettings(shopId);
  const shop = useShop(shopId);
  if (!canManage) return <Forbidden />;
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Stack>
      <Editor key={shopId} shopId={shopId} initial={settings.data} owner={owner} />
      {shop.data?.kind === "proxy" && <ProxySettingsCard shopId={shopId} owner={owner} />}
    </Stack>
  );
}
