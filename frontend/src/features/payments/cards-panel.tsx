import { Badge, Button, Card, Group, Radio, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { Empty, ErrorState, Loading, useErrorMessage } from "../../components/states";
import { cardLabel, useCards } from "../../shared/api/cards";
import { deleteCard } from "./api/delete-card";
import { setDefaultCard } from "./api/set-default-card";
import { CardForm } from "./card-form";

type SavedCard = components["schemas"]["CardResponse"];

/**
 * PAY-01: the member's saved cards — register, change the default, delete. With `onSelect`, the cards
 * are choices for paying (the pay page).
 */
export function CardsPanel({ selected, onSelect }: { selected?: string; onSelect?: (id: string) => void }) {
  const { t } = useTranslation();
  const cards = useCards();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [adding, setAdding] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["cards"] });
  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifications.show({ color: "teal", message: t(done) });
      refresh();
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  const list = (items: SavedCard[]) =>
    items.map((card) => (
      <Group key={card.id} justify="space-between" data-testid="card" wrap="nowrap">
        {onSelect ? (
          <Radio
            value={card.id}
            disabled={card.expired}
            label={cardLabel(card)}
            aria-label={cardLabel(card)}
          />
        ) : (
          <Text ff="monospace">{cardLabel(card)}</Text>
        )}
        <Group gap="xs">
          {card.is_default && <Badge>{t("pay.defaultCard")}</Badge>}
          {card.expired && <Badge color="red">{t("pay.cardExpired")}</Badge>}
          {!onSelect && !card.is_default && (
            <Button
              size="xs"
              variant="subtle"
              onClick={() => void act(() => setDefaultCard(card.id), "pay.saved")}
            >
              {t("pay.setDefault")}
            </Button>
          )}
          {!onSelect && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => {
                if (
                  window.confirm(
                    t("pay.confirmDelete", { card: `${card.brand.toUpperCase()} •••• ${card.last4}` }),
                  )
                )
                  void act(() => deleteCard(card.id), "pay.deleted");
              }}
            >
              {t("pay.delete")}
            </Button>
          )}
        </Group>
      </Group>
    ));
  return (
    <Card withBorder id="cards">
      <Stack>
        <Title order={2} size="h3">
          {t("pay.cards")}
        </Title>
        {cards.isPending ? (
          <Loading />
        ) : cards.isError ? (
          <ErrorState error={cards.error} onRetry={() => void cards.refetch()} />
        ) : cards.data.length === 0 ? (
          <Empty message={t("pay.noCards")} />
        ) : onSelect ? (
          <Radio.Group value={selected ?? null} onChange={onSelect} label={t("pay.chooseCard")}>
            <Stack gap="xs" mt="xs">
              {list(cards.data)}
            </Stack>
          </Radio.Group>
        ) : (
          <Stack gap="xs">{list(cards.data)}</Stack>
        )}
        {adding || (cards.data?.length ?? 0) === 0 ? (
          <CardForm
            onSaved={(id) => {
              notifications.show({ color: "teal", message: t("pay.registered") });
              setAdding(false);
              refresh();
              onSelect?.(id);
            }}
          />
        ) : (
          <Button variant="default" w="fit-content" onClick={() => setAdding(true)}>
            {t("pay.changeCard")}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
