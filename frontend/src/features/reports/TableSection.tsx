import { formatNumber } from "../../lib/format";
import { ideaLabel, inLanguage, tableAnchor, tableName, useDoc, type Doc } from "./doc";
import { DataTable, Words } from "./parts";
import { PitchSection } from "./PitchSection";
import { ReductionSection } from "./ReductionSection";
import { StoryboardSection } from "./StoryboardSection";
import type { ReportIdea, ReportTable } from "./useReport";

const BUILT_IN = ["lived_experience", "service_provider", "academic", "policy", "outlier"];

type Perspective = ReportTable["perspectives"][number];

function perspectiveLabel(doc: Doc, p: Perspective): { text: string; lang?: string } {
  if (p.perspective === null) return { text: doc.t("report.table.noPerspective") };
  if (BUILT_IN.includes(p.perspective)) return { text: doc.t(`perspectives.${p.perspective}`) };
  if (p.custom_label) {
    const label = inLanguage(p.custom_label, doc.lang);
    if (label.text) return label;
  }
  return { text: p.perspective };
}

/** One table: who sat there (as numbers), its themes and ideas, how it chose, and what came
 * after. Each table starts on a new page when printed. */
export function TableSection({ table }: { table: ReportTable }) {
  const doc = useDoc();
  const { t, lang } = doc;
  const headingId = tableAnchor(table.number);
  return (
    <section className="report-section report-table" aria-labelledby={headingId} data-testid="report-table">
      <h2 id={headingId}>{tableName(doc, table)}</h2>
      <h3>{t("report.table.people")}</h3>
      {table.member_count === 0 ? (
        <p>{t("report.table.nobody")}</p>
      ) : (
        <>
          <p>{t("report.table.members", { count: table.member_count })}</p>
          <DataTable id={`mix-${table.number}`} caption={t("report.table.mixCaption", { number: table.number })} head={[t("report.table.perspective"), t("report.table.count")]}>
            {table.perspectives.map((p) => {
              const label = perspectiveLabel(doc, p);
              return (
                <tr key={p.perspective ?? "none"}>
                  <th scope="row" lang={label.lang}>
                    {label.text}
                  </th>
                  <td>{formatNumber(p.count, lang)}</td>
                </tr>
              );
            })}
          </DataTable>
        </>
      )}
      <h3>{t("report.table.themes")}</h3>
      {table.themes.length === 0 ? (
        <p>{t("report.table.noThemes")}</p>
      ) : (
        <ul>
          {table.themes.map((theme) => (
            <li key={theme.name}>{t("report.table.themeItem", { name: theme.name, count: theme.idea_count })}</li>
          ))}
        </ul>
      )}
      <h3>{t("report.table.ideas")}</h3>
      {table.ideas.length === 0 ? (
        <p>{t("report.table.noIdeas")}</p>
      ) : (
        <DataTable
          id={`ideas-${table.number}`}
          caption={t("report.table.ideasCaption", { number: table.number })}
          head={[t("report.table.number"), t("report.table.idea"), t("report.table.theme"), t("report.table.dots"), t("report.table.origin")]}
        >
          {table.ideas.map((idea) => (
            <tr key={idea.id}>
              <th scope="row">{idea.number}</th>
              <td>
                <Words text={idea.text} withheld={idea.withheld} />
              </td>
              <td>{idea.theme ?? ""}</td>
              <td>{formatNumber(idea.dots, lang)}</td>
              <td>{origin(doc, idea)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <ReductionSection table={table} />
      <StoryboardSection table={table} />
      <PitchSection table={table} />
    </section>
  );
}

function origin(doc: Doc, idea: ReportIdea): string {
  const { t } = doc;
  const label = (link: ReportIdea["parents"][number]) => ideaLabel(doc, link, idea.table_number);
  const parts: string[] = [];
  if (idea.source === "paper") parts.push(t("report.table.paper"));
  if (idea.parents.length) parts.push(t("report.table.combinedFrom", { ideas: idea.parents.map(label).join(", ") }));
  if (idea.repurposed_from) parts.push(t("report.table.repurposedFrom", { idea: label(idea.repurposed_from) }));
  if (idea.combined_into.length) parts.push(t("report.table.combinedInto", { ideas: idea.combined_into.map(label).join(", ") }));
  return parts.join(". ");
}
