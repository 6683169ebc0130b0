import { Anchor, Badge, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { PageTitle } from "../../../components/page-title";
import { ErrorState, Loading } from "../../../components/states";
import { Forbidden } from "../forbidden";
import { useCanManage } from "../use-managed-shop";
import { useMailTemplates } from "./api";

/** SHOP-04: the emails the shop sends its members, each in Japanese and English, default or its own. */
export function MailTemplatesPage() {
  const { t } = useTranslation();
  const { shopId = "" } = useParams();
  const allowed = useCanManage(shopId);
  const list = useMailTemplates(shopId);
  if (!allowed) return <Forbidden />;
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const events = [...new Set(list.data.items.map((i) => i.template))];
  return (
    <Stack>
      <PageTitle>{t("mailTemplates.title")}</PageTitle>
      <Text size="sm" c="dimmed">
        {t("mailTemplates.lead")}
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table data-testid="mail-templates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("mailTemplates.event")}</Table.Th>
              <Table.Th>{t("mailTemplates.language.ja")}</Table.Th>
              <Table.Th>{t("mailTemplates.language.en")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <Table.Tr key={event}>
                <Table.Td>{t(`mailTemplates.events.${event}`, { defaultValue: event })}</Table.Td>
                {(["ja", "en"] as const).map((locale) => {
                  const own = list.data.items.some(
                    (i) => i.template === event && i.locale === locale && i.own,
                  );
                  return (
                    <Table.Td key={locale}>
                      <Anchor
                        component={Link}
                        to={`/console/shops/${shopId}/mail-templates/${event}/${locale}`}
                        aria-label={`${t(`mailTemplates.events.${event}`, { defaultValue: event })} ${t(`mailTemplates.language.${locale}`)}`}
                      >
                        <Badge
                          variant={own ? "filled" : "light"}
                          color={own ? "teal" : "gray"}
                          style={{ cursor: "pointer" }}
                        >
                          {t(own ? "mailTemplates.own" : "mailTemplates.default")}
                        </Badge>
                      </Anchor>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
