import { describe, expect, it } from "vitest";
import { nextBusinessDay, todayInJapan } from "./business-days";

describe("business days", () => {
  // PRX-12: transfers are checked on the service's business days.
  it("finds the next business day on or after today", () => {
    const days = [
      { date: "2026-12-05", business_day: false },
      { date: "2026-12-06", business_day: false },
      { date: "2026-12-07", business_day: true },
    ];
    expect(nextBusinessDay(days, "2026-12-05")).toBe("2026-12-07");
    expect(nextBusinessDay(days, "2026-12-07")).toBe("2026-12-07");
    expect(nextBusinessDay(days, "2026-12-08")).toBeNull();
  });

  it("tells the date in Japan", () => {
    expect(todayInJapan(new Date("2026-12-05T15:30:00Z"))).toBe("2026-12-06");
  });
});
