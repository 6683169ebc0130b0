import { Badge, Card, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { components } from "../../api/schema";
import { priceRange } from "../../components/format";
import { ProductImage } from "../../shared/ui/product-image";
import classes from "./product-card.module.css";

type Summary = components["schemas"]["ProductSummaryResponse"];

export function ProductCard({ product }: { product: Summary }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      withBorder
      radius="md"
      component={Link}
      to={`/products/${product.id}`}
      className={classes.card}
      data-testid="product-card"
    >
      <Card.Section mb="xs">
        <ProductImage
          image={product.cover}
          alt=""
          sizes="(max-width: 600px) 50vw, 260px"
          style={{ borderRadius: 0 }}
        />
      </Card.Section>
      <Text size="xs" c="dimmed">
        {product.shop.name}
      </Text>
      <Text fw={600} lineClamp={2}>
        {product.name}
      </Text>
      <Text mt={4}>{priceRange(product.price_min, product.price_max, i18n.language)}</Text>
      <Group gap={4} mt="xs">
        <Badge variant="light" size="sm">
          {product.category}
        </Badge>
        {!product.in_stock && (
          <Badge color="gray" size="sm">
            {t("products.soldOut")}
          </Badge>
        )}
      </Group>
    </Card>
  );
}
