import type { TFunction } from "i18next";
import type { IndicatorUnit } from "../../api/outcomes";
import type { Language } from "../../i18n";
import { hasWelshDates } from "../../lib/format";

const WELSH_MONTHS = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"];

/** "1 June 2025" / "1 Mehefin 2025" for an ISO date (a calendar day, no time zone). */
export function formatDay(isoDate: string | null | undefined, lang: Language): string {
  if (!isoDate) return "";
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (lang === "cy" && !hasWelshDates()) return `${d.getUTCDate()} ${WELSH_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(d);
}

/** "Jun 2025" / "Meh 2025": a chart axis's short date. */
export function formatMonth(isoDate: string, lang: Language): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  if (lang === "cy" && !hasWelshDates()) return `${WELSH_MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCFullYear()}`;
  return new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { month: "short", year: "numeric", timeZone: "UTC" }).format(d);
}

/** A value in its unit: "42%", "£1,200.50", "3 days", "12 trips". */
export function formatValue(t: TFunction, value: number | null | undefined, unit: IndicatorUnit, unitLabel: string | null | undefined, lang: Language): string {
  if (value === null || value === undefined) return "";
  const number = new Intl.NumberFormat([lang === "cy" ? "cy-GB" : "en-GB", "en-GB"], { maximumFractionDigits: unit === "gbp" ? 2 : 3 }).format(value);
  if (unit === "other") return t("outcomes.value.other", { value: number, label: unitLabel ?? "" });
  return t(`outcomes.value.${unit}`, { value: number, count: value });
}

/** Today's date as the date input wants it ("2025-06-01"), in the person's own time zone. */
export function todayInput(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
