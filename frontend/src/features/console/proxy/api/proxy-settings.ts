import { useQuery } from "@tanstack/react-query";
import { api } from "../../../../api/client";
import { unwrap } from "../../../../api/problem";

/** PRX-01, PAY-07: the service's fee rule and card surcharge. */
export function useProxySettings(shopId: string) {
  return useQuery({
    queryKey: ["console", shopId, "proxy-settings"],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/proxy-settings", { params: { path: { shop_id: shopId } } }),
      ),
  });
}
