import { describe, expect, it } from "vitest";
import { colorsOf, firstChoice, isSoldOut, pick, sizesOf } from "./variant-picker";

type Availability = "in_stock" | "few_left" | "out_of_stock";
const variant = (id: string, color: string, size: string, availability: Availability = "in_stock") => ({
  id,
  sku: id,
  color,
  size,
  price: "1000",
  active: true,
  stock: [
    {
      shop_id: "s",
      shop_name: "s",
      quantity: 0,
      availability,
    },
  ],
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

  it("marks sold-out variants and starts from one in stock (CAT-06)", () => {
    const soldOutFirst = [variant("a", "白", "M", "out_of_stock"), variant("b", "白", "L")];
    expect(isSoldOut(soldOutFirst[0]!)).toBe(true);
    expect(firstChoice(soldOutFirst)?.id).toBe("b");
    expect(pick(soldOutFirst, "白", "")?.id).toBe("b");
  });
});
