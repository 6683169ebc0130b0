import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDeadline,
  formatPostalCode,
  isPostalCode,
  priceRange,
  priceWithTax,
} from "./format";

describe("format", () => {
  it("shows tax-inclusive yen the Japanese way", () => {
    expect(priceWithTax("1980", "ja")).toBe("¥1,980（税込）");
    expect(priceWithTax("1980", "en")).toBe("¥1,980 (tax incl.)");
    expect(priceRange("1980", "2980", "ja")).toBe("¥1,980〜¥2,980（税込）");
    expect(priceRange("500", "500", "ja")).toBe("¥500（税込）");
  });

  it("formats dates in Japan time", () => {
    expect(formatDate("2026-11-23", "ja")).toBe("2026年11月23日(月)");
    // The end of Saturday 5 December in Japan is midnight: the day itself, not 12月6日 00:00.
    expect(formatDeadline("2026-12-05T15:00:00Z", "ja")).toBe("2026年12月5日(土)まで");
    expect(formatDeadline("2026-12-05T09:30:00Z", "ja")).toBe("2026年12月5日(土) 18:30まで");
  });

  // ACC-05: postal codes are 7 digits, with or without the hyphen.
  it("validates and formats postal codes", () => {
    expect(isPostalCode("150-0001")).toBe(true);
    expect(isPostalCode("1500001")).toBe(true);
    expect(isPostalCode("15-00001")).toBe(false);
    expect(isPostalCode("150000")).toBe(false);
    expect(formatPostalCode("1500001")).toBe("150-0001");
  });
});
