import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

/** Saves the card behind a provider token (never a card number) and makes it the default. */
export async function registerCard(token: string) {
  return unwrap(await api.POST("/api/v1/me/cards", { body: { token } }));
}
