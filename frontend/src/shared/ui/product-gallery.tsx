import { Group, UnstyledButton } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ProductImage, type ProductImageData } from "./product-image";

/** The product page's pictures: one large, the others as buttons beneath it (CAT-02). */
export function ProductGallery({ images, name }: { images: ProductImageData[]; name: string }) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const shown = images[Math.min(index, images.length - 1)];
  if (!shown) return null;
  return (
    <div data-testid="product-gallery" style={{ maxWidth: 560 }}>
      <ProductImage
        image={shown}
        alt={shown.alt || name}
        sizes="(max-width: 600px) 100vw, 560px"
        square={false}
        priority
      />
      {images.length > 1 && (
        <Group gap="xs" mt="xs">
          {images.map((image, i) => (
            <UnstyledButton
              key={image.id}
              onClick={() => setIndex(i)}
              aria-label={t("products.showPicture", { number: i + 1, count: images.length })}
              aria-pressed={i === index}
              style={{
                borderRadius: "var(--mantine-radius-sm)",
                outline: i === index ? "2px solid var(--mantine-color-indigo-9)" : undefined,
                outlineOffset: 2,
              }}
            >
              <ProductImage image={image} alt="" sizes="64px" width={64} />
            </UnstyledButton>
          ))}
        </Group>
      )}
    </div>
  );
}
