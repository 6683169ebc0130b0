import type { TFunction } from "i18next";
import type { components } from "../api/schema";

type Terms = components["schemas"]["SubscriptionTermsResponse"];
type Method = components["schemas"]["PaymentMethodDto"];
type Carrier = components["schemas"]["CarrierDto"];

/** One payment method a member may choose (PAY-08): a built-in one, or one of the shop's own. */
export interface PaymentChoice {
  /** `card`, `cash_on_delivery`, `deferred`, or `custom:<id>`. */
  value: string;
  label: string;
  method: Method;
  customMethodId: string | null;
  description: string;
  carriers: Carrier[];
}

/** The value a subscription's current method has among the choices. */
export function choiceValue(method: Method, customMethodId?: string | null): string {
  return method === "custom" ? `custom:${customMethodId ?? ""}` : method;
}

/** The shop's methods for subscriptions, built-in first, each with the carriers it works with. */
export function paymentChoices(terms: Terms, t: TFunction): PaymentChoice[] {
  const builtIn = terms.payment_methods.map((m) => ({
    value: m,
    label: t(`subscriptions.methods.${m}`),
    method: m,
    customMethodId: null,
    description: "",
    carriers: terms.method_carriers.find((c) => c.method === m)?.carriers ?? [],
  }));
  const own = terms.custom_methods.map((c) => ({
    value: choiceValue("custom", c.id),
    label: Number(c.fee) > 0 ? `${c.name}（+¥${Number(c.fee).toLocaleString()}）` : c.name,
    method: "custom" as const,
    customMethodId: c.id ?? null,
    description: c.description ?? "",
    carriers: c.carriers ?? [],
  }));
  return [...builtIn, ...own];
}

/** PAY-08: the choice works with the delivery's carrier (none listed: every carrier). */
export function takesCarrier(choice: PaymentChoice, carrier: Carrier | null | undefined): boolean {
  return !carrier || choice.carriers.length === 0 || choice.carriers.includes(carrier);
}
