import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { formatDateTime, yen } from "../../components/format";

type Invoice = components["schemas"]["InvoiceResponse"];

const statusColor = { open: "orange", paid: "teal", superseded: "gray", void: "gray" } as const;

/** PRX-02: one invoice's breakdown with what was paid and what is still due. */
export function InvoiceView({ invoice, title }: { invoice: Invoice; title: string }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] =
    invoice.stage === 1
      ? [
          [t("proxy.invoice.goods"), invoice.goods],
          [t("proxy.invoice.domesticShipping"), invoice.domestic_shipping],
          [t("proxy.invoice.serviceFee"), invoice.service_fee],
        ]
      : [
          [t("proxy.invoice.internationalShipping"), invoice.international_shipping],
          ...(Number(invoice.storage_fee) > 0
            ? [[t("proxy.invoice.storageFee"), invoice.storage_fee] as [string, string]]
            : []),
          ...(Number(invoice.local_shipping) > 0
            ? [[t("proxy.invoice.localShipping"), invoice.local_shipping] as [string, string]]
            : []),
        ];
  return (
    <Stack gap={4} data-testid={`invoice-${invoice.stage}`}>
      <Group justify="space-between">
        <Text fw={600}>
          {title}{" "}
          <Text span size="xs" c="dimmed">
            {t("proxy.invoice.version", { version: invoice.version })}
          </Text>
        </Text>
        <Badge color={statusColor[invoice.status]}>{t(`proxy.invoice.status.${invoice.status}`)}</Badge>
      </Group>
      <Table withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {rows.map(([label, amount]) => (
            <Table.Tr key={label}>
              <Table.Td>{label}</Table.Td>
              <Table.Td ta="right">{yen(amount)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={700}>{t("proxy.invoice.total")}</Table.Td>
            <Table.Td ta="right" fw={700} data-testid="invoice-total">
              {yen(invoice.total)}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Td>{t("proxy.invoice.paid")}</Table.Td>
            <Table.Td ta="right">{yen(invoice.paid)}</Table.Td>
          </Table.Tr>
          {invoice.status === "open" && (
            <Table.Tr>
              <Table.Td c="red.9">{t("proxy.invoice.due")}</Table.Td>
              <Table.Td ta="right" c="red.9" fw={700} data-testid="invoice-due">
                {yen(invoice.due)}
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {invoice.paid_at && (
        <Text size="xs" c="dimmed">
          {t("proxy.invoice.status.paid")}: {formatDateTime(invoice.paid_at, i18n.language)}
        </Text>
      )}
    </Stack>
  );
}
