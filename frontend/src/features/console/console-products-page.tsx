import { PageTitle } from "../../components/page-title";
import { Anchor, Badge, Button, Group, Stack, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { priceRange } from "../../components/format";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useShopProducts } from "./api/list-shop-products";
import { Forbidden } from "./forbidden";
import { useCanManage } from "./use-managed-shop";

function ProductTable({ shopId }: { shopId: string }) {
  const { t, i18n } = useTranslation();
  const products = useShopProducts(shopId);
  if (products.isPending) return <Loading />;
  if (products.isError) return <ErrorState error={products.error} onRetry={() => void products.refetch()} />;
  if (products.data.items.length === 0) return <Empty />;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("console.name")}</Table.Th>
            <Table.Th>{t("console.category")}</Table.Th>
            <Table.Th>{t("console.price")}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.data.items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/console/shops/${shopId}/products/${p.id}`}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.category}</Table.Td>
              <Table.Td>{priceRange(p.price_min, p.price_max, i18n.language)}</Table.Td>
              <Table.Td>
                <Badge color={p.active ? "teal" : "gray"}>
                  {p.active ? t("console.active") : t("console.archived")}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ConsoleProductsPage() {
  const { t } = useTranslation();
  const shopId = useParams().shopId ?? "";
  if (!useCanManage(shopId)) return <Forbidden />;
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("console.products")}</PageTitle>
        <Group>
          <Button component={Link} to={`/console/shops/${shopId}/calendar`} variant="default">
            {t("console.calendar")}
          </Button>
          <Button component={Link} to={`/console/shops/${shopId}/products/new`}>
            {t("console.newProduct")}
          </Button>
        </Group>
      </Group>
      <ProductTable shopId={shopId} />
    </Stack>
  );
}
