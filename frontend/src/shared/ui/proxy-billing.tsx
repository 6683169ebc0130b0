import { Card, Divider, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@mantine/core";
import { InvoiceView } from "./proxy-invoice";
import { LocalChargeList } from "./proxy-local-charges";
import type { ProxyOrder } from "../api/proxy-order";

/** PRX-02: the 1st and 2nd invoice, each with its payment status, and the versions they replaced. */
export function Billing({ order }: { order: ProxyOrder }) {
  const { t } = useTranslation();
  const [history, setHistory] = useState(false);
  const earlier = order.invoice_history.filter((i) => i.status === "superseded");
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("proxy.billing")}
        </Title>
        {order.first_invoice ? (
          <InvoiceView invoice={order.first_invoice} title={t("proxy.firstInvoice")} />
        ) : (
          <Text c="dimmed" size="sm">
            {t("proxy.firstInvoice")}: {t("proxy.notInvoiced")}
          </Text>
        )}
        <Divider />
        {order.second_invoice ? (
          <InvoiceView invoice={order.second_invoice} title={t("proxy.secondInvoice")} />
        ) : (
          <Text c="dimmed" size="sm">
            {t("proxy.secondInvoice")}: {t("proxy.notInvoiced")}
          </Text>
        )}
        {order.local_charges.length > 0 && (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {t("proxy.localCharges")}
            </Text>
            <LocalChargeList order={order} />
          </Stack>
        )}
        {earlier.length > 0 && (
          <>
            <Button
              size="xs"
              variant="subtle"
              w="fit-content"
              onClick={() => setHistory(!history)}
              aria-expanded={history}
            >
              {t("proxy.invoice.history")} ({earlier.length})
            </Button>
            {history &&
              earlier.map((invoice) => (
                <InvoiceView
                  key={invoice.id}
                  invoice={invoice}
                  title={invoice.stage === 1 ? t("proxy.firstInvoice") : t("proxy.secondInvoice")}
                />
              ))}
          </>
        )}
      </Stack>
    </Card>
  );
}
