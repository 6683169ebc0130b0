import { Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../components/format";
import { Empty, ErrorState, Loading } from "../../components/states";
import { MoreButton } from "../../shared/ui/more-button";
import { useCycleLabel } from "../../shared/ui/subscription-details";
import { useMySubscriptions } from "./api/my-subscriptions";

/** SUB-10: the member's subscriptions on My Page. */
export function MySubscriptions() {
  const { t, i18n } = useTranslation();
  const list = useMySubscriptions();
  const cycle = useCycleLabel();
  return (
    <Stack id="subscriptions">
      <Title order={2} size="h3">
        {t("subscriptions.mine")}
      </Title>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.items.length === 0 ? (
        <Empty message={t("subscriptions.none")} />
      ) : (
        list.items.map((s) => (
          <Card withBorder key={s.id} data-testid="my-subscription">
            <Group justify="space-between">
              <Stack gap={2}>
                <Text>
                  {s.shop.name} — {t("subscriptions.number")} {s.number}{" "}
                  <Badge color={s.status === "active" ? "teal" : "gray"}>
                    {t(`subscriptions.status.${s.status}`)}
                  </Badge>
                </Text>
                <Text size="sm">
                  {cycle(s.cycle)}
                  {s.next_delivery_on &&
                    ` / ${t("subscriptions.nextDeliveryOn")}: ${formatDate(s.next_delivery_on, i18n.language)}`}
                </Text>
              </Stack>
              <Button component={Link} to={`/mypage/subscriptions/${s.id}`} variant="default">
                {t("subscriptions.details")}
              </Button>
            </Group>
          </Card>
        ))
      )}
      <MoreButton query={list} />
    </Stack>
  );
}
