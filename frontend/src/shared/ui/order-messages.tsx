import { Button } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  sendOrderMessage,
  threadBase,
  threadKey,
  useOrderMessages,
  type ThreadRef,
} from "../api/order-messages";
import { OrderThread } from "./order-thread";

/** MSG-01 to MSG-03: an order's, reservation's or proxy order's thread; staff when `thread.shopId` is set. */
export function OrderMessages({ thread, enabled = true }: { thread: ThreadRef; enabled?: boolean }) {
  const queryClient = useQueryClient();
  const messages = useOrderMessages(thread, enabled);
  return (
    <OrderThread
      thread={messages}
      me={thread.shopId ? "staff" : "member"}
      base={threadBase(thread)}
      onSend={async (message) => {
        await sendOrderMessage(thread, message);
        await queryClient.invalidateQueries({ queryKey: threadKey(thread) });
      }}
    />
  );
}

/** The thread behind a button, on a list of orders: fetched (and read) only when opened. */
export function MessagesToggle({ thread }: { thread: ThreadRef }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="subtle" w="fit-content" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t("messages.hide") : t("messages.show")}
      </Button>
      {open && <OrderMessages thread={thread} />}
    </>
  );
}
