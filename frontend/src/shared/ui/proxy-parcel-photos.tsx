import { Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProxyOrder } from "../api/proxy-order";
import { PrivateImage } from "./private-image";

/** PRX-08: photos of the weighed parcel (the scale's reading, the tape measure); `base` is the order's API path. */
export function ParcelPhotos({ order, base }: { order: ProxyOrder; base: string }) {
  const { t } = useTranslation();
  if (order.parcel_photos.length === 0) return null;
  return (
    <Stack gap={4} data-testid="parcel-photos">
      <Text size="xs" fw={600}>
        {t("proxy.weight.photos")}
      </Text>
      <Group gap={6}>
        {order.parcel_photos.map((photo, i) => (
          <PrivateImage
            key={photo.id}
            file={`${base}/photos/${photo.id}`}
            fileName={`parcel-${order.number}-${i + 1}.jpg`}
            alt={t("proxy.weight.photo", { number: i + 1 })}
            size={96}
          />
        ))}
      </Group>
    </Stack>
  );
}
