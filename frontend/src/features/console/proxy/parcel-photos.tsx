import { Button, Card, FileButton, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useAction } from "../../../components/use-action";
import type { ProxyOrder } from "../../../shared/api/proxy-order";
import { ParcelPhotos } from "../../../shared/ui/proxy-parcel-photos";
import { addParcelPhoto } from "./api/add-parcel-photo";

/** PRX-08: staff photograph the parcel on the scale while weighing; the member sees it as evidence. */
export function ParcelPhotoCapture({ shopId, order }: { shopId: string; order: ProxyOrder }) {
  const { t } = useTranslation();
  const { busy, run } = useAction(["console", shopId]);
  return (
    <Card withBorder data-testid="parcel-photo-capture">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t("proxyConsole.parcelPhotoHint")}
          </Text>
          {/* On a phone, `capture` opens the camera; on a desktop, the file chooser. */}
          <FileButton
            onChange={(files) =>
              void run(async () => {
                for (const file of files) await addParcelPhoto(shopId, order.id, file);
              }, "proxyConsole.photosAdded")
            }
            accept="image/*"
            capture="environment"
            multiple
          >
            {(props) => (
              <Button {...props} size="xs" variant="default" loading={busy}>
                {t("proxyConsole.addParcelPhotos")}
              </Button>
            )}
          </FileButton>
        </Group>
        <ParcelPhotos order={order} base={`/api/v1/shops/${shopId}/proxy-orders/${order.id}`} />
      </Stack>
    </Card>
  );
}
