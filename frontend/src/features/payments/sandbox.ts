// The sandbox payment provider's browser-side tokenization (PAY-01, PAY-02). Like a real provider's
// script, it runs only in the browser: the card number is turned into a token here and never sent to
// the kaimono API. Only the documented test cards are accepted (README, "Payments").

/** Test card numbers and what the sandbox does with them. */
export const TEST_CARDS: Record<string, { brand: string; behaviour: string }> = {
  "4242424242424242": { brand: "visa", behaviour: "ok" },
  "5555555555554444": { brand: "mastercard", behaviour: "ok" },
  "3530111333300000": { brand: "jcb", behaviour: "ok" },
  "4000000000000002": { brand: "visa", behaviour: "decline" },
  "4000000000000069": { brand: "visa", behaviour: "expired" },
  "4000000000009995": { brand: "visa", behaviour: "insufficient" },
  "4000000000000119": { brand: "visa", behaviour: "busy" },
};

export interface CardInput {
  number: string;
  /** `MM/YY` */
  expiry: string;
  cvc: string;
}

export type CardField = "number" | "expiry" | "cvc";

/** Luhn check digit validation. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

/** The sandbox token for a test card, or the field that is wrong (an i18n key per field). */
export function tokenize(
  input: CardInput,
  today = new Date(),
): { token: string } | { errors: Partial<Record<CardField, string>> } {
  const digits = input.number.replace(/[\s-]/g, "");
  const errors: Partial<Record<CardField, string>> = {};
  const card = TEST_CARDS[digits];
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) errors.number = "pay.invalidNumber";
  else if (!card) errors.number = "pay.notTestCard";
  const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(input.expiry.trim());
  const month = match ? Number(match[1]) : 0;
  const year = match ? 2000 + Number(match[2]) : 0;
  if (!match || month < 1 || month > 12) errors.expiry = "pay.invalidExpiry";
  else if (year * 12 + month < today.getFullYear() * 12 + today.getMonth() + 1)
    errors.expiry = "pay.cardExpired";
  if (!/^\d{3,4}$/.test(input.cvc.trim())) errors.cvc = "pay.invalidCvc";
  if (Object.keys(errors).length > 0 || !card) return { errors };
  const nonce = crypto.randomUUID().replace(/-/g, "");
  const mm = String(month).padStart(2, "0");
  return { token: `sbx.${card.behaviour}.${card.brand}.${digits.slice(-4)}.${mm}.${year}.${nonce}` };
}
