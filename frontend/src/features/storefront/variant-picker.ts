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

/** The variant for a color and size, falling back to the color's first size. */
export function pick(variants: Variant[], color: string, size: string): Variant | undefined {
  return (
    variants.find((v) => v.color === color && v.size === size) ?? variants.find((v) => v.color === color)
  );
}
