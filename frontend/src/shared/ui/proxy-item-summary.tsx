import { Anchor, Badge, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { yen } from "../../components/format";
import { PrivateImage } from "./private-image";
import { proxyItemColor } from "./status-colors";

type Item = components["schemas"]["ProxyItemResponse"];

/** One item as both sides read it: name linking to the seller's page, options, price, status, question. */
export function ItemSummary({ item, base }: { item: Item; base: string }) {
  const { t } = useTranslation();
  const price = item.unit_price ?? item.requested_unit_price;
  return (
    <Stack gap={2}>
      <Group justify="space-between" wrap="nowrap" align="start">
        <Anchor href={item.source_url} target="_blank" rel="noopener noreferrer nofollow" fw={600}>
          {item.name}
        </Anchor>
        <Badge color={proxyItemColor[item.status]} style={{ flexShrink: 0 }}>
          {t(`proxy.itemStatus.${item.status}`)}
        </Badge>
      </Group>
      {item.options && (
        <Text size="sm" c="dimmed">
          {item.options}
        </Text>
      )}
      <Text size="sm" data-testid="item-price">
        {yen(price)} × {item.quantity}
        {item.unit_price === null || item.unit_price === undefined
          ? `（${t("proxy.requestedPrice")}）`
          : Number(item.domestic_shipping) > 0
            ? ` ＋ ${t("proxy.invoice.domesticShipping")} ${yen(item.domestic_shipping)}`
            : ""}
      </Text>
      {item.question && (
        <Text size="sm">
          Q: {item.question}
          {item.question_open && (
            <Badge ml="xs" size="xs" color="yellow">
              {t("proxy.waitingAnswer")}
            </Badge>
          )}
        </Text>
      )}
      {item.answer && (
        <Text size="sm" c="teal.9">
          A: {item.answer}
        </Text>
      )}
      {item.photos.length > 0 && (
        <Stack gap={4} data-testid="item-photos">
          <Text size="xs" fw={600}>
            {t("proxy.photos")}
          </Text>
          <Group gap={6}>
            {item.photos.map((photo, i) => (
              <PrivateImage
                key={photo.id}
                file={`${base}/photos/${photo.id}`}
                fileName={`${item.name}-${i + 1}.jpg`}
                alt={t("proxy.photo", { name: item.name, number: i + 1 })}
                size={72}
              />
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
