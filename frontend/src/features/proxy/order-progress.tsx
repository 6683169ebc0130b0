import { Alert, Button, Card, Progress, Stack, Stepper, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDeadline } from "../../components/format";
import { useWide } from "../../shared/ui/use-wide";
import type { ProxyOrder } from "../../shared/api/proxy-order";

const STEPS = ["requested", "quoted", "firstPayment", "purchasing", "secondPayment", "shipped", "completed"];

/** How far along each status is: the steps before it are done. */
const REACHED = {
  requested: 1,
  awaiting_first_payment: 2,
  purchasing: 3,
  awaiting_second_payment: 4,
  awaiting_shipment: 5,
  shipped: 6,
  completed: 7,
  cancelled: 0,
} as const;

/** PRX-02: where the order is, and a clear button when the member has something to do. */
export function OrderProgress({ order, onReceipt }: { order: ProxyOrder; onReceipt: () => void }) {
  const { t, i18n } = useTranslation();
  const wide = useWide();
  const reached = REACHED[order.status];
  const questionOpen = order.items.some((i) => i.question_open);
  const paying = order.status === "awaiting_first_payment" || order.status === "awaiting_second_payment";
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("proxy.progress")}
        </Title>
        {order.status === "cancelled" ? (
          <Alert color="gray" data-testid="cancelled">
            {t("proxy.status.cancelled")}
            {order.cancel_reason && ` ・ ${t(`proxy.cancelReason.${order.cancel_reason}`)}`}
          </Alert>
        ) : wide ? (
          <Stepper active={reached} size="xs" allowNextStepsSelect={false}>
            {STEPS.map((step) => (
              <Stepper.Step key={step} label={t(`proxy.steps.${step}`)} />
            ))}
          </Stepper>
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {reached}/{STEPS.length} ・ {t(`proxy.status.${order.status}`)}
            </Text>
            <Progress value={(reached / STEPS.length) * 100} aria-label={t("proxy.progress")} />
          </Stack>
        )}
        {order.needs_member_action && (
          <Alert
            color="orange"
            // The light orange's own title colour is too faint on its background (WCAG AA).
            title={
              <Text fw={700} c="dark.8" size="sm">
                {t("proxy.actionNeeded")}
              </Text>
            }
            data-testid="action-needed"
          >
            <Stack gap="xs">
              {order.status === "awaiting_first_payment" && (
                <Text size="sm">
                  {t("proxy.action.payFirst", {
                    deadline: order.payment_deadline
                      ? formatDeadline(order.payment_deadline, i18n.language)
                      : "",
                  })}
                </Text>
              )}
              {order.status === "awaiting_second_payment" && (
                <Text size="sm">{t("proxy.action.paySecond")}</Text>
              )}
              {order.status === "shipped" && <Text size="sm">{t("proxy.action.receipt")}</Text>}
              {paying && (
                <Button component={Link} to={`/proxy/orders/${order.id}/pay`} w="fit-content">
                  {t("proxy.action.pay")}
                </Button>
              )}
              {order.status === "shipped" && (
                <Button onClick={onReceipt} w="fit-content">
                  {t("proxy.receipt.open")}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {questionOpen && (
          <Text size="sm" c="dimmed">
            {t("proxy.action.question")}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
