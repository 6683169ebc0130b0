import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export type ShopRole = components["schemas"]["ShopRoleDto"];
export type ShopProfile = components["schemas"]["ShopProfileRequest"];

const shop = (shopId: string) => ({ params: { path: { shop_id: shopId } } });

export function useShopStaff(shopId: string) {
  return useQuery({
    queryKey: ["console", shopId, "staff"],
    queryFn: async () => unwrap(await api.GET("/api/v1/shops/{shop_id}/staff", shop(shopId))),
  });
}

export async function inviteStaff(shopId: string, email: string, role: ShopRole) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/invitations", { ...shop(shopId), body: { email, role } }),
  );
}

export async function revokeInvitation(shopId: string, invitationId: string) {
  return unwrap(
    await api.DELETE("/api/v1/shops/{shop_id}/invitations/{invitation_id}", {
      params: { path: { shop_id: shopId, invitation_id: invitationId } },
    }),
  );
}

export async function removeStaff(shopId: string, accountId: string) {
  return unwrap(
    await api.DELETE("/api/v1/shops/{shop_id}/staff/{account_id}", {
      params: { path: { shop_id: shopId, account_id: accountId } },
    }),
  );
}

export async function createShop(slug: string, profile: ShopProfile) {
  return unwrap(await api.POST("/api/v1/shops", { body: { slug, profile } }));
}
