import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

export function useProduct(productId: string) {
  return useQuery({
    queryKey: ["product", productId],
    queryFn: async () =>
      unwrap(await api.GET("/api/v1/products/{product_id}", { params: { path: { product_id: productId } } })),
  });
}
