import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { yen } from "../../components/format";
import { ProductImage } from "./product-image";

type Order = components["schemas"]["OrderResponse"];

/**
 * An order's items with each one's status, and (unless the page shows the amount itself) the total — for
 * the member and for the shop.
 */
export function OrderLines({ order, withTotal = true }: { order: Order; withTotal?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Table mt="xs">
        <Table.Tbody>
          {order.lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td w={64} style={{ verticalAlign: "top" }}>
                <ProductImage image={line.image} alt="" sizes="48px" width={48} />
              </Table.Td>
              <Table.Td>
                {line.product_name}（{line.color} / {line.size}）× {line.quantity}
                <br />
                {/* Under the name, not in a column of its own: a phone's width would cut it. */}
                <Badge
                  mt={4}
                  variant="outline"
                  color={line.status === "rejected" || line.status === "released" ? "gray" : "blue"}
                >
                  {t(`orders.line.${line.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{yen(line.line_total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(order.shipping_fee !== "0" || order.shipping_carrier) && (
        <Text ta="right" size="sm" data-testid="order-shipping">
          {t("orders.shipping")}
          {order.shipping_carrier ? `（${t(`orders.carrier.${order.shipping_carrier}`)}）` : ""}:{" "}
          {order.shipping_fee === "0" ? t("cart.shippingFree") : yen(order.shipping_fee)}
        </Text>
      )}
      {withTotal && (
        <Text ta="right" fw={600}>
          {t("cart.total")}: {yen(order.total)}
        </Text>
      )}
    </>
  );
}
