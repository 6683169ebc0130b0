/** A page of a shop's console, as the shop menu and the console home link to it. */
export interface Section {
  path: string;
  label: string;
}

const RETAIL: Section[] = [
  { path: "orders", label: "console.orders" },
  { path: "reservations", label: "console.reservations" },
  { path: "subscriptions", label: "subscriptionConsole.title" },
  { path: "pickup", label: "console.pickupDesk" },
  { path: "messages", label: "messages.inbox" },
  { path: "products", label: "console.products" },
  { path: "calendar", label: "console.calendar" },
  { path: "shipping", label: "shipping.title" },
  { path: "mail-templates", label: "mailTemplates.title" },
  { path: "settings", label: "settings.title" },
  { path: "staff", label: "staff.title" },
];

// A proxy-buying service (PRX-*) has no catalog, pickups or domestic shipping: its requests and transfers.
const PROXY: Section[] = [
  { path: "proxy", label: "proxyConsole.title" },
  { path: "transfers", label: "proxyConsole.transfers" },
  { path: "messages", label: "messages.inbox" },
  { path: "calendar", label: "console.calendar" },
  { path: "mail-templates", label: "mailTemplates.title" },
  { path: "settings", label: "settings.title" },
  { path: "staff", label: "staff.title" },
];

/** SHOP-01: the console pages of a shop of `kind`. */
export function sectionsOf(kind: string | undefined): Section[] {
  return kind === "proxy" ? PROXY : RETAIL;
}
