/** The delivery time slots (時間帯指定) Japanese carriers offer, in order — as the API's `TIME_SLOTS`. */
export const TIME_SLOTS = ["morning", "12-14", "14-16", "16-18", "18-20", "19-21"] as const;
