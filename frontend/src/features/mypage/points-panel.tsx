import { Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../components/format";
import { ErrorState, Loading } from "../../components/states";
import { usePoints } from "../../shared/api/points";

/** ACC-07, SUB-15: the member's points — balance, all ever earned, and the newest movements. */
export function PointsPanel() {
  const { t, i18n } = useTranslation();
  const points = usePoints();
  return (
    <Card withBorder data-testid="points">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t("subscriptions.points.title")}
        </Title>
        {points.isPending ? (
          <Loading />
        ) : points.isError ? (
          <ErrorState error={points.error} onRetry={() => void points.refetch()} />
        ) : (
          <>
            <Group gap="xl">
              <Text>
                {t("subscriptions.points.balance")}:{" "}
                <b data-testid="points-balance">
                  {t("subscriptions.points.unit", { count: points.data.balance })}
                </b>
              </Text>
              <Text size="sm" c="dimmed">
                {t("subscriptions.points.total")}:{" "}
                {t("subscriptions.points.unit", { count: points.data.total_earned })}
              </Text>
            </Group>
            {points.data.entries.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("subscriptions.points.none")}
              </Text>
            ) : (
              <Table>
                <Table.Tbody>
                  {points.data.entries.items.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{formatDate(e.created_at, i18n.language)}</Table.Td>
                      <Table.Td>
                        {t(
                          `subscriptions.points.kind.${e.kind as "earned" | "used" | "expired" | "returned"}`,
                        )}
                      </Table.Td>
                      <Table.Td>{e.reason}</Table.Td>
                      <Table.Td ta="right">{e.points > 0 ? `+${e.points}` : e.points}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
