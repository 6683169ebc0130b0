import { PageTitle } from "../../components/page-title";
import { Button, SimpleGrid, Stack, Text, TextInput, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useSession } from "../../auth/use-session";
import { isPostalCode } from "../../components/format";
import { useFormErrors } from "../../components/use-server-errors";
import { check, isEmail, isPhone } from "../../components/validation";
import { PostalCodeFields } from "../../shared/ui/postal-code-fields";
import { createShop } from "./api/shop-staff";
import { Forbidden } from "./forbidden";

type Field =
  | "slug"
  | "profile.name"
  | "profile.postal_code"
  | "profile.prefecture"
  | "profile.address"
  | "profile.phone"
  | "profile.contact_email"
  | "profile.opening_hours"
  | "profile.description";

const isSlug = (value: string) => /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/.test(value);

/** ACC-04: the operator opens a shop, then invites its owner. */
export function NewShopPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const operator = useSession()?.account.role === "operator";
  const [form, setForm] = useState({
    slug: "",
    name: "",
    description: "",
    postal_code: "",
    prefecture: "",
    address: "",
    phone: "",
    contact_email: "",
    opening_hours: "",
  });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();
  if (!operator) return <Forbidden />;
  const text = (field: Exclude<keyof typeof form, "prefecture">) => ({
    value: form[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      setForm({ ...form, [field]: event.currentTarget.value }),
    error: errors.errorOf(field === "slug" ? "slug" : `profile.${field}`),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = check<Field>({
      slug: !isSlug(form.slug) && "console.invalidSlug",
      "profile.name": !form.name.trim() && "error.required",
      "profile.postal_code": !isPostalCode(form.postal_code) && "error.invalidPostal",
      "profile.prefecture": !form.prefecture && "error.required",
      "profile.address": !form.address.trim() && "error.required",
      "profile.phone": !isPhone(form.phone) && "error.invalidPhone",
      "profile.contact_email": !isEmail(form.contact_email) && "error.invalidEmail",
      "profile.opening_hours": false,
      "profile.description": false,
    });
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      const { slug, prefecture, ...profile } = form;
      const shop = await createShop(slug, { ...profile, prefecture: Number(prefecture) });
      notifications.show({ color: "teal", message: t("console.shopOpened", { name: shop.name }) });
      void queryClient.invalidateQueries({ queryKey: ["shops"] });
      void navigate(`/console/shops/${shop.id}/staff`);
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <PageTitle>{t("console.openShop")}</PageTitle>
      <Text c="dimmed">{t("console.openShopHint")}</Text>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput label={t("console.shopName")} required {...text("name")} />
          <TextInput
            label={t("console.slug")}
            description={t("console.slugHint")}
            required
            {...text("slug")}
          />
          <Textarea label={t("console.shopDescription")} autosize minRows={2} {...text("description")} />
          <PostalCodeFields
            postalCode={form.postal_code}
            prefecture={form.prefecture}
            onPostalCode={(value) => setForm((current) => ({ ...current, postal_code: value }))}
            onPrefecture={(value) => setForm((current) => ({ ...current, prefecture: value }))}
            onPlace={(place) =>
              setForm((current) => ({
                ...current,
                address: current.address.trim() ? current.address : `${place.city}${place.town}`,
              }))
            }
            postalError={errors.errorOf("profile.postal_code")}
            prefectureError={errors.errorOf("profile.prefecture")}
          />
          <TextInput label={t("console.shopAddress")} required {...text("address")} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("auth.phone")} type="tel" required {...text("phone")} />
            <TextInput label={t("settings.contact_email")} type="email" required {...text("contact_email")} />
          </SimpleGrid>
          <TextInput
            label={t("console.openingHours")}
            placeholder="10:00〜20:00"
            {...text("opening_hours")}
          />
          {errors.general && (
            <Text c="red" role="alert">
              {errors.general}
            </Text>
          )}
          <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
            {t("console.openShopSubmit")}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
