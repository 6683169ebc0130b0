import { PageTitle } from "../../components/page-title";
import { ProductImage } from "../../shared/ui/product-image";
import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../components/format";
import { Link } from "react-router";
import type { components } from "../../api/schema";
import { yen } from "../../components/format";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { useAddresses } from "../../shared/api/list-addresses";
import { useCart } from "./api/get-cart";
import { placeOrders } from "./api/place-orders";
import { CartTotals } from "./cart-page";
import { TIME_SLOTS } from "../../shared/time-slots";

type Carrier = components["schemas"]["CarrierDto"];
type Order = components["schemas"]["OrderResponse"];

function Placed({ orders }: { orders: Order[] }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{t("checkout.placedTitle")}</PageTitle>
      <Alert color="teal" role="status">
        {t("checkout.placedLead")}
      </Alert>
      {orders.map((order) => (
        <Card withBorder key={order.id}>
          <Text size="sm" c="dimmed">
            {order.shop.name}
          </Text>
          <Text>
            {t("checkout.orderNumber")}: <b data-testid="order-number">{order.number}</b>
          </Text>
          <Text>
            {t("cart.total")}: {yen(order.total)}
          </Text>
        </Card>
      ))}
      <Button component={Link} to="/mypage" w="fit-content">
        {t("checkout.toOrders")}
      </Button>
    </Stack>
  );
}

/** CART-02: address (the default, changeable), delivery wishes, review, place. */
export function CheckoutPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const cart = useCart();
  const addresses = useAddresses();
  const [addressId, setAddressId] = useState<string | null>(null);
  const [date, setDate] = useState("");
  const [slot, setSlot] = useState<string | null>(null);
  const [carriers, setCarriers] = useState<Record<string, Carrier>>({});
  const [busy, setBusy] = useState(false);
  const [placed, setPlaced] = useState<Order[] | null>(null);
  // One key per checkout attempt: a double click or a retry after a network error orders once (PAY-09).
  const [key] = useState(() => crypto.randomUUID());
  const errors = useFormErrors<"address_id" | "delivery_date" | "delivery_time_slot">();

  if (placed) return <Placed orders={placed} />;
  if (cart.isPending || addresses.isPending) return <Loading />;
  if (cart.isError) return <ErrorState error={cart.error} onRetry={() => void cart.refetch()} />;
  if (addresses.isError)
    return <ErrorState error={addresses.error} onRetry={() => void addresses.refetch()} />;
  if (cart.data.items.length === 0) return <Empty message={t("cart.empty")} />;

  const chosen = addressId ?? addresses.data.find((a) => a.is_default)?.id ?? addresses.data[0]?.id ?? null;
  const address = addresses.data.find((a) => a.id === chosen);
  const deliveryWindow = cart.data.delivery_window;
  const windowText = deliveryWindow && {
    earliest: formatDate(deliveryWindow.earliest, i18n.language),
    latest: formatDate(deliveryWindow.latest, i18n.language),
  };
  // CART-02: each shop ships with its first carrier unless another is chosen; the time slots offered
  // are the ones every chosen carrier delivers in.
  const chosenOption = (s: (typeof cart.data.shipping)[number]) =>
    s.options.find((o) => o.carrier === carriers[s.shop.id]) ?? s.options[0];
  const slots = TIME_SLOTS.filter((value) =>
    cart.data.shipping.every((s) => {
      const option = chosenOption(s);
      return !option || option.time_slots.includes(value);
    }),
  );
  const submit = async () => {
    if (!chosen) return;
    // ORD-01: the shops' delivery window (the server checks it too).
    if (date && (!deliveryWindow || date < deliveryWindow.earliest || date > deliveryWindow.latest)) {
      errors.setFields({
        delivery_date: windowText
          ? t("checkout.deliveryOutOfWindow", windowText)
          : t("checkout.noDeliveryDate"),
      });
      return;
    }
    errors.clear();
    setBusy(true);
    try {
      const result = await placeOrders(
        {
          address_id: chosen,
          delivery_date: date || null,
          delivery_time_slot: slot || null,
          carriers: Object.entries(carriers).map(([shop_id, carrier]) => ({ shop_id, carrier })),
        },
        key,
      );
      setPlaced(result.orders);
      void queryClient.invalidateQueries({ queryKey: ["cart"] });
      void queryClient.invalidateQueries({ queryKey: ["my-orders"] });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <PageTitle>{t("checkout.title")}</PageTitle>
      <Card withBorder>
        <Title order={2} size="h4">
          {t("checkout.shipTo")}
        </Title>
        {address ? (
          <Stack gap={4} mt="xs">
            <Text data-testid="ship-to">
              〒{address.postal_code_display} {address.prefecture_name}
              {address.city}
              {address.street} {address.building}
            </Text>
            <Text size="sm">{address.recipient_name}</Text>
            {addresses.data.length > 1 && (
              <Select
                label={t("checkout.change")}
                value={chosen}
                onChange={setAddressId}
                allowDeselect={false}
                data={addresses.data.map((a) => ({
                  value: a.id,
                  label: `〒${a.postal_code_display} ${a.prefecture_name}${a.city} ${a.recipient_name}`,
                }))}
              />
            )}
            <Text size="sm">
              <Link to="/mypage">{t("mypage.editAddress")}</Link>
            </Text>
          </Stack>
        ) : (
          <Stack mt="xs">
            <Text>{t("checkout.noAddress")}</Text>
            <Button component={Link} to="/mypage" w="fit-content">
              {t("checkout.addAddress")}
            </Button>
          </Stack>
        )}
        {errors.errorOf("address_id") && <Text c="red">{errors.errorOf("address_id")}</Text>}
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t("checkout.deliveryDate")}
          description={windowText ? t("checkout.deliveryWindow", windowText) : t("checkout.noDeliveryDate")}
          disabled={!deliveryWindow}
          min={deliveryWindow?.earliest}
          max={deliveryWindow?.latest}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={errors.errorOf("delivery_date")}
        />
        <Select
          label={t("checkout.timeSlot")}
          value={slot ?? ""}
          onChange={(value) => setSlot(value || null)}
          allowDeselect={false}
          data={[
            { value: "", label: t("checkout.noPreference") },
            ...slots.map((s) => ({ value: s, label: t(`checkout.slots.${s}`) })),
          ]}
          error={errors.errorOf("delivery_time_slot")}
        />
        {cart.data.shipping
          .filter((s) => s.options.length > 1)
          .map((s) => (
            <Select
              key={s.shop.id}
              label={t("checkout.carrierOf", { shop: s.shop.name })}
              description={t("checkout.shippingRecalculated")}
              allowDeselect={false}
              value={chosenOption(s)?.carrier ?? null}
              onChange={(value) => {
                const option = s.options.find((o) => o.carrier === value);
                if (!option) return;
                setCarriers({ ...carriers, [s.shop.id]: option.carrier });
                if (slot && !option.time_slots.includes(slot)) setSlot(null);
              }}
              data={s.options.map((o) => ({ value: o.carrier, label: t(`orders.carrier.${o.carrier}`) }))}
            />
          ))}
      </SimpleGrid>
      <Card withBorder>
        <Title order={2} size="h4">
          {t("checkout.review")}
        </Title>
        <Table mt="xs">
          <Table.Tbody>
            {cart.data.items.map((item) => (
              <Table.Tr key={item.variant_id}>
                <Table.Td w={64} style={{ verticalAlign: "top" }}>
                  <ProductImage image={item.image} alt="" sizes="48px" width={48} />
                </Table.Td>
                <Table.Td>
                  {item.product_name}（{item.color} / {item.size}）× {item.quantity}
                </Table.Td>
                <Table.Td ta="right">{yen(item.line_total)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <CartTotals cart={cart.data} />
      </Card>
      <Alert color="blue">{t("checkout.unpaidNote")}</Alert>
      {errors.general && (
        <Alert color="red" role="alert">
          {errors.general}
        </Alert>
      )}
      <Group justify="end">
        <Button size="md" onClick={() => void submit()} loading={busy} disabled={!chosen}>
          {t("checkout.place")}
        </Button>
      </Group>
    </Stack>
  );
}
