/** A day of a shop's calendar, as the API sends it. */
export interface CalendarDay {
  date: string;
  business_day: boolean;
}

/**
 * PRX-12: the first business day on or after `today` (YYYY-MM-DD, Japan) in the shop's upcoming calendar,
 * or null when none is in reach.
 */
export function nextBusinessDay(days: CalendarDay[], today: string): string | null {
  return days.find((d) => d.date >= today && d.business_day)?.date ?? null;
}

/** Today in Japan, as the API's dates are. */
export function todayInJapan(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(now);
}
