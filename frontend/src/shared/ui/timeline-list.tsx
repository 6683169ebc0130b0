import { Text, Timeline } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../components/format";
import type { TimelineEvent, TimelineKind } from "../api/timelines";

/** What happened, by whom and when, oldest first (SHOP-02, ORD-04). */
export function TimelineList({ events, kind }: { events: TimelineEvent[]; kind: TimelineKind }) {
  const { t, i18n } = useTranslation();
  const who = (e: TimelineEvent) => e.by_name ?? t(`timeline.by.${e.by}`);
  const note = (e: TimelineEvent) => {
    if (!e.note) return null;
    const rejected = /^rejected_lines=(\d+)$/.exec(e.note);
    if (rejected) return t("timeline.rejectedLines", { count: Number(rejected[1]) });
    if (e.what === "cancelled") return t(`timeline.reason.${e.note}`, { defaultValue: e.note });
    // Proxy payments are noted "how amount" (`bank_transfer ¥4,400`): the method in words.
    const paid = /^(deposit|bank_transfer|card) (.+)$/.exec(e.note);
    if (e.what === "payment_applied" && paid) return `${t(`timeline.paidBy.${paid[1]}`)} ${paid[2]}`;
    if (e.what === "shipped") {
      const [carrier = "", ...tracking] = e.note.split(" ");
      return `${t(`orders.carrier.${carrier}`, { defaultValue: carrier })} ${tracking.join(" ")}`;
    }
    return e.note;
  };
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
      {events.map((e, i) => (
        <Timeline.Item key={`${e.at}-${i}`} title={t(`timeline.${kind}.${e.what}`, { defaultValue: e.what })}>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at, i18n.language)} ・ {who(e)}
          </Text>
          {note(e) && <Text size="sm">{note(e)}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
