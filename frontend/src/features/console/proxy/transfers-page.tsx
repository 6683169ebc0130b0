import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Anchor } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import type { components } from "../../../api/schema";
import { PageTitle } from "../../../components/page-title";
import { formatDate, formatDateTime, yen } from "../../../components/format";
import { Empty, ErrorState, Loading } from "../../../components/states";
import { useAction } from "../../../components/use-action";
import { useFormErrors } from "../../../components/use-server-errors";
import { Forbidden } from "../forbidden";
import { useCanManage } from "../use-managed-shop";
import { adjustDeposit } from "./api/adjust-deposit";
import { confirmTransfer } from "./api/confirm-transfer";
import { useTransferReports } from "./api/list-transfer-reports";
import { useMemberDeposit } from "./api/member-deposit";
import { rejectTransfer } from "./api/reject-transfer";
import { StatementImport } from "./statement-import";

type Queued = components["schemas"]["QueuedTransferResponse"];

/** PAY-05: staff check the bank account and confirm what really arrived, or reject the report. */
function TransferRow({
  shopId,
  queued,
  onDeposit,
}: {
  shopId: string;
  queued: Queued;
  onDeposit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const report = queued;
  const [received, setReceived] = useState<number | string>(Number(report.amount));
  const { busy, run } = useAction(["console", shopId]);
  return (
    <Card withBorder padding="sm" data-testid="transfer">
      <Stack gap="xs">
        <Group justify="space-between">
          <Stack gap={0}>
            <Text fw={600}>
              {report.sender_kana} ・ {yen(report.amount)}
            </Text>
            <Text size="sm" c="dimmed">
              {formatDate(report.transferred_on, i18n.language)} ・{" "}
              {formatDateTime(report.reported_at, i18n.language)}
            </Text>
          </Stack>
          {queued.order_id && queued.order_number ? (
            <Anchor component={Link} to={`/console/shops/${shopId}/proxy/${queued.order_id}`} size="sm">
              {queued.order_number} ・ {t(`proxy.pay.stage.${queued.stage ?? 1}`)}
            </Anchor>
          ) : (
            <Badge color="grape">{t("proxyConsole.topUp")}</Badge>
          )}
        </Group>
        <Group gap="xs" align="flex-end">
          <NumberInput
            label={t("proxyConsole.receivedAmount")}
            min={0}
            allowDecimal={false}
            thousandSeparator=","
            value={received}
            onChange={setReceived}
            w={160}
          />
          <Button
            loading={busy}
            disabled={!(Number(received) > 0)}
            onClick={() =>
              void run(() => confirmTransfer(shopId, report.id, String(received)), "proxyConsole.confirmed")
            }
          >
            {t("proxyConsole.confirm")}
          </Button>
          <Button
            variant="subtle"
            color="red"
            loading={busy}
            onClick={() =>
              window.confirm(t("proxyConsole.confirmReject")) &&
              void run(() => rejectTransfer(shopId, report.id), "proxyConsole.rejected")
            }
          >
            {t("proxyConsole.reject")}
          </Button>
          <Button variant="default" onClick={onDeposit}>
            {t("proxyConsole.deposit")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** PAY-06: a member's deposit ledger, and an adjustment with its reason. */
function DepositDialog({
  shopId,
  accountId,
  onClose,
}: {
  shopId: string;
  accountId: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const deposit = useMemberDeposit(shopId, accountId);
  const [direction, setDirection] = useState<"credit" | "debit">("credit");
  const [amount, setAmount] = useState<number | string>("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"amount" | "reason" | "direction">();
  const submit = async () => {
    const invalid = {
      ...(Number(amount) >= 1 ? {} : { amount: "proxy.pay.invalidAmount" }),
      ...(reason.trim() ? {} : { reason: "error.required" }),
    };
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      await adjustDeposit(shopId, accountId, { direction, amount: String(amount), reason: reason.trim() });
      notifications.show({ color: "teal", message: t("proxyConsole.adjusted") });
      setAmount("");
      setReason("");
      errors.clear();
      void queryClient.invalidateQueries({ queryKey: ["console", shopId, "deposit", accountId] });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={t("proxyConsole.depositOf")} size="lg">
      {deposit.isPending ? (
        <Loading />
      ) : deposit.isError ? (
        <ErrorState error={deposit.error} />
      ) : (
        <Stack>
          <Text fw={700} data-testid="member-deposit">
            {t("proxy.pay.depositBalance", { amount: yen(deposit.data.balance) })}
          </Text>
          <Table>
            <Table.Tbody>
              {deposit.data.entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{formatDateTime(e.at, i18n.language)}</Table.Td>
                  <Table.Td>{t(`proxyConsole.ledger.${e.kind}`)}</Table.Td>
                  <Table.Td ta="right">{yen(e.amount)}</Table.Td>
                  <Table.Td ta="right">{yen(e.balance_after)}</Table.Td>
                  <Table.Td>{e.reason ?? e.reference ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <SegmentedControl
            value={direction}
            onChange={(v) => setDirection(v as "credit" | "debit")}
            data={[
              { value: "credit", label: t("proxyConsole.credit") },
              { value: "debit", label: t("proxyConsole.debit") },
            ]}
          />
          <NumberInput
            label={t("proxy.pay.amount")}
            min={1}
            allowDecimal={false}
            thousandSeparator=","
            value={amount}
            onChange={setAmount}
            error={errors.errorOf("amount")}
          />
          <TextInput
            label={t("proxyConsole.reason")}
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.errorOf("reason")}
          />
          {errors.general && <Text c="red">{errors.general}</Text>}
          <Button onClick={() => void submit()} loading={busy} w="fit-content">
            {t("proxyConsole.adjust")}
          </Button>
        </Stack>
      )}
    </Modal>
  );
}

/** PAY-05, PAY-06: the transfer reports to confirm, with each member's deposit at hand. */
export function TransfersPage() {
  const { t } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const reports = useTransferReports(shopId);
  const [account, setAccount] = useState<string | null>(null);
  if (!canManage) return <Forbidden />;
  return (
    <Stack>
      <PageTitle>{t("proxyConsole.transfers")}</PageTitle>
      <StatementImport shopId={shopId} />
      {reports.isPending ? (
        <Loading />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
      ) : reports.data.length === 0 ? (
        <Empty message={t("proxyConsole.noTransfers")} />
      ) : (
        reports.data.map((queued) => (
          <TransferRow
            key={queued.id}
            shopId={shopId}
            queued={queued}
            onDeposit={() => setAccount(queued.account_id)}
          />
        ))
      )}
      {account && <DepositDialog shopId={shopId} accountId={account} onClose={() => setAccount(null)} />}
    </Stack>
  );
}
