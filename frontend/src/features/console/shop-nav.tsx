import { Button, Group, ScrollArea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import { useShop } from "../../shared/api/get-shop";
import { sectionsOf } from "./sections";

/** SHOP-01: moving between a shop's console pages without going back to the console home. */
export function ShopNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const shopId = useParams().shopId;
  const shop = useShop(shopId ?? "");
  if (!shopId) return null;
  const sections = sectionsOf(shop.data?.kind);
  const base = `/console/shops/${shopId}`;
  return (
    <ScrollArea type="never" component="nav" aria-label={t("console.shopNav")} mb="md">
      <Group gap={6} wrap="nowrap">
        <Button component={Link} to="/console" size="compact-sm" variant="subtle">
          {t("console.title")}
        </Button>
        {sections.map((s) => {
          const current = pathname.startsWith(`${base}/${s.path}`);
          return (
            <Button
              key={s.path}
              component={Link}
              to={`${base}/${s.path}`}
              size="compact-sm"
              variant={current ? "filled" : "default"}
              style={{ flexShrink: 0 }}
              aria-current={current ? "page" : undefined}
            >
              {t(s.label)}
            </Button>
          );
        })}
      </Group>
    </ScrollArea>
  );
}
