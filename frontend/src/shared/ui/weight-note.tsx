import { Button, Stack, Textarea } from "@mantine/core";
import { useState } from "react";

/** A note about the weight and the button that sends it (PRX-08), for either side. */
export function WeightNote({
  label,
  submit,
  busy,
  onSend,
}: {
  label: string;
  submit: string;
  busy: boolean;
  onSend: (note: string) => Promise<boolean>;
}) {
  const [note, setNote] = useState("");
  return (
    <Stack gap="xs">
      <Textarea
        label={label}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Button
        w="fit-content"
        loading={busy}
        disabled={!note.trim()}
        onClick={() => void onSend(note.trim()).then((sent) => sent && setNote(""))}
      >
        {submit}
      </Button>
    </Stack>
  );
}
