import { Button, Card, Group, NumberInput, Stack, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { useAction } from "../../components/use-action";
import { askBeforeBuying } from "./api/ask-before-buying";
import { cancelProxyItem } from "./api/cancel-proxy-item";
import { changeItemQuantity } from "./api/change-item-quantity";
import { ItemSummary } from "../../shared/ui/proxy-item-summary";
import type { ProxyOrder } from "../../shared/api/proxy-order";

type Item = components["schemas"]["ProxyItemResponse"];

/** PRX-04, PRX-05: what the member may do with an item before the 1st payment. */
function ItemActions({ order, item }: { order: ProxyOrder; item: Item }) {
  const { t } = useTranslation();
  const { busy, run: act } = useAction(["my-proxy-orders"]);
  const [quantity, setQuantity] = useState<number | string>(item.quantity);
  const [asking, setAsking] = useState(false);
  const [question, setQuestion] = useState("");
  const run = async (action: () => Promise<unknown>, done: string) => {
    if (await act(action, done)) setAsking(false);
  };
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <NumberInput
          label={t("proxy.form.quantity")}
          min={1}
          max={999}
          allowDecimal={false}
          value={quantity}
          onChange={setQuantity}
          w={110}
        />
        <Button
          variant="default"
          loading={busy}
          disabled={Number(quantity) === item.quantity || !Number(quantity)}
          onClick={() =>
            void run(() => changeItemQuantity(order.id, item.id, Number(quantity)), "proxy.quantityChanged")
          }
        >
          {t("proxy.changeQuantity")}
        </Button>
      </Group>
      <Group gap="xs">
        {item.status === "before_payment" && !item.question_open && (
          <Button size="xs" variant="light" onClick={() => setAsking(!asking)} aria-expanded={asking}>
            {t("proxy.askSeller")}
          </Button>
        )}
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={busy}
          onClick={() =>
            window.confirm(t("proxy.confirmCancelItem")) &&
            void run(() => cancelProxyItem(order.id, item.id), "proxy.itemCancelled")
          }
        >
          {t("proxy.cancelItem")}
        </Button>
      </Group>
      {asking && (
        <Group gap="xs" align="flex-end">
          <TextInput
            label={t("proxy.question")}
            maxLength={1000}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            loading={busy}
            disabled={!question.trim()}
            onClick={() => void run(() => askBeforeBuying(order.id, item.id, question.trim()), "proxy.asked")}
          >
            {t("proxy.askSubmit")}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** PRX-02: the order's items with their status, quantity and price; changes while they are allowed. */
export function MemberItems({ order }: { order: ProxyOrder }) {
  const { t } = useTranslation();
  const editable = order.status === "requested" || order.status === "awaiting_first_payment";
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("proxy.items")}
        </Title>
        {order.items.map((item) => (
          <Card withBorder key={item.id} padding="sm" data-testid="proxy-item">
            <Stack gap="xs">
              <ItemSummary item={item} base={`/api/v1/me/proxy-orders/${order.id}`} />
              {editable && (item.status === "requested" || item.status === "before_payment") && (
                <ItemActions order={order} item={item} />
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
