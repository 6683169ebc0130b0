import { useSession } from "../../auth/use-session";

/** Whether the signed-in account owns `shopId` (operators act as every shop's owner): settings, fees. */
export function useIsOwner(shopId: string): boolean {
  const account = useSession()?.account;
  if (!account) return false;
  return account.role === "operator" || account.shops.some((s) => s.shop_id === shopId && s.role === "owner");
}

/** Whether the signed-in staff member may manage `shopId` (operators may manage every shop). */
export function useCanManage(shopId: string): boolean {
  const account = useSession()?.account;
  if (!account) return false;
  return account.role === "operator" || account.shops.some((s) => s.shop_id === shopId);
}
