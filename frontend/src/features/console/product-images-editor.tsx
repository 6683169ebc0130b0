import { ActionIcon, Button, Card, FileButton, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../components/states";
import { ProductImage, type ProductImageData } from "../../shared/ui/product-image";
import {
  deleteProductImage,
  describeProductImage,
  reorderProductImages,
  uploadProductImage,
} from "./api/product-images";

const MAX_IMAGES = 12;
const MAX_BYTES = 10 * 1024 * 1024;

function ImageRow({
  productId,
  image,
  index,
  count,
  onMove,
  onChanged,
}: {
  productId: string;
  image: ProductImageData;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [alt, setAlt] = useState(image.alt);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      notifications.show({ color: "teal", message: t(done) });
      onChanged();
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    } finally {
      setBusy(false);
    }
  };
  const number = index + 1;
  return (
    <Card withBorder padding="xs" data-testid="image-row">
      <Group align="start" wrap="nowrap">
        <ProductImage image={image} alt="" sizes="96px" width={96} />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {index === 0 ? t("console.coverPicture") : t("console.pictureNumber", { number })}
          </Text>
          <TextInput
            label={t("console.altText")}
            description={t("console.altTextHint")}
            value={alt}
            maxLength={200}
            onChange={(e) => setAlt(e.currentTarget.value)}
          />
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              disabled={busy || alt === image.alt}
              onClick={() => void run(() => describeProductImage(productId, image.id, alt), "console.saved")}
            >
              {t("console.saveAlt")}
            </Button>
            <ActionIcon
              variant="default"
              size="lg"
              disabled={busy || index === 0}
              aria-label={t("console.moveEarlier", { number })}
              onClick={() => onMove(index, index - 1)}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              size="lg"
              disabled={busy || index === count - 1}
              aria-label={t("console.moveLater", { number })}
              onClick={() => onMove(index, index + 1)}
            >
              ↓
            </ActionIcon>
            <Button
              size="xs"
              color="red"
              variant="light"
              disabled={busy}
              onClick={() => {
                if (!window.confirm(t("console.confirmDeletePicture", { number }))) return;
                void run(() => deleteProductImage(productId, image.id), "console.pictureDeleted");
              }}
            >
              {t("console.deletePicture")}
            </Button>
          </Group>
        </Stack>
      </Group>
    </Card>
  );
}

/** CAT-02: staff upload, describe, order and remove a product's pictures; the first is its cover. */
export function ProductImagesEditor({
  productId,
  images,
}: {
  productId: string;
  images: ProductImageData[];
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["product", productId] });

  const upload = async (files: File[]) => {
    setProblem(null);
    const room = MAX_IMAGES - images.length;
    const tooBig = files.find((f) => f.size > MAX_BYTES);
    if (tooBig) return setProblem(t("console.pictureTooLarge", { name: tooBig.name }));
    if (files.length > room) return setProblem(t("console.tooManyPictures", { max: MAX_IMAGES }));
    setUploading(true);
    try {
      for (const file of files) await uploadProductImage(productId, file, "");
      notifications.show({ color: "teal", message: t("console.picturesAdded", { count: files.length }) });
    } catch (error) {
      setProblem(message(error));
    } finally {
      setUploading(false);
      refresh();
    }
  };
  const move = async (from: number, to: number) => {
    const ids = images.map((i) => i.id);
    const [moved] = ids.splice(from, 1);
    if (!moved) return;
    ids.splice(to, 0, moved);
    try {
      await reorderProductImages(productId, ids);
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
    refresh();
  };

  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t("console.pictures")}
        </Title>
        <FileButton
          onChange={(files) => void upload(files)}
          accept="image/jpeg,image/png,image/webp"
          multiple
        >
          {(props) => (
            <Button {...props} loading={uploading} disabled={images.length >= MAX_IMAGES}>
              {t("console.addPictures")}
            </Button>
          )}
        </FileButton>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t("console.picturesHint", { max: MAX_IMAGES })}
      </Text>
      {problem && (
        <Text c="red" size="sm" role="alert" mb="xs">
          {problem}
        </Text>
      )}
      <Stack gap="xs">
        {images.length === 0 ? (
          <Text size="sm">{t("console.noPictures")}</Text>
        ) : (
          images.map((image, index) => (
            <ImageRow
              key={`${image.id}-${image.alt}`}
              productId={productId}
              image={image}
              index={index}
              count={images.length}
              onMove={(from, to) => void move(from, to)}
              onChanged={refresh}
            />
          ))
        )}
      </Stack>
    </Card>
  );
}
