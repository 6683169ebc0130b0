import { PageTitle } from "../../components/page-title";
import { Button, Card, Group, NumberInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { components } from "../../api/schema";
import { yen } from "../../components/format";
import { Empty, ErrorState, Loading, useErrorMessage } from "../../components/states";
import { useCart } from "./api/get-cart";
import { removeCartItem } from "./api/remove-cart-item";
import { setCartItem } from "./api/set-cart-item";
import { ProductImage } from "../../shared/ui/product-image";

type CartResponse = components["schemas"]["CartResponse"];

/** The totals block shared by the cart and the checkout review: goods, shipping per shop, all together. */
export function CartTotals({ cart }: { cart: CartResponse }) {
  const { t } = useTranslation();
  const charged = cart.shipping.some((s) => s.fee != null && s.fee !== "0");
  return (
    <Stack gap={2} align="end">
      <Text fw={700} size="lg" data-testid="cart-total">
        {t("cart.total")}: {yen(cart.total)}
      </Text>
      {cart.tax.map((line) => (
        <Text key={line.tax_category} size="sm" c="dimmed">
          （{t("cart.taxOf", { rate: line.tax_category === "reduced" ? 8 : 10 })} {yen(line.tax)}）
        </Text>
      ))}
      {cart.shipping.map((s) => (
        <Text key={s.shop.id} size="sm" data-testid="cart-shipping">
          {t("cart.shippingOf", { shop: s.shop.name })}:{" "}
          {s.fee == null ? t("cart.shippingLater") : s.fee === "0" ? t("cart.shippingFree") : yen(s.fee)}
        </Text>
      ))}
      {charged && cart.grand_total && (
        <Text fw={700} size="lg" data-testid="cart-grand-total">
          {t("cart.grandTotal")}: {yen(cart.grand_total)}
        </Text>
      )}
    </Stack>
  );
}

/** CART-01: the member's cart. */
export function CartPage() {
  const { t } = useTranslation();
  const cart = useCart();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const update = async (action: Promise<CartResponse>) => {
    try {
      queryClient.setQueryData(["cart"], await action);
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  if (cart.isPending) return <Loading />;
  if (cart.isError) return <ErrorState error={cart.error} onRetry={() => void cart.refetch()} />;
  return (
    <Stack>
      <PageTitle>{t("cart.title")}</PageTitle>
      {cart.data.items.length === 0 ? (
        <Empty message={t("cart.empty")} />
      ) : (
        <>
          <Stack>
            {cart.data.items.map((item) => (
              <Card withBorder key={item.variant_id} data-testid="cart-item">
                <Group justify="space-between" align="start" wrap="nowrap">
                  <ProductImage image={item.image} alt="" sizes="72px" width={72} />
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="xs" c="dimmed">
                      {item.shop.name}
                    </Text>
                    <Text fw={600}>{item.product_name}</Text>
                    <Text size="sm">
                      {item.color} / {item.size} ・ {yen(item.unit_price)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t("cart.available", { count: item.available })}
                    </Text>
                  </Stack>
                  <Stack gap={4} align="end">
                    <NumberInput
                      aria-label={`${t("cart.quantity")} ${item.product_name}`}
                      w={90}
                      min={1}
                      max={99}
                      allowDecimal={false}
                      value={item.quantity}
                      onChange={(value) => {
                        const quantity = Number(value);
                        if (quantity >= 1 && quantity <= 99)
                          void update(setCartItem(item.variant_id, quantity));
                      }}
                    />
                    <Text fw={600}>{yen(item.line_total)}</Text>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => void update(removeCartItem(item.variant_id))}
                    >
                      {t("cart.remove")}
                    </Button>
                  </Stack>
                </Group>
              </Card>
            ))}
          </Stack>
          <CartTotals cart={cart.data} />
          <Group justify="end">
            <Button component={Link} to="/checkout" size="md">
              {t("cart.checkout")}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
