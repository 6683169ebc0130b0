import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageTitle } from "../../components/page-title";
import { formatDateTime } from "../../components/format";
import { Empty, ErrorState, Loading } from "../../components/states";
import { Forbidden } from "./forbidden";
import { useCanManage } from "./use-managed-shop";
import { useShopInbox } from "../../shared/api/order-messages";
import type { components } from "../../api/schema";

type Thread = components["schemas"]["InboxThreadResponse"];

/** The console page of the thread's order. */
function pageOf(shopId: string, thread: Thread): string {
  const path = { order: "orders", reservation: "reservations", proxy_order: "proxy" }[thread.kind];
  return `/console/shops/${shopId}/${path}/${thread.order_id}`;
}

/** SHOP-01, MSG-01: the conversation of every order, reservation and proxy order, the latest first; unread
 * ones stand out. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const inbox = useShopInbox(shopId);
  if (!canManage) return <Forbidden />;
  return (
    <Stack>
      <PageTitle>{t("messages.inbox")}</PageTitle>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.length === 0 ? (
        <Empty message={t("messages.none")} />
      ) : (
        inbox.data.map((thread) => (
          <Card withBorder padding="sm" key={thread.order_id} data-testid="inbox-thread">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Anchor component={Link} to={pageOf(shopId, thread)} fw={600}>
                  {t(`messages.kind.${thread.kind}`)} {thread.order_number}
                </Anchor>
                <Text size="sm" fw={thread.unread > 0 ? 700 : undefined}>
                  {thread.last_title}
                </Text>
                <Text size="xs" c="dimmed">
                  {thread.last_author === "member" ? t("messages.fromMember") : t("messages.fromShop")} ・{" "}
                  {formatDateTime(thread.last_at, i18n.language)}
                </Text>
              </Stack>
              {thread.unread > 0 && (
                <Badge color="red" variant="filled">
                  {t("messages.unreadCount", { count: thread.unread })}
                </Badge>
              )}
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
