import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export interface ProductSearch {
  keyword?: string;
  shopId?: string;
  category?: string;
  inStock?: boolean;
}

export function useProducts(search: ProductSearch, limit = 12) {
  return useInfiniteQuery({
    queryKey: ["products", search, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET("/api/v1/products", {
          params: {
            query: {
              keyword: search.keyword || undefined,
              shop_id: search.shopId || undefined,
              category: search.category || undefined,
              in_stock: search.inStock || undefined,
              cursor: pageParam,
              limit,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}
