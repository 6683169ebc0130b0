import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiProblem } from "../../api/problem";
import type { components } from "../../api/schema";
import { PageTitle } from "../../components/page-title";
import { formatDate, yen } from "../../components/format";
import { ErrorState, Loading, useErrorMessage } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { TransferFields, transferErrors } from "./transfer-fields";
import { nextBusinessDay, todayInJapan } from "../../shared/business-days";
import { useShop } from "../../shared/api/get-shop";
import { useMyProxyOrder } from "./api/get-my-proxy-order";
import { usePaymentOptions } from "./api/get-payment-options";
import { payWithDeposit } from "./api/pay-with-deposit";
import { reportTransfer } from "./api/report-transfer";
import { startCardPayment } from "./api/start-card-payment";
import { InvoiceView } from "../../shared/ui/proxy-invoice";

type Options = components["schemas"]["PaymentOptionsResponse"];

/** PAY-06: the deposit pays first, as far as it goes. */
function DepositPanel({ orderId, options }: { orderId: string; options: Options }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const balance = Number(options.deposit_balance);
  const pay = async () => {
    setBusy(true);
    try {
      await payWithDeposit(orderId);
      notifications.show({ color: "teal", message: t("proxy.pay.depositUsed") });
      void queryClient.invalidateQueries({ queryKey: ["my-proxy-orders"] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("proxy.pay.deposit")}
        </Title>
        <Text data-testid="deposit-balance">
          {t("proxy.pay.depositBalance", { amount: yen(options.deposit_balance) })}
        </Text>
        {balance > 0 ? (
          <Button onClick={() => void pay()} loading={busy} w="fit-content">
            {t("proxy.pay.useDeposit")}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t("proxy.pay.depositEmpty")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** PAY-05: the account to transfer to, the completion report, and the reports sent so far. */
function TransferPanel({ orderId, options }: { orderId: string; options: Options }) {
  const { t, i18n } = useTranslation();
  // PRX-12: transfers are checked on the service's business days.
  const order = useMyProxyOrder(orderId);
  const shop = useShop(order.data?.shop.id ?? "");
  const today = todayInJapan();
  const checkedOn = shop.data ? nextBusinessDay(shop.data.calendar.upcoming, today) : null;
  const queryClient = useQueryClient();
  const [form, setForm] = useState<{ transferred_on: string; amount: number | string; sender_kana: string }>({
    transferred_on: todayInJapan(),
    amount: Number(options.invoice.due),
    sender_kana: "",
  });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"transferred_on" | "amount" | "sender_kana">();
  const bank = options.bank_account;
  if (!bank) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = {
      ...(/^\d{4}-\d{2}-\d{2}$/.test(form.transferred_on) ? {} : { transferred_on: "error.required" }),
      ...transferErrors(form),
    };
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      await reportTransfer(orderId, {
        transferred_on: form.transferred_on,
        amount: String(form.amount),
        sender_kana: form.sender_kana.trim(),
      });
      errors.clear();
      notifications.show({ color: "teal", message: t("proxy.pay.reported") });
      void queryClient.invalidateQueries({ queryKey: ["my-proxy-orders"] });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("proxy.pay.transfer")}
        </Title>
        <Text size="sm" fw={600}>
          {t("proxy.pay.transferTo")}
        </Text>
        <Text size="sm" data-testid="bank-account">
          {t("proxy.pay.bank", {
            bank: bank.bank_name,
            branch: bank.branch_name,
            kind: t(`settings.${bank.account_type}`),
            number: bank.account_number,
          })}
          <br />
          {t("proxy.pay.holder")}: {bank.account_holder}
        </Text>
        <Text size="sm" c="dimmed">
          {t("proxy.pay.transferHint")}
        </Text>
        {checkedOn && checkedOn !== today && (
          <Text size="sm" data-testid="checked-on">
            {t("proxy.pay.checkedOn", { date: formatDate(checkedOn, i18n.language) })}
          </Text>
        )}
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("proxy.pay.reportTitle")}>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t("proxy.pay.reportTitle")}
            </Title>
            <TextInput
              type="date"
              label={t("proxy.pay.transferredOn")}
              value={form.transferred_on}
              onChange={(e) => setForm({ ...form, transferred_on: e.currentTarget.value })}
              error={errors.errorOf("transferred_on")}
            />
            <TransferFields
              draft={form}
              onChange={(draft) => setForm({ ...form, ...draft })}
              errorOf={errors.errorOf}
              senderHint={t("proxy.pay.senderHint")}
            />
            {errors.general && <Text c="red">{errors.general}</Text>}
            <Button type="submit" loading={busy} w="fit-content">
              {t("proxy.pay.report")}
            </Button>
          </Stack>
        </form>
        {options.transfers.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("proxy.pay.reports")}
            </Text>
            {options.transfers.map((report) => (
              <Group key={report.id} gap="xs" data-testid="transfer-report">
                <Text size="sm">
                  {formatDate(report.transferred_on, i18n.language)} ・ {yen(report.amount)} ・{" "}
                  {report.sender_kana}
                </Text>
                <Badge
                  size="sm"
                  color={
                    report.status === "confirmed" ? "teal" : report.status === "rejected" ? "red" : "yellow"
                  }
                >
                  {t(`proxy.pay.transferStatus.${report.status}`)}
                </Badge>
                {report.received_amount && (
                  <Text size="xs" c="dimmed">
                    {t("proxy.pay.received", { amount: yen(report.received_amount) })}
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

/** PAY-07: the card total with the surcharge, shown before going to the hosted page. */
function CardPanel({ orderId, options }: { orderId: string; options: Options }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    try {
      const page = await startCardPayment(orderId);
      // The sandbox page is part of this site; a provider's page is another site.
      if (page.url.startsWith("/")) void navigate(page.url);
      else window.location.assign(page.url);
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("proxy.pay.card")}
        </Title>
        <Text size="sm" data-testid="card-total">
          {t("proxy.pay.cardTotal", {
            total: yen(options.card_total),
            rate: options.card_surcharge_rate_bp / 100,
            surcharge: yen(options.card_surcharge),
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("proxy.pay.cardHint")}
        </Text>
        <Button onClick={() => void go()} loading={busy} w="fit-content">
          {t("proxy.pay.payByCard", { total: yen(options.card_total) })}
        </Button>
      </Stack>
    </Card>
  );
}

/** PAY-05 to PAY-07: paying what is due now on a proxy order — deposit first, then transfer or card. */
export function ProxyPayPage() {
  const { t } = useTranslation();
  const orderId = useParams().orderId ?? "";
  const options = usePaymentOptions(orderId);
  const back = (
    <Anchor component={Link} to={`/proxy/orders/${orderId}`}>
      {t("proxy.pay.back")}
    </Anchor>
  );
  if (options.isPending) return <Loading />;
  if (options.isError) {
    const nothing = options.error instanceof ApiProblem && options.error.code === "nothing_due";
    return (
      <Stack>
        {back}
        {nothing ? (
          <Alert color="teal">{t("proxy.pay.nothingDue")}</Alert>
        ) : (
          <ErrorState error={options.error} onRetry={() => void options.refetch()} />
        )}
      </Stack>
    );
  }
  const o = options.data;
  return (
    <Stack>
      {back}
      <PageTitle>
        {t("proxy.pay.title")} ・ {t(`proxy.pay.stage.${o.stage}`)}
      </PageTitle>
      <Card withBorder>
        <InvoiceView
          invoice={o.invoice}
          title={o.stage === 1 ? t("proxy.firstInvoice") : t("proxy.secondInvoice")}
        />
      </Card>
      <DepositPanel orderId={orderId} options={o} />
      {/* A new amount due (part paid from the deposit) starts the report over with it. */}
      <TransferPanel key={`${o.invoice.id}-${o.invoice.due}`} orderId={orderId} options={o} />
      <CardPanel orderId={orderId} options={o} />
    </Stack>
  );
}
