// The same rules the API applies, checked before sending so messages appear at once and in the UI's
// language. The server stays the authority: its field errors are shown too.

export const isEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
export const isKana = (value: string) =>
  /^[\u3041-\u3096\u309D-\u309F\u30A1-\u30FA\u30FC-\u30FF\s\u3000・]+$/.test(value.trim());
/** A name as a Japanese bank prints it (口座名義), the API's rule: after NFKC (half-width katakana and
 * full-width brackets count), katakana, Latin capitals, digits, spaces and `( ) . - / ,`. */
export const isBankKana = (value: string) =>
  /^[\u30A1-\u30FA\u30FCA-Z0-9 ().\-/,]+$/.test(value.trim().normalize("NFKC"));
export const isPhone = (value: string) => {
  const v = value.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return /^[\d-]+$/.test(v) && /^0\d{9,10}$/.test(v.replace(/-/g, ""));
};
export const isPassword = (value: string) => value.length >= 8 && value.length <= 128;

export type Errors<K extends string> = Partial<Record<K, string>>;

/** Runs `rules` (field → message key when invalid) and returns the failing ones. */
export function check<K extends string>(rules: Record<K, string | false>): Errors<K> {
  const errors: Errors<K> = {};
  for (const [field, message] of Object.entries(rules) as [K, string | false][]) {
    if (message) errors[field] = message;
  }
  return errors;
}
