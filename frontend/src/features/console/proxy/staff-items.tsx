import { Button, Card, FileButton, Group, Stack, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../../api/schema";
import { useAction } from "../../../components/use-action";
import type { ProxyOrder } from "../../../shared/api/proxy-order";
import { ItemSummary } from "../../../shared/ui/proxy-item-summary";
import { addItemPhoto } from "./api/add-item-photo";
import { answerQuestion } from "./api/answer-question";
import { markItem, type ItemStep } from "./api/mark-item";
import { refundItem } from "./api/refund-item";

type Item = components["schemas"]["ProxyItemResponse"];

const NEXT: Partial<Record<Item["status"], ItemStep>> = {
  paid: "purchased",
  purchased: "arrived",
  arrived: "inspected",
};

/** PRX-05, PRX-06: answer a question about an item; move a paid item through buying and inspection. */
function StaffItem({ shopId, order, item }: { shopId: string; order: ProxyOrder; item: Item }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["console", shopId]);
  const [answer, setAnswer] = useState("");
  const [refunding, setRefunding] = useState(false);
  const [reason, setReason] = useState("");
  const next = NEXT[item.status];
  const refundable = order.status === "purchasing" && (item.status === "paid" || item.status === "purchased");
  return (
    <Card withBorder padding="sm" data-testid="staff-item">
      <Stack gap="xs">
        <ItemSummary item={item} base={`/api/v1/shops/${shopId}/proxy-orders/${order.id}`} />
        {item.question_open && (
          <Group gap="xs" align="flex-end">
            <TextInput
              label={t("proxy.answer")}
              placeholder={t("proxyConsole.answerPlaceholder")}
              maxLength={1000}
              value={answer}
              onChange={(e) => setAnswer(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              loading={busy}
              disabled={!answer.trim()}
              onClick={() =>
                void run(
                  () => answerQuestion(shopId, order.id, item.id, answer.trim()),
                  "proxyConsole.answered",
                )
              }
            >
              {t("proxyConsole.sendAnswer")}
            </Button>
          </Group>
        )}
        <Group gap="xs">
          {next && !item.question_open && (
            <Button
              size="xs"
              loading={busy}
              onClick={() => void run(() => markItem(shopId, order.id, item.id, next), "proxyConsole.marked")}
            >
              {t("proxyConsole.markAs", { status: t(`proxy.itemStatus.${next}`) })}
            </Button>
          )}
          {refundable && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => setRefunding(!refunding)}
              aria-expanded={refunding}
            >
              {t("proxyConsole.refund")}
            </Button>
          )}
          {(item.status === "arrived" || item.status === "inspected") && (
            // PRX-06: on a phone, `capture` opens the camera; on a desktop, the file chooser.
            <FileButton
              onChange={(files) =>
                void run(async () => {
                  for (const file of files) await addItemPhoto(shopId, order.id, item.id, file);
                }, "proxyConsole.photosAdded")
              }
              accept="image/*"
              capture="environment"
              multiple
            >
              {(props) => (
                <Button {...props} size="xs" variant="default" loading={busy}>
                  {t("proxyConsole.addPhotos")}
                </Button>
              )}
            </FileButton>
          )}
        </Group>
        {refunding && (
          <Group gap="xs" align="flex-end">
            <TextInput
              label={t("proxyConsole.refundReason")}
              placeholder={t("proxyConsole.refundPlaceholder")}
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button
              color="red"
              loading={busy}
              disabled={!reason.trim()}
              onClick={() =>
                void run(() => refundItem(shopId, order.id, item.id, reason.trim()), "proxyConsole.refunded")
              }
            >
              {t("proxyConsole.refundConfirm")}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

export function StaffItems({ shopId, order }: { shopId: string; order: ProxyOrder }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("proxy.items")}
        </Title>
        {order.items.map((item) => (
          <StaffItem key={item.id} shopId={shopId} order={order} item={item} />
        ))}
      </Stack>
    </Card>
  );
}
