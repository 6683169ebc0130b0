import { Button } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMyTimeline, type TimelineKind } from "../api/timelines";
import { TimelineList } from "./timeline-list";

/** ORD-04: the member opens an order's or reservation's history on demand. */
export function MyTimeline({ kind, id }: { kind: TimelineKind; id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const timeline = useMyTimeline(kind, id, open);
  return (
    <>
      <Button size="xs" variant="subtle" w="fit-content" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t("timeline.hide") : t("timeline.show")}
      </Button>
      {open && timeline.data && <TimelineList events={timeline.data} kind={kind} />}
    </>
  );
}
