import { PageTitle } from "../../components/page-title";
import { Button, Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../auth/use-session";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useShops } from "../../shared/api/list-shops";
import { useQueues } from "./api/queues";
import { sectionsOf } from "./sections";

/** SHOP-01: how much work waits, each count linking to its list. */
function Queues({ shopId, proxy }: { shopId: string; proxy: boolean }) {
  const { t } = useTranslation();
  const queues = useQueues(shopId);
  if (!queues.data) return null;
  const q = queues.data;
  const base = `/console/shops/${shopId}`;
  const proxyItems = [
    { key: "requestsToQuote", count: q.requests_to_quote, to: `${base}/proxy?status=requested` },
    { key: "questionsToAnswer", count: q.questions_to_answer, to: `${base}/proxy?status=all` },
    { key: "transfersToConfirm", count: q.transfers_to_confirm, to: `${base}/transfers` },
    { key: "parcelsToShip", count: q.parcels_to_ship, to: `${base}/proxy?status=awaiting_shipment` },
    { key: "messagesToAnswer", count: q.messages_to_answer, to: `${base}/messages` },
  ];
  const retailItems = [
    { key: "ordersToConfirm", count: q.orders_to_confirm, to: `${base}/orders?status=awaiting_stock_check` },
    {
      key: "reservationsToConfirm",
      count: q.reservations_to_confirm,
      to: `${base}/reservations?status=requested`,
    },
    { key: "pickupsToday", count: q.pickups_today, to: `${base}/reservations?view=today` },
    {
      key: "paymentsOutstanding",
      count: q.payments_outstanding,
      to: `${base}/orders?status=awaiting_payment`,
    },
    { key: "shipmentsToSend", count: q.shipments_to_send, to: `${base}/orders?status=paid` },
  ];
  const items = proxy ? proxyItems : retailItems;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} mt="sm" data-testid="queues">
      {items.map((item) => (
        <Card key={item.key} withBorder component={Link} to={item.to} padding="xs">
          <Text size="xs" c="dimmed">
            {t(`console.queue.${item.key}`)}
          </Text>
          <Text fw={700} size="xl" c={item.count > 0 ? "orange" : undefined}>
            {item.count}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

export function ConsoleHome() {
  const { t } = useTranslation();
  const account = useSession()?.account;
  const shops = useShops();
  if (shops.isPending) return <Loading />;
  if (shops.isError) return <ErrorState error={shops.error} onRetry={() => void shops.refetch()} />;
  const mine = shops.items.filter(
    (shop) => account?.role === "operator" || account?.shops.some((s) => s.shop_id === shop.id),
  );
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("console.title")}</PageTitle>
        {account?.role === "operator" && (
          <Button component={Link} to="/console/shops/new">
            {t("console.openShop")}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t("console.chooseShop")}</Text>
      {mine.length === 0 ? (
        <Empty message={t("console.noShops")} />
      ) : (
        <SimpleGrid cols={{ base: 1 }}>
          {mine.map((shop) => (
            <Card withBorder key={shop.id}>
              <Text fw={600}>{shop.name}</Text>
              <Queues shopId={shop.id} proxy={shop.kind === "proxy"} />
              <Group mt="sm">
                {sectionsOf(shop.kind).map((link, i) => (
                  <Button
                    key={link.path}
                    component={Link}
                    to={`/console/shops/${shop.id}/${link.path}`}
                    size="xs"
                    variant={i < 3 ? "filled" : "default"}
                  >
                    {t(link.label)}
                  </Button>
                ))}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
