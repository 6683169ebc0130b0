import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";
import type { components } from "../../../api/schema";

export type MailTemplate = components["schemas"]["MailTemplateResponse"];
export type MailTemplateBody = components["schemas"]["MailTemplateBody"];
export type Locale = components["schemas"]["LocaleDto"];

/** SHOP-04: every email the shop sends its members, per language, marking its own wordings. */
export function useMailTemplates(shopId: string) {
  return useQuery({
    queryKey: ["mail-templates", shopId],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/mail-templates", { params: { path: { shop_id: shopId } } }),
      ),
  });
}

function path(shopId: string, template: string, locale: Locale) {
  return { path: { shop_id: shopId, template, locale } };
}

/** One email's wording: the shop's own, or the default written with tags. */
export function useMailTemplate(shopId: string, template: string, locale: Locale) {
  return useQuery({
    queryKey: ["mail-templates", shopId, template, locale],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/v1/shops/{shop_id}/mail-templates/{template}/{locale}", {
          params: path(shopId, template, locale),
        }),
      ),
  });
}

export async function saveMailTemplate(
  shopId: string,
  template: string,
  locale: Locale,
  body: MailTemplateBody,
) {
  return unwrap(
    await api.PUT("/api/v1/shops/{shop_id}/mail-templates/{template}/{locale}", {
      params: path(shopId, template, locale),
      body,
    }),
  );
}

export async function resetMailTemplate(shopId: string, template: string, locale: Locale) {
  return unwrap(
    await api.DELETE("/api/v1/shops/{shop_id}/mail-templates/{template}/{locale}", {
      params: path(shopId, template, locale),
    }),
  );
}

export async function previewMailTemplate(
  shopId: string,
  template: string,
  locale: Locale,
  body: MailTemplateBody,
) {
  return unwrap(
    await api.POST("/api/v1/shops/{shop_id}/mail-templates/{template}/{locale}/preview", {
      params: path(shopId, template, locale),
      body,
    }),
  );
}
