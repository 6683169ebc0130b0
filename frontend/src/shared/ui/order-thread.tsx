import { Badge, Button, Card, Group, Paper, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { formatDateTime } from "../../components/format";
import { ErrorState, Loading } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";

type Thread = components["schemas"]["OrderThreadResponse"];

/**
 * MSG-01, MSG-03: an order's messages between member and shop, oldest first, and the form to write one
 * while the order accepts messages. `me` is the side reading it.
 */
export function OrderThread({
  thread,
  me,
  onSend,
}: {
  thread: { data?: Thread; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  me: "member" | "staff";
  onSend: (message: { title: string; body: string }) => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ title: "", body: "" });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"title" | "body">();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(form.title.trim() ? {} : { title: "error.required" }),
      ...(form.body.trim() ? {} : { body: "error.required" }),
    };
    if (Object.keys(missing).length > 0) return errors.setFields(missing);
    setBusy(true);
    try {
      await onSend({ title: form.title.trim(), body: form.body.trim() });
      setForm({ title: "", body: "" });
      errors.clear();
      notifications.show({ color: "teal", message: t("proxy.messages.sent") });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("proxy.messages.title")}
        </Title>
        {thread.isPending ? (
          <Loading />
        ) : thread.isError || !thread.data ? (
          <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
        ) : (
          <>
            {thread.data.messages.length === 0 && (
              <Text c="dimmed" size="sm">
                {t("proxy.messages.none")}
              </Text>
            )}
            {thread.data.messages.map((m) => {
              const mine = m.author === me;
              return (
                <Paper
                  key={m.id}
                  withBorder
                  p="sm"
                  bg={mine ? "var(--mantine-color-blue-light)" : undefined}
                  ml={mine ? "lg" : 0}
                  mr={mine ? 0 : "lg"}
                  data-testid="message"
                >
                  <Group justify="space-between" gap="xs">
                    <Text fw={600} size="sm">
                      {m.title}
                    </Text>
                    {!mine && !m.read_at && (
                      <Badge size="xs" color="red">
                        {t("proxy.messages.unread")}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {m.author === "member" ? t("proxy.messages.fromMember") : t("proxy.messages.fromShop")} ・{" "}
                    {formatDateTime(m.at, i18n.language)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {m.body}
                  </Text>
                </Paper>
              );
            })}
            {thread.data.accepts_messages ? (
              <form
                onSubmit={(event) => void submit(event)}
                noValidate
                aria-label={t("proxy.messages.title")}
              >
                <Stack gap="xs">
                  <TextInput
                    label={t("proxy.messages.subject")}
                    maxLength={100}
                    value={form.title}
                    onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
                    error={errors.errorOf("title")}
                  />
                  <Textarea
                    label={t("proxy.messages.body")}
                    autosize
                    minRows={3}
                    maxLength={5000}
                    value={form.body}
                    onChange={(e) => setForm({ ...form, body: e.currentTarget.value })}
                    error={errors.errorOf("body")}
                  />
                  {errors.general && <Text c="red">{errors.general}</Text>}
                  <Button type="submit" loading={busy} w="fit-content">
                    {t("proxy.messages.send")}
                  </Button>
                </Stack>
              </form>
            ) : (
              <Text c="dimmed" size="sm">
                {t("proxy.messages.closed")}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
