import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";
import { isPostalCode } from "../../components/format";
import { useFormErrors } from "../../components/use-server-errors";
import { check, isKana, isPhone } from "../../components/validation";
import { PostalCodeFields } from "./postal-code-fields";
import { saveAddress, type AddressRequest } from "../api/save-address";

type Address = components["schemas"]["AddressResponse"];
type Field = Exclude<keyof AddressRequest, "is_default" | "prefecture"> | "prefecture";

/** ACC-05: a delivery address in Japanese order — postal code, prefecture, city, street, building. */
export function AddressForm({
  address,
  onSaved,
  onCancel,
}: {
  address?: Address;
  onSaved: () => void;
  /** Absent where there is nothing to go back to (a checkout's first address). */
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    postal_code: address?.postal_code_display ?? "",
    prefecture: address ? String(address.prefecture) : "",
    city: address?.city ?? "",
    street: address?.street ?? "",
    building: address?.building ?? "",
    recipient_name: address?.recipient_name ?? "",
    recipient_kana: address?.recipient_kana ?? "",
    phone: address?.phone ?? "",
    is_default: address?.is_default ?? false,
  });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<Field>();
  const text = (field: Exclude<keyof typeof form, "is_default">) => ({
    value: form[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      setForm({ ...form, [field]: event.currentTarget.value }),
    error: errors.errorOf(field),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = check<Field>({
      postal_code: !isPostalCode(form.postal_code) && "error.invalidPostal",
      prefecture: !form.prefecture && "error.required",
      city: !form.city.trim() && "error.required",
      street: !form.street.trim() && "error.required",
      building: false,
      recipient_name: !form.recipient_name.trim() && "error.required",
      recipient_kana: !isKana(form.recipient_kana) && "error.invalidKana",
      phone: !isPhone(form.phone) && "error.invalidPhone",
    });
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      await saveAddress(
        { ...form, prefecture: Number(form.prefecture), building: form.building || null },
        address?.id,
      );
      onSaved();
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={address ? t("mypage.editAddress") : t("mypage.addAddress")}
    >
      <Stack>
        <PostalCodeFields
          postalCode={form.postal_code}
          prefecture={form.prefecture}
          onPostalCode={(value) => setForm((current) => ({ ...current, postal_code: value }))}
          onPrefecture={(value) => setForm((current) => ({ ...current, prefecture: value }))}
          onPlace={(place) =>
            setForm((current) => ({
              ...current,
              city: current.city.trim() ? current.city : `${place.city}${place.town}`,
            }))
          }
          postalError={errors.errorOf("postal_code")}
          prefectureError={errors.errorOf("prefecture")}
        />
        <TextInput label={t("mypage.city")} autoComplete="address-level2" required {...text("city")} />
        <TextInput label={t("mypage.street")} autoComplete="address-line1" required {...text("street")} />
        <TextInput label={t("mypage.building")} autoComplete="address-line2" {...text("building")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t("mypage.recipientName")}
            autoComplete="name"
            required
            {...text("recipient_name")}
          />
          <TextInput label={t("mypage.recipientKana")} required {...text("recipient_kana")} />
        </SimpleGrid>
        <TextInput label={t("auth.phone")} type="tel" autoComplete="tel" required {...text("phone")} />
        <Checkbox
          label={t("mypage.makeDefault")}
          checked={form.is_default}
          onChange={(e) => setForm({ ...form, is_default: e.currentTarget.checked })}
        />
        {errors.general && <div role="alert">{errors.general}</div>}
        <Group>
          <Button type="submit" loading={busy}>
            {t("mypage.save")}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t("mypage.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
