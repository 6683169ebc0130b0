import { PageTitle } from "../../components/page-title";
import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useCategories } from "./api/list-categories";
import { useShops } from "../../shared/api/list-shops";
import { useProducts } from "./api/list-products";
import { ProductCard } from "./product-card";

/** CAT-06: keyword, shop, category and in-stock filters, kept in the URL so back and forward work. */
export function ProductListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = {
    keyword: params.get("q") ?? "",
    shopId: params.get("shop") ?? "",
    category: params.get("category") ?? "",
    inStock: params.get("in_stock") === "1",
  };
  const [keyword, setKeyword] = useState(search.keyword);
  const shops = useShops();
  const categories = useCategories();
  const products = useProducts(search);
  const items = products.data?.pages.flatMap((page) => page.items) ?? [];

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: keyword.trim() || null });
  };

  return (
    <Stack>
      <PageTitle>{t("products.title")}</PageTitle>
      <form onSubmit={submit} role="search">
        <Stack gap="xs">
          <Group align="end" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t("products.keyword")}
              placeholder={t("products.keywordPlaceholder")}
              value={keyword}
              onChange={(event) => setKeyword(event.currentTarget.value)}
            />
            <Button type="submit">{t("products.search")}</Button>
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            <Select
              label={t("products.shop")}
              data={[
                { value: "", label: t("products.all") },
                ...shops.items.map((s) => ({ value: s.id, label: s.name })),
              ]}
              value={search.shopId}
              onChange={(value) => update({ shop: value })}
              allowDeselect={false}
            />
            <Select
              label={t("products.category")}
              data={[
                { value: "", label: t("products.all") },
                ...(categories.data ?? []).map((c) => ({ value: c, label: c })),
              ]}
              value={search.category}
              onChange={(value) => update({ category: value })}
              allowDeselect={false}
            />
            <Checkbox
              mt={{ base: 0, xs: 30 }}
              label={t("products.inStock")}
              checked={search.inStock}
              onChange={(event) => update({ in_stock: event.currentTarget.checked ? "1" : null })}
            />
          </SimpleGrid>
        </Stack>
      </form>
      {products.isPending ? (
        <Loading />
      ) : products.isError ? (
        <ErrorState error={products.error} onRetry={() => void products.refetch()} />
      ) : items.length === 0 ? (
        <Empty message={t("products.none")} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
            {items.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </SimpleGrid>
          {products.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void products.fetchNextPage()}
              loading={products.isFetchingNextPage}
            >
              {t("products.more")}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
