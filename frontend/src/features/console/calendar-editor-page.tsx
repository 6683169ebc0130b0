import { PageTitle } from "../../components/page-title";
import { Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { components } from "../../api/schema";
import { ErrorState, Loading, useErrorMessage } from "../../components/states";
import { useShop } from "../../shared/api/get-shop";
import { CalendarView } from "../../shared/ui/calendar-view";
import { updateCalendar } from "./api/update-calendar";
import { Forbidden } from "./forbidden";
import { useCanManage } from "./use-managed-shop";

type Shop = components["schemas"]["ShopResponse"];
type Weekday = components["schemas"]["WeekdayDto"];
type DateEntry = components["schemas"]["CalendarDateDto"];
const WEEKDAYS: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function DateList({
  label,
  value,
  onChange,
}: {
  label: string;
  value: DateEntry[];
  onChange: (next: DateEntry[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text fw={600}>{label}</Text>
      {value.map((entry, i) => (
        <Group key={i} wrap="wrap" gap="xs">
          <TextInput
            type="date"
            aria-label={`${label} ${i + 1}`}
            value={entry.date}
            onChange={(e) =>
              onChange(value.map((d, j) => (j === i ? { ...d, date: e.currentTarget.value } : d)))
            }
          />
          <TextInput
            aria-label={t("console.note")}
            placeholder={t("console.note")}
            value={entry.note ?? ""}
            onChange={(e) =>
              onChange(value.map((d, j) => (j === i ? { ...d, note: e.currentTarget.value } : d)))
            }
          />
          <Button variant="subtle" color="red" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t("console.remove")}
          </Button>
        </Group>
      ))}
      <Button
        variant="default"
        w="fit-content"
        onClick={() => onChange([...value, { date: "", note: null }])}
      >
        {t("console.addDate")}
      </Button>
    </Stack>
  );
}

function Editor({ shop }: { shop: Shop }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [weekdays, setWeekdays] = useState<Weekday[]>(shop.calendar.closed_weekdays);
  const [holidays, setHolidays] = useState(shop.calendar.closed_on_holidays);
  const [closed, setClosed] = useState<DateEntry[]>(shop.calendar.closed_dates);
  const [open, setOpen] = useState<DateEntry[]>(shop.calendar.open_dates);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const clean = (list: DateEntry[]) =>
        list.filter((d) => d.date).map((d) => ({ date: d.date, note: d.note || null }));
      await updateCalendar(shop.id, {
        closed_weekdays: weekdays,
        closed_on_holidays: holidays,
        closed_dates: clean(closed),
        open_dates: clean(open),
      });
      notifications.show({ color: "teal", message: t("console.calendarSaved") });
      void queryClient.invalidateQueries({ queryKey: ["shops"] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <PageTitle>
        {t("console.calendar")} — {shop.name}
      </PageTitle>
      <Card withBorder>
        <Stack>
          <Text fw={600}>{t("console.closedWeekdays")}</Text>
          <Group>
            {WEEKDAYS.map((day) => (
              <Checkbox
                key={day}
                label={t(`weekday.${day}`)}
                checked={weekdays.includes(day)}
                onChange={(e) =>
                  setWeekdays(
                    e.currentTarget.checked ? [...weekdays, day] : weekdays.filter((d) => d !== day),
                  )
                }
              />
            ))}
          </Group>
          <Checkbox
            label={t("console.closedOnHolidays")}
            checked={holidays}
            onChange={(e) => setHolidays(e.currentTarget.checked)}
          />
          <DateList label={t("console.closedDates")} value={closed} onChange={setClosed} />
          <DateList label={t("console.openDates")} value={open} onChange={setOpen} />
          <Button onClick={() => void save()} loading={busy} w="fit-content">
            {t("console.save")}
          </Button>
        </Stack>
      </Card>
      <Title order={2} size="h3">
        {t("console.nextDays")}
      </Title>
      <CalendarView days={shop.calendar.upcoming} />
    </Stack>
  );
}

export function CalendarEditorPage() {
  const shopId = useParams().shopId ?? "";
  const canManage = useCanManage(shopId);
  const shop = useShop(shopId);
  if (!canManage) return <Forbidden />;
  if (shop.isPending) return <Loading />;
  if (shop.isError) return <ErrorState error={shop.error} onRetry={() => void shop.refetch()} />;
  return <Editor key={shop.dataUpdatedAt} shop={shop.data} />;
}
