import { Button, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "Show more" under a paginated list, while the server has more. */
export function MoreButton({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center">
      <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
        {t("state.more")}
      </Button>
    </Group>
  );
}
