import { Button, Checkbox, Modal, Radio, Stack, Text, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../components/use-server-errors";
import { reportReceipt } from "./api/report-receipt";

/** PRX-09, PRX-13: the parcel arrived fine (a comment may be shown publicly) or with a problem. */
export function ReceiptDialog({
  orderId,
  opened,
  onClose,
}: {
  orderId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fine, setFine] = useState(true);
  const [comment, setComment] = useState("");
  const [shown, setShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"comment">();
  const submit = async () => {
    if (!fine && !comment.trim()) return errors.setFields({ comment: "error.required" });
    setBusy(true);
    try {
      await reportReceipt(orderId, { fine, comment: comment.trim() || null, public: fine && shown });
      notifications.show({
        color: "teal",
        message: t(fine ? "proxy.receipt.thanks" : "proxy.receipt.reported"),
      });
      void queryClient.invalidateQueries({ queryKey: ["my-proxy-orders"] });
      onClose();
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t("proxy.receipt.title")}>
      <Stack>
        <Radio.Group value={fine ? "fine" : "problem"} onChange={(v) => setFine(v === "fine")}>
          <Stack gap="xs">
            <Radio value="fine" label={t("proxy.receipt.fine")} />
            <Radio value="problem" label={t("proxy.receipt.problem")} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t("proxy.receipt.comment")}
          description={fine ? undefined : t("proxy.receipt.problemHint")}
          autosize
          minRows={3}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          error={errors.errorOf("comment")}
        />
        {fine && (
          <Checkbox
            label={t("proxy.receipt.public")}
            checked={shown}
            onChange={(e) => setShown(e.currentTarget.checked)}
          />
        )}
        {errors.general && <Text c="red">{errors.general}</Text>}
        <Button onClick={() => void submit()} loading={busy}>
          {t("proxy.receipt.submit")}
        </Button>
      </Stack>
    </Modal>
  );
}
