import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function deleteCard(cardId: string) {
  return unwrap(await api.DELETE("/api/v1/me/cards/{card_id}", { params: { path: { card_id: cardId } } }));
}
