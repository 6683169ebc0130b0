import { Badge, Card, Group, List, SegmentedControl, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { priceWithTax } from "../../components/format";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useProduct } from "./api/get-product";
import { colorsOf, pick, sizesOf } from "./variant-picker";

const availabilityColor = { in_stock: "teal", few_left: "orange", out_of_stock: "gray" } as const;
const availabilityKey = {
  in_stock: "products.inStockLabel",
  few_left: "products.fewLeft",
  out_of_stock: "products.outOfStock",
} as const;

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
  const chosenColor = color ?? colors[0] ?? "";
  const sizes = sizesOf(p.variants, chosenColor);
  const variant = pick(p.variants, chosenColor, size ?? sizes[0] ?? "");
  return (
    <Stack>
      <Text size="sm">
        <Link to={`/shops/${p.shop.id}`}>{p.shop.name}</Link>
      </Text>
      <Title order={1}>{p.name}</Title>
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
            data={sizes}
            value={variant?.size ?? ""}
            onChange={setSize}
          />
        </Stack>
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
