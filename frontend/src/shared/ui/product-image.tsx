import { Box } from "@mantine/core";
import type { CSSProperties } from "react";
import type { components } from "../../api/schema";

export type ProductImageData = components["schemas"]["ProductImageResponse"];

const srcSet = (image: ProductImageData) => image.sources.map((s) => `${s.url} ${s.width}w`).join(", ");

/**
 * A product picture (CAT-02) from its stored widths: the browser picks one for `sizes`. With no picture, a
 * quiet placeholder of the same shape keeps lists aligned. `alt` empty marks it decorative — right where
 * the product's name stands next to it.
 */
export function ProductImage({
  image,
  alt,
  sizes,
  square = true,
  width,
  priority = false,
  style,
}: {
  image?: ProductImageData | null;
  alt: string;
  sizes: string;
  /** Cropped to a square (cards, thumbnails) rather than shown whole. */
  square?: boolean;
  /** A fixed width in px (thumbnails); fills its container otherwise. */
  width?: number;
  /** Above the fold: load at once rather than lazily. */
  priority?: boolean;
  style?: CSSProperties;
}) {
  const box: CSSProperties = {
    width: width ?? "100%",
    aspectRatio: square ? "1 / 1" : image ? `${image.width} / ${image.height}` : "4 / 3",
    borderRadius: "var(--mantine-radius-sm)",
    flexShrink: 0,
    ...style,
  };
  if (!image) {
    return <Box aria-hidden style={{ ...box, background: "var(--mantine-color-gray-1)" }} />;
  }
  return (
    <img
      src={image.url}
      srcSet={srcSet(image)}
      sizes={sizes}
      alt={alt}
      width={image.width}
      height={image.height}
      loading={priority ? "eager" : "lazy"}
      decoding="async"
      style={{ ...box, height: "auto", objectFit: square ? "cover" : "contain", display: "block" }}
    />
  );
}
