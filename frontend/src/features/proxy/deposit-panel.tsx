import { Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, yen } from "../../components/format";
import { useFormErrors } from "../../components/use-server-errors";
import { TransferFields, transferErrors } from "./transfer-fields";
import { todayInJapan } from "../../shared/business-days";
import { useMyDeposit } from "./api/my-deposit";
import { reportTopUp } from "./api/report-top-up";

/** PAY-06: the member's deposit at one service — balance, ledger, and a top-up transfer report. */
export function DepositPanel({ shopId, shopName }: { shopId: string; shopName: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const deposit = useMyDeposit(shopId);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<{ amount: number | string; sender_kana: string }>({
    amount: "",
    sender_kana: "",
  });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"amount" | "sender_kana" | "transferred_on">();
  if (!deposit.data) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = transferErrors(form);
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      await reportTopUp(shopId, {
        transferred_on: todayInJapan(),
        amount: String(form.amount),
        sender_kana: form.sender_kana.trim(),
      });
      errors.clear();
      setForm({ amount: "", sender_kana: "" });
      notifications.show({ color: "teal", message: t("proxy.pay.reported") });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
    void queryClient.invalidateQueries({ queryKey: ["my-proxy-orders", "deposit", shopId] });
  };
  return (
    <Card withBorder data-testid="deposit">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5">
            {t("proxy.deposit.title", { shop: shopName })}
          </Title>
          <Text fw={700}>{yen(deposit.data.balance)}</Text>
        </Group>
        <Button
          size="xs"
          variant="subtle"
          w="fit-content"
          onClick={() => setOpen(!open)}
          aria-expanded={open}
        >
          {open ? t("proxy.deposit.hide") : t("proxy.deposit.show")}
        </Button>
        {open && (
          <>
            {deposit.data.entries.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("proxy.deposit.empty")}
              </Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {deposit.data.entries.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                      <Table.Td>{t(`proxyConsole.ledger.${e.kind}`)}</Table.Td>
                      <Table.Td ta="right">{yen(e.amount)}</Table.Td>
                      <Table.Td ta="right">{yen(e.balance_after)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("proxy.deposit.topUp")}>
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {t("proxy.deposit.topUp")}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("proxy.deposit.topUpHint")}
                </Text>
                <Group grow align="flex-start">
                  <TransferFields draft={form} onChange={setForm} errorOf={errors.errorOf} />
                </Group>
                {errors.general && <Text c="red">{errors.general}</Text>}
                <Button type="submit" size="xs" loading={busy} w="fit-content">
                  {t("proxy.pay.report")}
                </Button>
              </Stack>
            </form>
          </>
        )}
      </Stack>
    </Card>
  );
}
