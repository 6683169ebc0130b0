// Japanese first, English available. The choice is remembered in localStorage and, for signed-in
// members, saved to the profile so that emails follow it.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { ja } from "./ja";

export const LANGUAGE_KEY = "kaimono.language";

export type Language = "ja" | "en";

function initialLanguage(): Language {
  const saved = typeof localStorage === "undefined" ? null : localStorage.getItem(LANGUAGE_KEY);
  return saved === "en" ? "en" : "ja";
}

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: "ja",
  interpolation: { escapeValue: false },
});

// The document's language follows the UI's, from the first render (screen readers, fonts, hyphenation).
if (typeof document !== "undefined") document.documentElement.lang = i18n.language;

i18n.on("languageChanged", (language) => {
  document.documentElement.lang = language;
  localStorage.setItem(LANGUAGE_KEY, language);
});

export default i18n;
