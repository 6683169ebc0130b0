import { Badge, Button, Checkbox, Group, Stack, Table, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { formatDateTime } from "../../../components/format";
import { PageTitle } from "../../../components/page-title";
import { Empty, ErrorState, Loading } from "../../../components/states";
import { useAction } from "../../../components/use-action";
import { Forbidden } from "../forbidden";
import { useCanManage } from "../use-managed-shop";
import { useExpiringCards } from "./api/expiring-cards";
import { sendCardNotices } from "./api/send-card-notices";

/** SUB-11: カード管理 — the cards nearing or past expiry; tell the selected members, with optional words. */
export function CardExpiryPage() {
  const { t, i18n } = useTranslation();
  const { shopId = "" } = useParams();
  const allowed = useCanManage(shopId);
  const cards = useExpiringCards(shopId);
  const [selected, setSelected] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const { busy, run } = useAction(["subscription-cards", shopId]);
  if (!allowed) return <Forbidden />;
  if (cards.isPending) return <Loading />;
  if (cards.isError) return <ErrorState error={cards.error} onRetry={() => void cards.refetch()} />;
  const all = cards.data.map((c) => c.subscription_id);
  const send = async () => {
    if (await run(() => sendCardNotices(shopId, selected, message), "subscriptionConsole.cards.sent")) {
      setSelected([]);
      setMessage("");
    }
  };
  return (
    <Stack>
      <PageTitle>{t("subscriptionConsole.cards.title")}</PageTitle>
      <Text size="sm" c="dimmed">
        {t("subscriptionConsole.cards.lead")}
      </Text>
      {cards.data.length === 0 ? (
        <Empty message={t("subscriptionConsole.cards.none")} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="expiring-cards">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <Checkbox
                      aria-label={t("subscriptionConsole.cards.selectAll")}
                      checked={selected.length === all.length}
                      indeterminate={selected.length > 0 && selected.length < all.length}
                      onChange={(e) => setSelected(e.currentTarget.checked ? all : [])}
                    />
                  </Table.Th>
                  <Table.Th>{t("subscriptions.number")}</Table.Th>
                  <Table.Th>{t("subscriptionConsole.member")}</Table.Th>
                  <Table.Th>{t("subscriptions.card")}</Table.Th>
                  <Table.Th>{t("subscriptionConsole.cards.notified")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cards.data.map((c) => (
                  <Table.Tr key={c.subscription_id}>
                    <Table.Td>
                      <Checkbox
                        aria-label={c.number}
                        checked={selected.includes(c.subscription_id)}
                        onChange={(e) =>
                          setSelected((s) =>
                            e.currentTarget.checked
                              ? [...s, c.subscription_id]
                              : s.filter((id) => id !== c.subscription_id),
                          )
                        }
                      />
                    </Table.Td>
                    <Table.Td>{c.number}</Table.Td>
                    <Table.Td>{c.recipient_name}</Table.Td>
                    <Table.Td>
                      {c.card} ({c.exp_month}/{c.exp_year}){" "}
                      <Badge color={c.expired ? "red" : "orange"}>
                        {t(
                          c.expired
                            ? "subscriptionConsole.cards.expired"
                            : "subscriptionConsole.cards.expiring",
                        )}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{c.notified_at ? formatDateTime(c.notified_at, i18n.language) : "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Textarea
            label={t("subscriptionConsole.cards.message")}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
          <Group>
            <Button loading={busy} disabled={selected.length === 0} onClick={() => void send()}>
              {t("subscriptionConsole.cards.send", { count: selected.length })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
