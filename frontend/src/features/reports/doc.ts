import { createContext, useContext } from "react";
import type { TFunction } from "i18next";
import type { Language } from "../../i18n";
import type { ReportBilingual, ReportIdeaLink, ReportTableRef } from "./useReport";

/** The report's own language, chosen on the page whatever the interface's language is: every
 * label of the document comes from `t`, fixed to `lang`. */
export interface Doc {
  t: TFunction;
  lang: Language;
}

export const DocContext = createContext<Doc | null>(null);

export function useDoc(): Doc {
  const doc = useContext(DocContext);
  if (!doc) throw new Error("useDoc outside a report document");
  return doc;
}

/** A bilingual text in the document's language (the other one when only that was written). */
export function inLanguage(text: ReportBilingual, lang: Language): { text: string; lang: string | undefined } {
  const picked = text[lang];
  return { text: picked.text ?? "", lang: picked.lang ?? undefined };
}

export function tableName({ t }: Doc, table: ReportTableRef): string {
  return table.name ? t("report.table.headingNamed", { number: table.number, name: table.name }) : t("report.table.heading", { number: table.number });
}

/** "idea 3" at the table `from`, "table 2, idea 1" anywhere else. */
export function ideaLabel({ t }: Doc, link: ReportIdeaLink, from?: number): string {
  return link.table_number === from
    ? t("report.table.ideaRef", { number: link.number })
    : t("report.table.ideaRefOther", { table: link.table_number, number: link.number });
}

export function tableAnchor(number: number): string {
  return `report-table-${number}`;
}
