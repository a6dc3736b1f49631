import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { catalogue } from "./catalogue";

export const LANGUAGES = ["en", "cy"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "cyd.lang";

export function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "cy";
}

/** Remembered choice, else the browser's language when it is Welsh, else English. */
export function initialLanguage(
  stored: string | null = safeStorageGet(),
  browser: readonly string[] = typeof navigator === "undefined" ? [] : navigator.languages ?? [navigator.language],
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const base = tag?.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

function safeStorageGet(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "en";
}

export const resources = { en: { translation: catalogue.en }, cy: { translation: catalogue.cy } } as const;

export function setupI18n(lng: Language = initialLanguage()) {
  i18n.on("languageChanged", (next) => {
    if (typeof document !== "undefined") document.documentElement.lang = next;
  });
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (typeof document !== "undefined") document.documentElement.lang = lng;
  return i18n;
}

export async function changeLanguage(lang: Language): Promise<void> {
  rememberLanguage(lang);
  await i18n.changeLanguage(lang);
}

export { i18n };
