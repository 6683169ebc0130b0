import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../auth/use-session";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useShops } from "../storefront/api/list-shops";

export function ConsoleHome() {
  const { t } = useTranslation();
  const account = useSession()?.account;
  const shops = useShops();
  if (shops.isPending) return <Loading />;
  if (shops.isError) return <ErrorState error={shops.error} onRetry={() => void shops.refetch()} />;
  const mine = shops.data.filter(
    (shop) => account?.role === "operator" || account?.shops.some((s) => s.shop_id === shop.id),
  );
  return (
    <Stack>
      <Title order={1}>{t("console.title")}</Title>
      <Text c="dimmed">{t("console.chooseShop")}</Text>
      {mine.length === 0 ? (
        <Empty message={t("console.noShops")} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {mine.map((shop) => (
            <Card withBorder key={shop.id}>
              <Text fw={600}>{shop.name}</Text>
              <Group mt="sm">
                <Button component={Link} to={`/console/shops/${shop.id}/orders`} size="xs">
                  {t("console.orders")}
                </Button>
                <Button
                  component={Link}
                  to={`/console/shops/${shop.id}/products`}
                  size="xs"
                  variant="default"
                >
                  {t("console.products")}
                </Button>
                <Button
                  component={Link}
                  to={`/console/shops/${shop.id}/calendar`}
                  size="xs"
                  variant="default"
                >
                  {t("console.calendar")}
                </Button>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
