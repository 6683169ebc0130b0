import {
  Badge,
  Button,
  Card,
  CloseButton,
  FileButton,
  Group,
  Image,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useEffect, useMemo, useState, type DragEvent, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { formatDateTime } from "../../components/format";
import { ErrorState, Loading } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { downloadPrivateFile } from "../api/private-file";
import type { MessageDraft } from "../api/message-body";
import { PrivateImage } from "./private-image";

type Thread = components["schemas"]["OrderThreadResponse"];
type Attachment = components["schemas"]["AttachmentResponse"];

/** MSG-02: what a message takes; the server judges the content, these checks only answer at once. */
const MAX_FILES = 3;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const ACCEPT = "image/jpeg,image/png,image/gif,image/webp,application/pdf,.jpg,.jpeg,.png,.gif,.webp,.pdf";

function kilobytes(size: number): string {
  return size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(size / 1024)} KB`;
}

/** A chosen file before sending: a picture's preview, or its name and size. */
function Chosen({ file, onRemove }: { file: File; onRemove: () => void }) {
  const { t } = useTranslation();
  const src = useMemo(() => (file.type.startsWith("image/") ? URL.createObjectURL(file) : undefined), [file]);
  useEffect(
    () => () => {
      if (src) URL.revokeObjectURL(src);
    },
    [src],
  );
  return (
    <Paper withBorder p={4} data-testid="chosen-file">
      <Group gap={6} wrap="nowrap">
        {src ? <Image src={src} alt={file.name} w={48} h={48} fit="cover" radius="sm" /> : null}
        <Text size="xs" maw={140} truncate>
          {file.name}
          <br />
          {kilobytes(file.size)}
        </Text>
        <CloseButton
          size="sm"
          aria-label={t("messages.removeFile", { name: file.name })}
          onClick={onRemove}
        />
      </Group>
    </Paper>
  );
}

/** A message's files: pictures as previews, PDFs as download buttons. */
function Attachments({ files, base }: { files: Attachment[]; base: string }) {
  if (files.length === 0) return null;
  return (
    <Group gap="xs" mt={6} data-testid="attachments">
      {files.map((f) =>
        f.has_preview ? (
          <PrivateImage
            key={f.id}
            file={`${base}/attachments/${f.id}`}
            fileName={f.file_name}
            alt={f.file_name}
          />
        ) : (
          <Button
            key={f.id}
            size="compact-xs"
            variant="default"
            onClick={() => void downloadPrivateFile(`${base}/attachments/${f.id}`, f.file_name)}
          >
            📄 {f.file_name}（{kilobytes(f.size)}）
          </Button>
        ),
      )}
    </Group>
  );
}

/**
 * MSG-01, MSG-03: an order's messages between member and shop, oldest first, and the form to write one
 * while the order accepts messages. `me` is the side reading it.
 */
export function OrderThread({
  thread,
  me,
  base,
  onSend,
}: {
  thread: { data?: Thread; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  me: "member" | "staff";
  /** The order's API path as this side reads it; its files are under `…/attachments/{id}`. */
  base: string;
  onSend: (message: MessageDraft) => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const [form, setForm] = useState({ title: "", body: "" });
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"title" | "body" | "file">();
  const add = (picked: File[]) => {
    const tooBig = picked.find((f) => f.size > MAX_FILE_BYTES);
    if (tooBig) return errors.setFields({ file: t("messages.fileTooLarge", { name: tooBig.name }) });
    if (files.length + picked.length > MAX_FILES) return errors.setFields({ file: "messages.tooManyFiles" });
    errors.clear();
    setFiles([...files, ...picked]);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    add([...event.dataTransfer.files]);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(form.title.trim() ? {} : { title: "error.required" }),
      ...(form.body.trim() ? {} : { body: "error.required" }),
    };
    if (Object.keys(missing).length > 0) return errors.setFields(missing);
    setBusy(true);
    try {
      await onSend({ title: form.title.trim(), body: form.body.trim(), files });
      setForm({ title: "", body: "" });
      setFiles([]);
      errors.clear();
      notifications.show({ color: "teal", message: t("messages.sent") });
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
          {t("messages.title")}
        </Title>
        {thread.isPending ? (
          <Loading />
        ) : thread.isError || !thread.data ? (
          <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
        ) : (
          <>
            {thread.data.messages.length === 0 && (
              <Text c="dimmed" size="sm">
                {t("messages.none")}
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
                        {t("messages.unread")}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {m.author === "member" ? t("messages.fromMember") : t("messages.fromShop")} ・{" "}
                    {formatDateTime(m.at, i18n.language)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                    {m.body}
                  </Text>
                  <Attachments files={m.attachments} base={base} />
                </Paper>
              );
            })}
            {thread.data.accepts_messages ? (
              <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("messages.title")}>
                <Stack gap="xs">
                  <TextInput
                    label={t("messages.subject")}
                    maxLength={100}
                    value={form.title}
                    onChange={(e) => setForm({ ...form, title: e.currentTarget.value })}
                    error={errors.errorOf("title")}
                  />
                  <Textarea
                    label={t("messages.body")}
                    autosize
                    minRows={3}
                    maxLength={5000}
                    value={form.body}
                    onChange={(e) => setForm({ ...form, body: e.currentTarget.value })}
                    error={errors.errorOf("body")}
                  />
                  <Paper
                    withBorder
                    p="xs"
                    onDragOver={(event) => {
                      event.preventDefault();
                      setDragging(true);
                    }}
                    onDragLeave={() => setDragging(false)}
                    onDrop={drop}
                    bg={dragging ? "var(--mantine-color-blue-light)" : undefined}
                    style={{ borderStyle: "dashed" }}
                    data-testid="drop-zone"
                  >
                    <Stack gap={6}>
                      <Group gap="xs">
                        <FileButton onChange={add} accept={ACCEPT} multiple>
                          {(props) => (
                            <Button
                              {...props}
                              size="xs"
                              variant="default"
                              disabled={files.length >= MAX_FILES}
                            >
                              {t("messages.attach")}
                            </Button>
                          )}
                        </FileButton>
                        <Text size="xs" c="dimmed">
                          {t("messages.dropHint")}
                        </Text>
                      </Group>
                      {files.length > 0 && (
                        <Group gap={6}>
                          {files.map((file, i) => (
                            <Chosen
                              key={`${file.name}-${i}`}
                              file={file}
                              onRemove={() => setFiles(files.filter((_, j) => j !== i))}
                            />
                          ))}
                        </Group>
                      )}
                      {errors.errorOf("file") && (
                        <Text c="red" size="sm" role="alert">
                          {errors.errorOf("file")}
                        </Text>
                      )}
                    </Stack>
                  </Paper>
                  {errors.general && <Text c="red">{errors.general}</Text>}
                  <Button type="submit" loading={busy} w="fit-content">
                    {t("messages.send")}
                  </Button>
                </Stack>
              </form>
            ) : (
              <Text c="dimmed" size="sm">
                {t("messages.closed")}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
