import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function setDefaultCard(cardId: string) {
  return unwrap(
    await api.POST("/api/v1/me/cards/{card_id}/default", { params: { path: { card_id: cardId } } }),
  );
}
