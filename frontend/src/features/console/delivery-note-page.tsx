import { Anchor, Button, Container, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatDate, yen } from "../../components/format";
import { ErrorState, Loading } from "../../components/states";
import { useShopOrder } from "./api/get-shop-order";
import { useShopSettings } from "./api/shop-settings";
import { Forbidden } from "./forbidden";
import { useCanManage } from "./use-managed-shop";

/**
 * The delivery note (納品書) the shop puts in the parcel, or the invoice (請求書), printed from the browser.
 * A subscription order shows its subscription number and next delivery (SUB-12). Both carry what a
 * qualified invoice (適格請求書) needs when the shop has its registration number: the number, the items
 * with the reduced rate marked, and the total and tax per rate; the invoice adds how and what to pay.
 */
export function DeliveryNotePage({ invoice = false }: { invoice?: boolean }) {
  const { t, i18n } = useTranslation();
  const { shopId = "", orderId = "" } = useParams();
  const canManage = useCanManage(shopId);
  const order = useShopOrder(shopId, orderId);
  const settings = useShopSettings(shopId);
  if (!canManage) return <Forbidden />;
  if (order.isPending || settings.isPending) return <Loading />;
  if (order.isError) return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  const o = order.data;
  const registration = settings.data?.invoice_registration_number ?? null;
  const date = (d: string) => formatDate(d, i18n.language);
  const lines = o.lines.filter((l) => l.status !== "rejected" && l.status !== "released");
  const mark = (reduced: boolean) => (reduced ? ` ${t("deliveryNote.reducedMark")}` : "");
  return (
    <Container size="md" py="md" data-testid={invoice ? "invoice" : "delivery-note"}>
      <Group justify="space-between" className="no-print" mb="md">
        <Anchor component={Link} to={`/console/shops/${shopId}/orders/${o.id}`}>
          {t("deliveryNote.back")}
        </Anchor>
        <Button onClick={() => window.print()}>{t("deliveryNote.print")}</Button>
      </Group>
      <Stack gap="sm">
        <Title order={1} size="h2" ta="center">
          {invoice
            ? registration
              ? t("deliveryNote.qualifiedInvoiceTitle")
              : t("deliveryNote.invoiceTitle")
            : t("deliveryNote.title")}
        </Title>
        <Group justify="space-between" align="start" wrap="wrap">
          <Stack gap={2}>
            <Text>
              〒{o.ship_to.postal_code_display} {o.ship_to.prefecture_name}
              {o.ship_to.city}
              {o.ship_to.street} {o.ship_to.building ?? ""}
            </Text>
            <Text fw={700} size="lg">
              {t("deliveryNote.to", { name: o.ship_to.recipient_name })}
            </Text>
          </Stack>
          <Stack gap={2} ta="right">
            <Text fw={700}>{o.shop.name}</Text>
            {registration && (
              <Text size="sm" data-testid="registration-number">
                {t("deliveryNote.registration")}: {registration}
              </Text>
            )}
            {settings.data && <Text size="sm">{settings.data.contact_email}</Text>}
          </Stack>
        </Group>
        <Text size="sm">{t("deliveryNote.thanks")}</Text>
        <Table withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="40%">{t("deliveryNote.orderNumber")}</Table.Th>
              <Table.Td>{o.number}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t("deliveryNote.orderedAt")}</Table.Th>
              <Table.Td>{date(o.created_at)}</Table.Td>
            </Table.Tr>
            {o.delivery_date && (
              <Table.Tr>
                <Table.Th>{t("deliveryNote.deliveryDate")}</Table.Th>
                <Table.Td>{date(o.delivery_date)}</Table.Td>
              </Table.Tr>
            )}
            {o.subscription && (
              <Table.Tr>
                <Table.Th>{t("deliveryNote.subscriptionNumber")}</Table.Th>
                <Table.Td data-testid="note-subscription-number">{o.subscription.number}</Table.Td>
              </Table.Tr>
            )}
            {o.subscription?.next_delivery_on && (
              <Table.Tr>
                <Table.Th>{t("deliveryNote.nextDelivery")}</Table.Th>
                <Table.Td>{date(o.subscription.next_delivery_on)}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("deliveryNote.item")}</Table.Th>
              <Table.Th ta="right">{t("deliveryNote.unitPrice")}</Table.Th>
              <Table.Th ta="right">{t("deliveryNote.quantity")}</Table.Th>
              <Table.Th ta="right">{t("deliveryNote.amount")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  {l.product_name} ({l.color} / {l.size}){mark(l.tax_category === "reduced")}
                </Table.Td>
                <Table.Td ta="right">{yen(l.unit_price)}</Table.Td>
                <Table.Td ta="right">{l.quantity}</Table.Td>
                <Table.Td ta="right">{yen(l.line_total)}</Table.Td>
              </Table.Tr>
            ))}
            {Number(o.shipping_fee) > 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>{t("deliveryNote.shipping")}</Table.Td>
                <Table.Td ta="right">{yen(o.shipping_fee)}</Table.Td>
              </Table.Tr>
            )}
            {Number(o.payment_fee) > 0 && (
              <Table.Tr>
                <Table.Td colSpan={3}>{t("deliveryNote.fee")}</Table.Td>
                <Table.Td ta="right">{yen(o.payment_fee)}</Table.Td>
              </Table.Tr>
            )}
            <Table.Tr>
              <Table.Th colSpan={3}>{t("deliveryNote.total")}</Table.Th>
              <Table.Th ta="right" data-testid="note-total">
                {yen(o.total)}
              </Table.Th>
            </Table.Tr>
            {invoice && (
              <Table.Tr>
                <Table.Th colSpan={3}>
                  {t("deliveryNote.amountDue")}
                  {o.payment_method &&
                    `（${o.payment_method_name ?? t(`subscriptions.methods.${o.payment_method}`)}）`}
                </Table.Th>
                <Table.Th ta="right" data-testid="invoice-amount-due">
                  {o.paid_at ? t("deliveryNote.paid") : yen(o.amount_due)}
                </Table.Th>
              </Table.Tr>
            )}
            {!invoice && Number(o.points_used) > 0 && (
              <>
                <Table.Tr>
                  <Table.Td colSpan={3}>{t("deliveryNote.points")}</Table.Td>
                  <Table.Td ta="right">−{yen(o.points_used)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th colSpan={3}>{t("deliveryNote.amountDue")}</Table.Th>
                  <Table.Th ta="right">{yen(o.amount_due)}</Table.Th>
                </Table.Tr>
              </>
            )}
          </Table.Tbody>
        </Table>
        <Stack gap={2} data-testid="note-tax">
          {o.tax.map((line) => (
            <Text key={line.tax_category} size="sm" ta="right">
              {t("deliveryNote.rateTotal", {
                rate: line.tax_category === "reduced" ? 8 : 10,
                total: yen(line.total),
                tax: yen(line.tax),
              })}
            </Text>
          ))}
          {lines.some((l) => l.tax_category === "reduced") && (
            <Text size="xs" ta="right">
              {t("deliveryNote.reducedNote")}
            </Text>
          )}
        </Stack>
      </Stack>
    </Container>
  );
}
