import type { components } from "../../api/schema";

type Variant = components["schemas"]["VariantResponse"];

/** The colors on offer, in catalog order. */
export function colorsOf(variants: Variant[]): string[] {
  return [...new Set(variants.map((v) => v.color))];
}

/** The sizes of one color. */
export function sizesOf(variants: Variant[], color: string): string[] {
  return variants.filter((v) => v.color === color).map((v) => v.size);
}

/** No shop has any of it (売り切れ). */
export function isSoldOut(variant: Variant): boolean {
  return variant.stock.every((s) => s.availability === "out_of_stock");
}

/** The variant to show first: the first one in stock, else the first. */
export function firstChoice(variants: Variant[]): Variant | undefined {
  return variants.find((v) => !isSoldOut(v)) ?? variants[0];
}

/** The variant for a color and size, falling back to the color's first size in stock, then its first. */
export function pick(variants: Variant[], color: string, size: string): Variant | undefined {
  const ofColor = variants.filter((v) => v.color === color);
  return ofColor.find((v) => v.size === size) ?? ofColor.find((v) => !isSoldOut(v)) ?? ofColor[0];
}
