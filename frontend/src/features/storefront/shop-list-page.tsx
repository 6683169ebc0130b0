import { PageTitle } from "../../components/page-title";
import { Card, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MoreButton } from "../../shared/ui/more-button";
import { Link } from "react-router";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useShops } from "../../shared/api/list-shops";

export function ShopListPage() {
  const { t } = useTranslation();
  const shops = useShops();
  return (
    <Stack>
      <PageTitle>{t("shops.title")}</PageTitle>
      {shops.isPending ? (
        <Loading />
      ) : shops.isError ? (
        <ErrorState error={shops.error} onRetry={() => void shops.refetch()} />
      ) : shops.items.length === 0 ? (
        <Empty />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {shops.items.map((shop) => (
            <Card key={shop.id} withBorder component={Link} to={`/shops/${shop.id}`}>
              <Text fw={600}>{shop.name}</Text>
              <Text size="sm" c="dimmed">
                {shop.prefecture_name} {shop.address}
              </Text>
              <Text size="sm">
                {t("shops.hours")}: {shop.opening_hours}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <MoreButton query={shops} />
    </Stack>
  );
}
