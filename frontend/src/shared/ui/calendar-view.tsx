import { Badge, SimpleGrid, Text, Tooltip } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";

type Day = components["schemas"]["CalendarDay"];

/** A strip of days: open, closed, and national holidays named. */
export function CalendarView({ days }: { days: Day[] }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 7 }} spacing={4} aria-label={t("shops.calendar")}>
      {days.map((day) => {
        const holiday = i18n.language === "en" ? day.holiday_en : day.holiday_ja;
        const [, month, date] = day.date.split("-");
        const label = `${Number(month)}/${Number(date)} (${t(`weekday.${day.weekday}`)}) ${day.business_day ? t("shops.open") : t("shops.closed")}${holiday ? ` ${holiday}` : ""}`;
        return (
          <Tooltip key={day.date} label={label} withArrow>
            <Badge
              variant={day.business_day ? "outline" : "filled"}
              color={day.business_day ? "teal" : holiday ? "red" : "gray"}
              radius="sm"
              h="auto"
              py={4}
              px={0}
              fullWidth
              // "12/10" must fit a seventh of a phone's width: no side padding, no ellipsis.
              styles={{ label: { overflow: "visible", textOverflow: "clip" } }}
              aria-label={label}
              data-business-day={day.business_day}
            >
              <Text size="11px" fw={600} lh={1.2}>
                {Number(month)}/{Number(date)}
              </Text>
              <Text size="10px" lh={1.2}>
                {t(`weekday.${day.weekday}`)}
              </Text>
            </Badge>
          </Tooltip>
        );
      })}
    </SimpleGrid>
  );
}
