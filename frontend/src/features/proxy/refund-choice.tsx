import { Group, Radio, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAction } from "../../components/use-action";
import type { ProxyOrder } from "../../shared/api/proxy-order";
import { setRefundTo } from "./api/set-refund-to";

/**
 * PAY-06: if a paid item cannot be bought, its refund goes to the deposit — or, when the member asks,
 * back to the card that paid on the hosted page.
 */
export function RefundChoice({ order }: { order: ProxyOrder }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["my-proxy-orders"]);
  if (["completed", "cancelled", "shipped"].includes(order.status)) return null;
  return (
    <Stack gap={4} data-testid="refund-choice">
      <Radio.Group
        label={t("proxy.refundTo.label")}
        value={order.refund_to}
        onChange={(value) =>
          void run(() => setRefundTo(order.id, value === "card" ? "card" : "deposit"), "proxy.refundTo.saved")
        }
      >
        <Group mt={4}>
          <Radio value="deposit" label={t("proxy.refundTo.deposit")} disabled={busy} />
          <Radio value="card" label={t("proxy.refundTo.card")} disabled={busy} />
        </Group>
      </Radio.Group>
      <Text size="xs" c="dimmed">
        {t("proxy.refundTo.hint")}
      </Text>
    </Stack>
  );
}
