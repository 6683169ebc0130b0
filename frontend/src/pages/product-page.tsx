import { PageTitle } from "../components/page-title";
import {
  Badge,
  Button,
  Card,
  Group,
  List,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { components } from "../api/schema";
import { ReserveForm } from "../features/reservations/reserve-form";
import { SubscribeBox } from "../features/subscriptions/subscribe-box";
import { useSession } from "../auth/use-session";
import { addCartItem } from "../shared/api/add-cart-item";
import { priceWithTax } from "../components/format";
import { Empty, ErrorState, Loading, useErrorMessage } from "../components/states";
import { useProduct } from "../shared/api/get-product";
import { ProductGallery } from "../shared/ui/product-gallery";
import { colorsOf, firstChoice, isSoldOut, pick, sizesOf } from "../features/storefront/variant-picker";

const availabilityColor = { in_stock: "teal", few_left: "orange", out_of_stock: "gray" } as const;
const availabilityKey = {
  in_stock: "products.inStockLabel",
  few_left: "products.fewLeft",
  out_of_stock: "products.outOfStock",
} as const;

/** CART-01: members put the chosen variant in the cart; visitors are asked to log in first. */
function AddToCart({
  variant,
  deliverable,
}: {
  variant: components["schemas"]["VariantResponse"];
  deliverable: boolean;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [quantity, setQuantity] = useState<number | string>(1);
  const [busy, setBusy] = useState(false);
  if (!deliverable) return <Text c="dimmed">{t("cart.notDeliverable")}</Text>;
  if (!session) {
    return (
      <Button
        variant="default"
        onClick={() => void navigate(`/login?next=${encodeURIComponent(location.pathname)}`)}
      >
        {t("cart.loginToBuy")}
      </Button>
    );
  }
  if (session.account.role !== "member") return null;
  const add = async () => {
    setBusy(true);
    try {
      queryClient.setQueryData(["cart"], await addCartItem(variant.id, Number(quantity)));
      notifications.show({ color: "teal", message: t("cart.added") });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group align="end">
      <NumberInput
        label={t("cart.quantity")}
        w={100}
        min={1}
        max={99}
        allowDecimal={false}
        allowNegative={false}
        value={quantity}
        onChange={setQuantity}
      />
      <Button
        onClick={() => void add()}
        loading={busy}
        disabled={!(Number(quantity) >= 1 && Number(quantity) <= 99)}
      >
        {t("cart.add")}
      </Button>
      <Button component={Link} to="/cart" variant="subtle">
        {t("nav.cart")}
      </Button>
    </Group>
  );
}

export function ProductPage() {
  const { t, i18n } = useTranslation();
  const productId = useParams().productId ?? "";
  const product = useProduct(productId);
  const [color, setColor] = useState<string | null>(null);
  const [size, setSize] = useState<string | null>(null);
  if (product.isPending) return <Loading />;
  if (product.isError) return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data;
  const colors = colorsOf(p.variants);
  const first = firstChoice(p.variants);
  const chosenColor = color ?? first?.color ?? "";
  const sizes = sizesOf(p.variants, chosenColor);
  const variant = pick(p.variants, chosenColor, size ?? (color ? "" : (first?.size ?? "")));
  const soldOut = variant ? isSoldOut(variant) : true;
  const sizeLabel = (s: string) => {
    const v = p.variants.find((x) => x.color === chosenColor && x.size === s);
    return v && isSoldOut(v) ? `${s}（${t("products.soldOut")}）` : s;
  };
  return (
    <Stack>
      <Text size="sm">
        <Link to={`/shops/${p.shop.id}`}>{p.shop.name}</Link>
      </Text>
      <PageTitle>{p.name}</PageTitle>
      <ProductGallery images={p.images} name={p.name} />
      <Group gap="xs">
        <Badge variant="light">{p.category}</Badge>
        <Badge variant="outline">
          {p.tax_category === "reduced" ? t("products.taxReduced") : t("products.taxStandard")}
        </Badge>
        {!p.active && <Badge color="gray">{t("products.archived")}</Badge>}
      </Group>
      <Text size="xl" fw={700} data-testid="price">
        {variant ? priceWithTax(variant.price, i18n.language) : "—"}
      </Text>
      {colors.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600} id="color-label">
            {t("products.color")}
          </Text>
          <SegmentedControl
            aria-labelledby="color-label"
            data={colors}
            value={chosenColor}
            onChange={(value) => {
              setColor(value);
              setSize(null);
            }}
          />
          <Text size="sm" fw={600} id="size-label">
            {t("products.size")}
          </Text>
          <SegmentedControl
            aria-labelledby="size-label"
            data={sizes.map((s) => ({ value: s, label: sizeLabel(s) }))}
            value={variant?.size ?? ""}
            onChange={setSize}
          />
        </Stack>
      )}
      {variant && p.active && soldOut && (
        <Badge color="gray" size="lg" data-testid="sold-out">
          {t("products.soldOut")}
        </Badge>
      )}
      {variant && p.active && !soldOut && (
        <AddToCart variant={variant} deliverable={p.fulfilment.deliverable} />
      )}
      {variant && p.active && !soldOut && p.fulfilment.subscription && (
        <SubscribeBox variantId={variant.id} terms={p.fulfilment.subscription} />
      )}
      {variant && p.active && !soldOut && p.fulfilment.reservable && (
        <ReserveForm
          variant={variant}
          shopId={p.shop.id}
          prepaid={p.fulfilment.reservation_payment === "prepaid"}
        />
      )}
      <Text style={{ whiteSpace: "pre-wrap" }}>{p.description}</Text>
      <Card withBorder>
        <Title order={3} size="h4">
          {t("products.fulfilment")}
        </Title>
        <List size="sm" mt="xs">
          {p.fulfilment.reservable && (
            <List.Item>
              {t("products.reservable")} —{" "}
              {p.fulfilment.reservation_payment === "prepaid"
                ? t("products.prepaid")
                : t("products.payInStore")}
            </List.Item>
          )}
          {p.fulfilment.deliverable && <List.Item>{t("products.deliverable")}</List.Item>}
        </List>
      </Card>
      <Card withBorder>
        <Title order={3} size="h4">
          {t("products.availability")}
        </Title>
        {variant && variant.stock.length > 0 ? (
          <Table mt="xs">
            <Table.Tbody>
              {variant.stock.map((s) => (
                <Table.Tr key={s.shop_id}>
                  <Table.Td>{s.shop_name}</Table.Td>
                  <Table.Td>
                    <Badge color={availabilityColor[s.availability]}>
                      {t(availabilityKey[s.availability])}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Empty message={t("products.noStock")} />
        )}
      </Card>
    </Stack>
  );
}
