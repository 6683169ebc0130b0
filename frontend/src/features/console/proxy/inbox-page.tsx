import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageTitle } from "../../../components/page-title";
import { formatDateTime } from "../../../components/format";
import { Empty, ErrorState, Loading } from "../../../components/states";
import { Forbidden } from "../forbidden";
import { useCanManage } from "../use-managed-shop";
import { useProxyInbox } from "./api/proxy-inbox";

/** SHOP-01, MSG-01: every order's conversation, the latest first; unread ones stand out. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const inbox = useProxyInbox(shopId);
  if (!canManage) return <Forbidden />;
  return (
    <Stack>
      <PageTitle>{t("proxyConsole.inbox")}</PageTitle>
      {inbox.isPending ? (
        <Loading />
      ) : inbox.isError ? (
        <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />
      ) : inbox.data.length === 0 ? (
        <Empty message={t("proxy.messages.none")} />
      ) : (
        inbox.data.map((thread) => (
          <Card withBorder padding="sm" key={thread.order_id} data-testid="inbox-thread">
            <Group justify="space-between" wrap="nowrap">
              <Stack gap={0}>
                <Anchor component={Link} to={`/console/shops/${shopId}/proxy/${thread.order_id}`} fw={600}>
                  {thread.order_number}
                </Anchor>
                <Text size="sm" fw={thread.unread > 0 ? 700 : undefined}>
                  {thread.last_title}
                </Text>
                <Text size="xs" c="dimmed">
                  {thread.last_author === "member"
                    ? t("proxy.messages.fromMember")
                    : t("proxy.messages.fromShop")}{" "}
                  ・ {formatDateTime(thread.last_at, i18n.language)}
                </Text>
              </Stack>
              {thread.unread > 0 && (
                <Badge color="red" variant="filled">
                  {t("proxyConsole.unread", { count: thread.unread })}
                </Badge>
              )}
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
