import { type QueryKey, useInfiniteQuery } from "@tanstack/react-query";

/** One page as every list of the API returns it. */
export interface PageOf<T> {
  items: T[];
  next_cursor?: string | null;
}

/** A cursor-paginated list: pages are fetched on demand and `items` holds every item fetched so far. */
export function usePaged<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined) => Promise<PageOf<T>>,
) {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  return { ...query, items: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
