import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { yen } from "../../components/format";

type Estimate = components["schemas"]["ShippingEstimateResponse"];

/** The per-method table of an estimate: chargeable weight, price, days and the landed total. */
export function EstimateTable({ estimate }: { estimate: Estimate }) {
  const { t } = useTranslation();
  const charges = estimate.import_charges;
  return (
    <Stack gap="xs">
      <Table data-testid="estimate">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("proxy.estimator.method")}</Table.Th>
            <Table.Th ta="right">{t("proxy.estimator.chargeable")}</Table.Th>
            <Table.Th ta="right">{t("proxy.estimator.price")}</Table.Th>
            <Table.Th>{t("proxy.estimator.days")}</Table.Th>
            {charges && <Table.Th ta="right">{t("proxy.estimator.landed")}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {estimate.methods.map((m) => (
            <Table.Tr key={m.method} data-testid={`estimate-${m.method}`}>
              <Table.Td>{t(`proxy.method.${m.method}`)}</Table.Td>
              <Table.Td ta="right">{m.chargeable_grams.toLocaleString()} g</Table.Td>
              <Table.Td ta="right">{yen(m.price)}</Table.Td>
              <Table.Td>{t("proxy.estimator.daysRange", { min: m.days_min, max: m.days_max })}</Table.Td>
              {charges && <Table.Td ta="right">{m.landed_total ? yen(m.landed_total) : "—"}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {charges && (
        <Text size="sm">
          {charges.exempt
            ? t("proxy.estimator.exempt")
            : t("proxy.estimator.importCharges", {
                value: yen(charges.taxable_value),
                duty: yen(charges.duty),
                tax: yen(charges.consumption_tax),
              })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t("proxy.estimator.rateTable", { version: estimate.rate_table })} ・{" "}
        {t("proxy.estimator.estimateNote")}
      </Text>
    </Stack>
  );
}
