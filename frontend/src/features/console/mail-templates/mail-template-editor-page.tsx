import {
  Alert,
  Anchor,
  Button,
  Chip,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiProblem } from "../../../api/problem";
import { formatDateTime } from "../../../components/format";
import { PageTitle } from "../../../components/page-title";
import { ErrorState, Loading, useErrorMessage } from "../../../components/states";
import { Forbidden } from "../forbidden";
import { useCanManage, useIsOwner } from "../use-managed-shop";
import {
  type Locale,
  type MailTemplate,
  previewMailTemplate,
  resetMailTemplate,
  saveMailTemplate,
  useMailTemplate,
} from "./api";

type Field = "subject" | "body";

/** SHOP-04: edit one email's wording with tag help, preview it, save it or go back to the default. */
export function MailTemplateEditorPage() {
  const { shopId = "", template = "", locale = "ja" } = useParams();
  const lang: Locale = locale === "en" ? "en" : "ja";
  const allowed = useCanManage(shopId);
  const current = useMailTemplate(shopId, template, lang);
  if (!allowed) return <Forbidden />;
  if (current.isPending) return <Loading />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  // A new key when the saved wording changes: the form starts again from it.
  return (
    <Editor
      key={`${current.data.own}-${current.data.updated_at ?? ""}`}
      shopId={shopId}
      data={current.data}
    />
  );
}

function Editor({ shopId, data }: { shopId: string; data: MailTemplate }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const owner = useIsOwner(shopId);
  const [subject, setSubject] = useState(data.subject);
  const [body, setBody] = useState(data.body);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [preview, setPreview] = useState<{ subject: string; body: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const last = useRef<Field>("body");
  const inputs = { subject: useRef<HTMLInputElement>(null), body: useRef<HTMLTextAreaElement>(null) };
  const event = t(`mailTemplates.events.${data.template}`, { defaultValue: data.template });

  const fieldMessage = (message: string) => {
    const unknown = /unknown tag \[([A-Z0-9_]+)\]/.exec(message);
    if (unknown) return t("mailTemplates.unknownTag", { tag: unknown[1] });
    if (message.includes("empty")) return t("mailTemplates.required");
    if (message.includes("one line")) return t("mailTemplates.oneLine");
    if (message.includes("at most")) return t("mailTemplates.tooLong");
    return message;
  };

  /** Runs a request; a 422 shows under its fields, anything else as a notification. */
  const attempt = async <T,>(action: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setErrors({});
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 422) {
        const field = (name: Field) => error.problem.errors?.[name]?.map(fieldMessage).join(" ");
        setErrors({ subject: field("subject"), body: field("body") });
      } else {
        notifications.show({ color: "red", message: errorMessage(error) });
      }
      return null;
    } finally {
      setBusy(false);
    }
  };

  const insert = (tag: string) => {
    const field = last.current;
    const element = inputs[field].current;
    const value = field === "subject" ? subject : body;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const next = `${value.slice(0, start)}[${tag}]${value.slice(end)}`;
    (field === "subject" ? setSubject : setBody)(next);
    requestAnimationFrame(() => {
      element?.focus();
      const at = start + tag.length + 2;
      element?.setSelectionRange(at, at);
    });
  };

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["mail-templates", shopId] });
  const showPreview = async () => {
    const shown = await attempt(() =>
      previewMailTemplate(shopId, data.template, data.locale, { subject, body }),
    );
    if (shown) setPreview(shown);
  };
  const save = async () => {
    if (await attempt(() => saveMailTemplate(shopId, data.template, data.locale, { subject, body }))) {
      notifications.show({ color: "teal", message: t("mailTemplates.saved") });
      await refresh();
    }
  };
  const reset = async () => {
    if (!window.confirm(t("mailTemplates.resetConfirm"))) return;
    if (await attempt(() => resetMailTemplate(shopId, data.template, data.locale))) {
      notifications.show({ color: "teal", message: t("mailTemplates.resetDone") });
      await refresh();
    }
  };

  const tagChips = (tags: string[], describe: (tag: string) => string | undefined) => (
    <Group gap={6}>
      {tags.map((tag) => (
        <Chip
          key={tag}
          checked={false}
          size="xs"
          variant="outline"
          onClick={() => insert(tag)}
          title={describe(tag)}
        >
          [{tag}]{describe(tag) ? ` ${describe(tag)}` : ""}
        </Chip>
      ))}
    </Group>
  );

  return (
    <Stack>
      <Anchor component={Link} to={`/console/shops/${shopId}/mail-templates`} size="sm">
        {t("mailTemplates.back")}
      </Anchor>
      <PageTitle>
        {event}（{t(`mailTemplates.language.${data.locale}`)}）
      </PageTitle>
      <Text size="sm" c="dimmed">
        {data.own && data.updated_at
          ? `${t("mailTemplates.own")} · ${t("mailTemplates.updatedAt")} ${formatDateTime(data.updated_at, i18n.language)}`
          : t("mailTemplates.default")}
      </Text>
      {!owner && <Alert color="gray">{t("mailTemplates.ownerOnly")}</Alert>}
      <TextInput
        ref={inputs.subject}
        label={t("mailTemplates.subject")}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        onFocus={() => (last.current = "subject")}
        error={errors.subject}
        maxLength={200}
      />
      <Textarea
        ref={inputs.body}
        label={t("mailTemplates.body")}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        onFocus={() => (last.current = "body")}
        error={errors.body}
        autosize
        minRows={10}
        styles={{ input: { fontFamily: "ui-monospace, Menlo, monospace", fontSize: 13 } }}
      />
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t("mailTemplates.tags")}
          </Title>
          <Text size="xs" c="dimmed">
            {t("mailTemplates.tagsLead")}
          </Text>
          <Text size="sm" fw={600}>
            {t("mailTemplates.eventTags")}
          </Text>
          {tagChips(data.event_tags, () => undefined)}
          <Text size="sm" fw={600}>
            {t("mailTemplates.memberTags")}
          </Text>
          {tagChips(
            data.member_tags,
            (tag) => t(`mailTemplates.tag.${tag}`, { defaultValue: "" }) || undefined,
          )}
        </Stack>
      </Paper>
      <Group>
        <Button variant="default" loading={busy} onClick={() => void showPreview()}>
          {t("mailTemplates.preview")}
        </Button>
        {owner && (
          <Button loading={busy} onClick={() => void save()}>
            {t("mailTemplates.save")}
          </Button>
        )}
        {owner && data.own && (
          <Button color="red" variant="light" loading={busy} onClick={() => void reset()}>
            {t("mailTemplates.reset")}
          </Button>
        )}
      </Group>
      {preview && (
        <Paper withBorder p="md" data-testid="mail-preview">
          <Text size="xs" c="dimmed">
            {t("mailTemplates.previewLead")}
          </Text>
          <Text fw={700} mt="xs">
            {preview.subject}
          </Text>
          <Text mt="sm" style={{ whiteSpace: "pre-wrap" }}>
            {preview.body}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
