import { Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useShopTimeline, type TimelineKind } from "../../shared/api/timelines";
import { TimelineList } from "../../shared/ui/timeline-list";

/** SHOP-02: the order's or reservation's history with who did what, on its console page. */
export function ShopTimeline({ shopId, kind, id }: { shopId: string; kind: TimelineKind; id: string }) {
  const { t } = useTranslation();
  const timeline = useShopTimeline(shopId, kind, id);
  return (
    <>
      <Title order={2} size="h5" mt="sm">
        {t("timeline.title")}
      </Title>
      {timeline.data ? (
        <TimelineList events={timeline.data} kind={kind} />
      ) : (
        timeline.isError && <Text c="red">{t("error.generic")}</Text>
      )}
    </>
  );
}
