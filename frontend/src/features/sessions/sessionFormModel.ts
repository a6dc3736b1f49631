import type { SessionCreate, SessionPublic } from "../../api/types";
import { fromLocalInput, toLocalInput } from "../../lib/format";
import { integerBetween, maxLength, required, type Errors, type Rules } from "../../lib/validation";

export type SessionField =
  | "title_en" | "title_cy" | "challenge_en" | "challenge_cy" | "consent_en" | "consent_cy"
  | "mode" | "venue" | "starts_at" | "ends_at"
  | "ideas_min" | "ideas_max" | "ideas_per_table" | "table_min" | "table_max";

export type SessionValues = Record<SessionField, string>;

function tomorrowAtTen(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(10, 0, 0, 0);
  return toLocalInput(d.toISOString());
}

export function emptySession(): SessionValues {
  return {
    title_en: "", title_cy: "", challenge_en: "", challenge_cy: "", consent_en: "", consent_cy: "",
    mode: "venue", venue: "", starts_at: tomorrowAtTen(), ends_at: "",
    ideas_min: "10", ideas_max: "15", ideas_per_table: "100", table_min: "5", table_max: "8",
  };
}

export function valuesOf(s: SessionPublic): SessionValues {
  return {
    title_en: s.title.en ?? "", title_cy: s.title.cy ?? "",
    challenge_en: s.challenge.en ?? "", challenge_cy: s.challenge.cy ?? "",
    consent_en: s.consent_text.en ?? "", consent_cy: s.consent_text.cy ?? "",
    mode: s.mode, venue: s.venue ?? "", starts_at: toLocalInput(s.starts_at), ends_at: toLocalInput(s.ends_at),
    ideas_min: String(s.targets.ideas_per_person_min), ideas_max: String(s.targets.ideas_per_person_max),
    ideas_per_table: String(s.targets.ideas_per_table), table_min: String(s.table_size.min), table_max: String(s.table_size.max),
  };
}

export const sessionRules: Rules<SessionField> = {
  title_en: [maxLength(200)], title_cy: [maxLength(200)],
  challenge_en: [maxLength(4000)], challenge_cy: [maxLength(4000)],
  consent_en: [maxLength(4000)], consent_cy: [maxLength(4000)],
  venue: [maxLength(300)], starts_at: [required],
  ideas_min: [required, integerBetween(1, 100)], ideas_max: [required, integerBetween(1, 100)],
  ideas_per_table: [required, integerBetween(1, 5000)],
  table_min: [required, integerBetween(2, 20)], table_max: [required, integerBetween(2, 20)],
};

/** Rules across fields, checked after the per-field ones pass. */
export function crossCheck(v: SessionValues): Errors<SessionField> {
  const errors: Errors<SessionField> = {};
  if (!v.title_en.trim() && !v.title_cy.trim()) errors.title_en = { key: "validation.titleOneLanguage" };
  const start = fromLocalInput(v.starts_at);
  const end = fromLocalInput(v.ends_at);
  if (start && end && end <= start) errors.ends_at = { key: "validation.endsAfterStart" };
  if (Number(v.ideas_min) > Number(v.ideas_max)) errors.ideas_min = { key: "validation.minNotAboveMax" };
  if (Number(v.table_min) > Number(v.table_max)) errors.table_min = { key: "validation.minNotAboveMax" };
  return errors;
}

const text = (s: string) => s.trim() || null;

export function toBody(v: SessionValues, languages: ("en" | "cy")[]): Omit<SessionCreate, "organisation_id"> {
  const online = v.mode === "online";
  return {
    title: { en: text(v.title_en), cy: text(v.title_cy) },
    challenge: { en: text(v.challenge_en), cy: text(v.challenge_cy) },
    consent_text: { en: text(v.consent_en), cy: text(v.consent_cy) },
    mode: online ? "online" : "venue",
    venue: online ? null : text(v.venue),
    starts_at: fromLocalInput(v.starts_at)!,
    ends_at: fromLocalInput(v.ends_at),
    languages,
    targets: { ideas_per_person_min: Number(v.ideas_min), ideas_per_person_max: Number(v.ideas_max), ideas_per_table: Number(v.ideas_per_table) },
    table_size: { min: Number(v.table_min), max: Number(v.table_max) },
  };
}

/** Where the server's field paths land in this form. */
export const serverPaths: Record<string, SessionField> = {
  title: "title_en", "title.en": "title_en", "title.cy": "title_cy",
  "challenge.en": "challenge_en", "challenge.cy": "challenge_cy",
  "consent_text.en": "consent_en", "consent_text.cy": "consent_cy",
  "targets.ideas_per_person_min": "ideas_min", "targets.ideas_per_person_max": "ideas_max", "targets.ideas_per_table": "ideas_per_table",
  "table_size.min": "table_min", "table_size.max": "table_max",
};
