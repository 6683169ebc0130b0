/** Badge colours of reservation statuses, for members and staff alike. */
export const reservationColor = {
  requested: "yellow",
  held: "teal",
  completed: "blue",
  unavailable: "gray",
  cancelled: "gray",
  expired: "gray",
} as const;
