import { Badge, Button, Card, FileButton, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../api/schema";
import { formatDate, yen } from "../../../components/format";
import { useErrorMessage } from "../../../components/states";
import { importBankStatement } from "./api/import-bank-statement";

type Imported = components["schemas"]["StatementImportResponse"];

const color = {
  matched: "teal",
  approximate: "cyan",
  already_confirmed: "gray",
  unmatched: "orange",
} as const;

/** PAY-05: import the bank's statement; what fits a transfer report is confirmed, the rest is listed. */
export function StatementImport({ shopId }: { shopId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Imported>();
  const [problem, setProblem] = useState<string>();
  const upload = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    try {
      setResult(await importBankStatement(shopId, file));
      void queryClient.invalidateQueries({ queryKey: ["console", shopId] });
    } catch (error) {
      setProblem(message(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t("proxyConsole.statement")}
          </Title>
          <FileButton onChange={(file) => void upload(file)} accept=".txt,.dat,.csv,text/plain,text/csv">
            {(props) => (
              <Button {...props} loading={busy} variant="default">
                {t("proxyConsole.chooseStatement")}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="sm" c="dimmed">
          {t("proxyConsole.statementHint")}
        </Text>
        {problem && (
          <Text c="red" size="sm" role="alert">
            {problem}
          </Text>
        )}
        {result && (
          <>
            <Text size="sm" fw={600} data-testid="statement-summary">
              {t("proxyConsole.statementSummary", {
                confirmed: result.confirmed,
                unmatched: result.unmatched,
              })}
            </Text>
            <Table data-testid="statement-lines">
              <Table.Tbody>
                {result.lines.map((line) => (
                  <Table.Tr key={line.line}>
                    <Table.Td>{formatDate(line.date, i18n.language)}</Table.Td>
                    <Table.Td>{line.sender}</Table.Td>
                    <Table.Td ta="right">{yen(line.amount)}</Table.Td>
                    <Table.Td>
                      <Badge color={color[line.outcome]}>{t(`proxyConsole.outcome.${line.outcome}`)}</Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Card>
  );
}
