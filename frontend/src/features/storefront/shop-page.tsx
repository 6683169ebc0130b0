import { PageTitle } from "../../components/page-title";
import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorState, Loading } from "../../components/states";
import { useShop } from "../../shared/api/get-shop";
import { useProducts } from "./api/list-products";
import { CalendarView } from "../../shared/ui/calendar-view";
import { ProductCard } from "./product-card";

export function ShopPage() {
  const { t } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const shop = useShop(shopId);
  const products = useProducts({ shopId }, 8);
  if (shop.isPending) return <Loading />;
  if (shop.isError) return <ErrorState error={shop.error} onRetry={() => void shop.refetch()} />;
  const s = shop.data;
  const closed = s.calendar.closed_weekdays.map((d) => t(`weekday.${d}`)).join("・");
  return (
    <Stack>
      <PageTitle>{s.name}</PageTitle>
      <Text>{s.description}</Text>
      <Card withBorder>
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t("shops.hours")}</Table.Th>
              <Table.Td>{s.opening_hours}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t("shops.closedWeekdays")}</Table.Th>
              <Table.Td>
                {closed || t("shops.none")} /{" "}
                {s.calendar.closed_on_holidays ? t("shops.holidaysClosed") : t("shops.holidaysOpen")}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t("shops.address")}</Table.Th>
              <Table.Td>
                〒{s.postal_code_display} {s.prefecture_name}
                {s.address}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t("shops.phone")}</Table.Th>
              <Table.Td>
                <Anchor href={`tel:${s.phone}`}>{s.phone}</Anchor>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      <Title order={2}>{t("shops.calendar")}</Title>
      <CalendarView days={s.calendar.upcoming.slice(0, 28)} />
      <Group justify="space-between">
        <Title order={2}>{t("shops.products")}</Title>
        <Anchor component={Link} to={`/products?shop=${s.id}`}>
          {t("products.more")}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
        {products.data?.pages[0]?.items.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
