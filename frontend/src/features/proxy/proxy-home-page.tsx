import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { components } from "../../api/schema";
import { useSession } from "../../auth/use-session";
import { PageTitle } from "../../components/page-title";
import { formatDate } from "../../components/format";
import { Empty, ErrorState, Loading } from "../../components/states";
import { useShops } from "../../shared/api/list-shops";
import { CalendarView } from "../../shared/ui/calendar-view";
import { useArrivalReports } from "./api/arrival-reports";
import { ShippingEstimator } from "./shipping-estimator";

type Shop = components["schemas"]["ShopResponse"];

/** PRX-13: what members said when their parcels arrived. */
function ArrivalReports({ shopId }: { shopId: string }) {
  const { t, i18n } = useTranslation();
  const reports = useArrivalReports(shopId);
  if (!reports.data) return null;
  return (
    <Stack gap={4} data-testid="arrival-reports">
      <Text fw={600} size="sm">
        {t("proxy.arrivals")}
      </Text>
      {reports.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("proxy.noArrivals")}
        </Text>
      ) : (
        reports.data.slice(0, 10).map((r, i) => (
          <Text key={`${r.reported_at}-${i}`} size="sm">
            「{r.comment}」
            <Text span size="xs" c="dimmed">
              {" "}
              {formatDate(r.reported_at, i18n.language)}
            </Text>
          </Text>
        ))
      )}
    </Stack>
  );
}

/** One proxy service: its description, business calendar (PRX-12) and arrival reports (PRX-13). */
function Service({ shop }: { shop: Shop }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="proxy-service">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {shop.name}
          </Title>
          <Button component={Link} to={`/proxy/new?shop=${shop.id}`}>
            {t("proxy.newRequest")}
          </Button>
        </Group>
        {shop.description && <Text size="sm">{shop.description}</Text>}
        <Text fw={600} size="sm">
          {t("proxy.calendar")}
        </Text>
        <CalendarView days={shop.calendar.upcoming.slice(0, 14)} />
        <ArrivalReports shopId={shop.id} />
      </Stack>
    </Card>
  );
}

/** The proxy-buying entrance: the services, the shipping estimator, and the member's orders. */
export function ProxyHomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const shops = useShops();
  const services = shops.items.filter((s) => s.kind === "proxy");
  return (
    <Stack>
      <Group justify="space-between">
        <PageTitle>{t("proxy.title")}</PageTitle>
        {session && (
          <Button component={Link} to="/proxy/orders" variant="default">
            {t("proxy.myOrders")}
          </Button>
        )}
      </Group>
      <Text c="dimmed">{t("proxy.lead")}</Text>
      {shops.isPending ? (
        <Loading />
      ) : shops.isError ? (
        <ErrorState error={shops.error} onRetry={() => void shops.refetch()} />
      ) : services.length === 0 ? (
        <Empty message={t("proxy.noServices")} />
      ) : (
        <SimpleGrid cols={{ base: 1 }}>
          {services.map((shop) => (
            <Service key={shop.id} shop={shop} />
          ))}
        </SimpleGrid>
      )}
      <ShippingEstimator />
    </Stack>
  );
}
