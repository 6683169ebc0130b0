/** Badge colours of reservation statuses, for members and staff alike. */
export const reservationColor = {
  requested: "yellow",
  held: "teal",
  completed: "blue",
  unavailable: "gray",
  cancelled: "gray",
  expired: "gray",
} as const;

/** Badge colours of proxy orders and their items (PRX-02, PRX-06). */
export const proxyColor = {
  requested: "yellow",
  awaiting_first_payment: "orange",
  purchasing: "teal",
  awaiting_second_payment: "orange",
  awaiting_shipment: "teal",
  shipped: "blue",
  completed: "blue",
  cancelled: "gray",
} as const;

export const proxyItemColor = {
  requested: "yellow",
  before_payment: "orange",
  paid: "teal",
  purchased: "teal",
  arrived: "cyan",
  inspected: "blue",
  cancelled: "gray",
} as const;
