import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export function useCards() {
  return useQuery({ queryKey: ["cards"], queryFn: async () => unwrap(await api.GET("/api/v1/me/cards")) });
}

/** A saved card as the member sees it: `VISA •••• 4242  12/30`. */
export function cardLabel(card: components["schemas"]["CardResponse"]): string {
  return `${card.brand.toUpperCase()} •••• ${card.last4}  ${String(card.exp_month).padStart(2, "0")}/${String(card.exp_year).slice(-2)}`;
}
