import type { Language } from "../../i18n";
import { hasWelshDates } from "../../lib/format";

const WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"];

/** A due date (`YYYY-MM-DD`, a calendar day with no time zone) in words. */
export function formatDay(day: string, lang: Language): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  if (lang === "cy" && !hasWelshDates()) return `${d} ${WELSH_MONTHS[m - 1]} ${y}`;
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** Whole days since an instant, for "last activity 12 days ago". */
export function daysSince(iso: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}
