import { PageTitle } from "../../components/page-title";
import { Button, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useProducts } from "./api/list-products";
import { ProductCard } from "./product-card";

export function HomePage() {
  const { t } = useTranslation();
  const products = useProducts({}, 8);
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="lg">
      <Stack gap="xs" py="md">
        <PageTitle>{t("home.title")}</PageTitle>
        <Text c="dimmed">{t("home.lead")}</Text>
        <Group>
          <Button component={Link} to="/products">
            {t("home.browse")}
          </Button>
          <Button component={Link} to="/shops" variant="default">
            {t("home.shops")}
          </Button>
        </Group>
      </Stack>
      <Title order={2}>{t("home.newArrivals")}</Title>
      {products.isPending ? (
        <Loading />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : items.length === 0 ? (
        <Empty />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
          {items.map((product) => (
            <ProductCard key={product.id} product={product} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
