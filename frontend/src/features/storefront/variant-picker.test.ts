import { describe, expect, it } from "vitest";
import { colorsOf, pick, sizesOf } from "./variant-picker";

const variant = (id: string, color: string, size: string) => ({
  id,
  sku: id,
  color,
  size,
  price: "1000",
  active: true,
  stock: [],
});
const variants = [variant("a", "白", "M"), variant("b", "白", "L"), variant("c", "黒", "M")];

// CAT-02: variants are chosen by color, then size.
describe("variant picker", () => {
  it("lists colors once and the sizes of a color", () => {
    expect(colorsOf(variants)).toEqual(["白", "黒"]);
    expect(sizesOf(variants, "白")).toEqual(["M", "L"]);
    expect(sizesOf(variants, "黒")).toEqual(["M"]);
  });

  it("picks the exact variant, or the color's first size when the size is not offered", () => {
    expect(pick(variants, "白", "L")?.id).toBe("b");
    expect(pick(variants, "黒", "L")?.id).toBe("c");
    expect(pick(variants, "赤", "M")).toBeUndefined();
  });
});
