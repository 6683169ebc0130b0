import { Select, SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PREFECTURES } from "../../i18n/prefectures";
import { lookupPostalCode, type PostalPlace } from "../postal";

/**
 * The postal code and the prefecture of a Japanese address, side by side. A complete postal code sets the
 * prefecture and hands its city and town to `onPlace` (the form fills the next field if it is empty).
 */
export function PostalCodeFields({
  postalCode,
  prefecture,
  onPostalCode,
  onPrefecture,
  onPlace,
  postalError,
  prefectureError,
}: {
  postalCode: string;
  /** JIS code as a string, "" for none. */
  prefecture: string;
  onPostalCode: (value: string) => void;
  onPrefecture: (value: string) => void;
  onPlace: (place: PostalPlace) => void;
  postalError?: string;
  prefectureError?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput
        label={t("mypage.postalCode")}
        description={t("mypage.postalHint")}
        placeholder="150-0001"
        inputMode="numeric"
        autoComplete="postal-code"
        required
        value={postalCode}
        error={postalError}
        onChange={(event) => {
          const value = event.currentTarget.value;
          onPostalCode(value);
          void lookupPostalCode(value).then((place) => {
            if (!place) return;
            onPrefecture(String(place.prefecture));
            onPlace(place);
          });
        }}
      />
      <Select
        label={t("mypage.prefecture")}
        required
        searchable
        // Picking the prefecture the postal code already chose must not clear it.
        allowDeselect={false}
        data={PREFECTURES.map(([ja, en], index) => ({
          value: String(index + 1),
          label: i18n.language === "en" ? en : ja,
        }))}
        value={prefecture || null}
        onChange={(value) => onPrefecture(value ?? "")}
        error={prefectureError}
      />
    </SimpleGrid>
  );
}
