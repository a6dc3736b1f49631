import type { Language } from "../i18n";

export interface LocalizedLike {
  en?: string | null;
  cy?: string | null;
}

/** The text in the UI language, else in the other one (people write in one or both). */
export function pickText(text: LocalizedLike | null | undefined, lang: Language): string {
  if (!text) return "";
  const [first, second] = lang === "cy" ? [text.cy, text.en] : [text.en, text.cy];
  return (first || second || "").trim();
}

/** The language a picked text is actually in, for the `lang` attribute. */
export function pickedLanguage(text: LocalizedLike | null | undefined, lang: Language): Language {
  if (!text) return lang;
  const other: Language = lang === "cy" ? "en" : "cy";
  return text[lang] ? lang : text[other] ? other : lang;
}

const locales: Record<Language, string> = { en: "en-GB", cy: "cy-GB" };

const WELSH_DAYS = ["Dydd Sul", "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn"];
const WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"];

/** Some browsers (e.g. Debian's Chromium) ship no Welsh date data and would answer in US English. */
export function hasWelshDates(): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(["cy"]).length > 0;
  } catch {
    return false;
  }
}

export function welshDateTime(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${WELSH_DAYS[d.getDay()]}, ${d.getDate()} ${WELSH_MONTHS[d.getMonth()]} ${d.getFullYear()} am ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatDateTime(iso: string | null | undefined, lang: Language): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (lang === "cy" && !hasWelshDates()) return welshDateTime(date);
  return new Intl.DateTimeFormat(locales[lang], { dateStyle: "full", timeStyle: "short" }).format(date);
}

export function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat([locales[lang], "en-GB"]).format(n);
}

/** "4:05" or "1:02:03" for a count of seconds (never negative). */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/** A datetime-local input's value ("2025-05-01T09:30") for an ISO instant, in local time. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** An ISO instant (with offset) for a datetime-local input's value, or null when empty/invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
