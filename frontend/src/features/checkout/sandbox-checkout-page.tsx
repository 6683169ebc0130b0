import { Alert, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { PageTitle } from "../../components/page-title";
import { yen } from "../../components/format";
import { ErrorState, Loading, useErrorMessage } from "../../components/states";
import { paySandboxCheckout } from "./api/pay-sandbox-checkout";
import { useSandboxCheckout } from "./api/get-sandbox-checkout";

/** The path (and query) of a URL the API gives, so the SPA moves within itself. */
function inApp(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * PAY-07: the sandbox provider's hosted page. A real provider shows its own page on its own site; this
 * one stands in for it where no provider is configured, and pays without moving money.
 */
export function SandboxCheckoutPage() {
  const { t } = useTranslation();
  const sessionId = useParams().sessionId ?? "";
  const page = useSandboxCheckout(sessionId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  if (page.isPending) return <Loading />;
  if (page.isError) return <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  const p = page.data;
  const pay = async () => {
    setBusy(true);
    try {
      const paid = await paySandboxCheckout(sessionId);
      // A provider's page comes back with a fresh load; this one stays in the app, so what was paid
      // for is read again.
      await queryClient.invalidateQueries();
      void navigate(inApp(paid.return_url));
    } catch (error) {
      setFailure(message(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack maw={480} mx="auto">
      <PageTitle>{t("checkoutPage.title")}</PageTitle>
      <Alert color="yellow">{t("checkoutPage.sandbox")}</Alert>
      <Card withBorder>
        <Table withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t("checkoutPage.amount")}</Table.Td>
              <Table.Td ta="right">{yen(p.amount)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td>{t("checkoutPage.surcharge")}</Table.Td>
              <Table.Td ta="right">{yen(p.surcharge)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Td fw={700}>{t("checkoutPage.total")}</Table.Td>
              <Table.Td ta="right" fw={700} data-testid="checkout-total">
                {yen(p.total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Card>
      {failure && <Text c="red">{failure}</Text>}
      {p.status === "open" ? (
        <Group>
          <Button onClick={() => void pay()} loading={busy}>
            {t("checkoutPage.pay", { total: yen(p.total) })}
          </Button>
          <Button variant="subtle" onClick={() => void navigate(-1)}>
            {t("checkoutPage.back")}
          </Button>
        </Group>
      ) : (
        <Alert color="teal">
          {t("checkoutPage.done")}{" "}
          <Button variant="subtle" size="compact-sm" onClick={() => void navigate(inApp(p.return_url))}>
            {t("checkoutPage.return")}
          </Button>
        </Alert>
      )}
    </Stack>
  );
}
