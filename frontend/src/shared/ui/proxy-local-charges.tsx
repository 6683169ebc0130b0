import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate, yen } from "../../components/format";
import type { ProxyOrder } from "../api/proxy-order";

/** PRX-07: the local shipping costs of exchanges and returns, each with what it was for. */
export function LocalChargeList({ order }: { order: ProxyOrder }) {
  const { i18n } = useTranslation();
  if (order.local_charges.length === 0) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="local-charges">
      <Table.Tbody>
        {order.local_charges.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>{formatDate(c.created_at, i18n.language)}</Table.Td>
            <Table.Td>{c.description}</Table.Td>
            <Table.Td ta="right">{yen(c.amount)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
