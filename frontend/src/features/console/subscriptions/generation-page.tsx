import { Alert, Badge, Card, List, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { components } from "../../../api/schema";
import { formatDate } from "../../../components/format";
import { PageTitle } from "../../../components/page-title";
import { ErrorState, Loading } from "../../../components/states";
import { Forbidden } from "../forbidden";
import { useCanManage } from "../use-managed-shop";
import { useGenerationDay } from "./api/generation-day";
import { usePreflight } from "./api/preflight";

type Entry = components["schemas"]["GenerationEntryResponse"];
type Issue = components["schemas"]["PreflightIssueResponse"];

function today(): string {
  // The shop's day is Japan's.
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
}

function Entries({ shopId, entries, empty }: { shopId: string; entries: Entry[]; empty: string }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Table>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={`${e.subscription_id}-${e.delivery.delivery_on}`}>
            <Table.Td>
              <Link to={`/console/shops/${shopId}/subscriptions/${e.subscription_id}`}>{e.number}</Link>
            </Table.Td>
            <Table.Td>{formatDate(e.delivery.delivery_on, i18n.language)}</Table.Td>
            <Table.Td>
              <Badge color={e.delivery.skip ? "gray" : undefined}>
                {e.delivery.skip
                  ? t("subscriptions.skipPlanned")
                  : t(`subscriptions.scheduleStatus.${e.delivery.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{e.authorization ?? ""}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function issueText(issue: Issue, t: (key: string, options?: Record<string, unknown>) => string): string {
  switch (issue.kind) {
    case "closed_day":
      return t("subscriptionConsole.preflight.closedDay", { number: issue.number, date: issue.delivery_on });
    case "stock_short":
      return t("subscriptionConsole.preflight.stockShort", {
        product: issue.product_name,
        sku: issue.sku,
        needed: issue.needed,
        available: issue.available,
      });
    case "card_expires_before_generation":
      return t("subscriptionConsole.preflight.cardExpires", {
        number: issue.number,
        date: issue.generation_on,
        expiry: `${issue.exp_month}/${issue.exp_year}`,
      });
    case "method_not_for_carrier":
      return t("subscriptionConsole.preflight.methodCarrier", {
        number: issue.number,
        method: t(`subscriptions.methods.${issue.payment_method}`),
        carrier: t(`orders.carrier.${issue.carrier}`),
      });
  }
}

/** SUB-04: the preflight report of the next week, and any day's generation ledger with its dry run. */
export function GenerationPage() {
  const { t } = useTranslation();
  const { shopId = "" } = useParams();
  const allowed = useCanManage(shopId);
  const [on, setOn] = useState(today);
  const day = useGenerationDay(shopId, on);
  const preflight = usePreflight(shopId, 7);
  if (!allowed) return <Forbidden />;
  return (
    <Stack>
      <PageTitle>{t("subscriptionConsole.generation.title")}</PageTitle>
      <Card withBorder data-testid="preflight">
        <Title order={2} size="h5">
          {t("subscriptionConsole.preflight.title")}
        </Title>
        {preflight.isPending ? (
          <Loading />
        ) : preflight.isError ? (
          <ErrorState error={preflight.error} onRetry={() => void preflight.refetch()} />
        ) : preflight.data.length === 0 ? (
          <Text c="dimmed">{t("subscriptionConsole.preflight.none")}</Text>
        ) : (
          <Alert color="orange">
            <List>
              {preflight.data.map((issue, i) => (
                <List.Item key={i}>{issueText(issue, t)}</List.Item>
              ))}
            </List>
          </Alert>
        )}
      </Card>
      <TextInput
        type="date"
        label={t("subscriptionConsole.generation.date")}
        value={on}
        onChange={(e) => setOn(e.currentTarget.value)}
        w={200}
      />
      {day.isPending ? (
        <Loading />
      ) : day.isError ? (
        <ErrorState error={day.error} onRetry={() => void day.refetch()} />
      ) : (
        <>
          <Card withBorder>
            <Title order={2} size="h5">
              {t("subscriptionConsole.generation.done")}
            </Title>
            <Entries
              shopId={shopId}
              entries={day.data.done}
              empty={t("subscriptionConsole.generation.noneDone")}
            />
          </Card>
          <Card withBorder data-testid="dry-run">
            <Title order={2} size="h5">
              {t("subscriptionConsole.generation.planned")}
            </Title>
            <Entries
              shopId={shopId}
              entries={day.data.planned}
              empty={t("subscriptionConsole.generation.nonePlanned")}
            />
          </Card>
        </>
      )}
    </Stack>
  );
}
