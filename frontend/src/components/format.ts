// Japanese money and dates: ¥1,980（税込） in Japanese, ¥1,980 (tax incl.) in English.

export function yen(amount: string | number): string {
  const value = typeof amount === "string" ? Number(amount) : amount;
  return `¥${new Intl.NumberFormat("ja-JP").format(value)}`;
}

export function priceWithTax(amount: string, language: string): string {
  return language === "en" ? `${yen(amount)} (tax incl.)` : `${yen(amount)}（税込）`;
}

export function priceRange(min: string, max: string, language: string): string {
  if (min === max) return priceWithTax(min, language);
  return language === "en" ? `${yen(min)}–${yen(max)} (tax incl.)` : `${yen(min)}〜${yen(max)}（税込）`;
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00+09:00` : iso);
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ja-JP", {
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
    timeZone: "Asia/Tokyo",
  }).format(date);
}

/** A moment in Japan time: 2026年11月25日(水) 10:00. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ja-JP", {
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Tokyo",
  }).format(new Date(iso));
}

/**
 * A deadline in Japan time: one at midnight is the end of the day before — 2026年12月5日(土)まで, not
 * 12月6日 00:00 — otherwise with the time.
 */
export function formatDeadline(iso: string, language: string): string {
  const at = new Date(iso);
  const tokyo = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Asia/Tokyo",
  }).format(at);
  const label =
    tokyo === "00:00"
      ? formatDate(new Date(at.getTime() - 1000).toISOString(), language)
      : formatDateTime(iso, language);
  return language === "en" ? `until ${label}` : `${label}まで`;
}

/** `1500001` → `150-0001`; accepts either form. */
export function formatPostalCode(value: string): string {
  const digits = value.replace(/\D/g, "");
  return digits.length === 7 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : value;
}

/** The same rule as the API: 7 digits with or without the hyphen. */
export function isPostalCode(value: string): boolean {
  return /^\d{3}-?\d{4}$/.test(value.trim());
}
