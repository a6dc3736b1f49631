import { formatNumber } from "../../lib/format";
import { useDoc } from "./doc";
import { DataTable, Words } from "./parts";
import type { ReportIdeaRef, ReportTable } from "./useReport";

function Idea({ idea }: { idea: ReportIdeaRef | null }) {
  const { t } = useDoc();
  if (!idea) return <em>{t("report.reduction.hidden")}</em>;
  return (
    <>
      {t("report.table.ideaTitle", { number: idea.number })}: <Words text={idea.text} withheld={idea.withheld} />
    </>
  );
}

/** From the dots to one idea: every count and every tie-break, and who closed each step. */
export function ReductionSection({ table }: { table: ReportTable }) {
  const { t, lang } = useDoc();
  const r = table.reduction;
  const n = table.number;
  const average = (value: number) => formatNumber(value, lang);
  return (
    <>
      <h3>{t("report.reduction.heading")}</h3>
      <p>{t("report.reduction.stage", { stage: t(`liveDashboard.stages.${r.stage}`) })}</p>
      {r.shortlist.length === 0 && <p>{t("report.reduction.notStarted")}</p>}
      {r.shortlist.length > 0 && <h4>{t("report.reduction.shortlist")}</h4>}
      {r.shortlist.length > 0 && (
        <DataTable
          id={`shortlist-${n}`}
          caption={t("report.reduction.shortlistCaption", { number: n })}
          head={[t("report.reduction.place"), t("report.table.idea"), t("report.table.dots"), t("report.reduction.how")]}
        >
          {r.shortlist.map((entry) => (
            <tr key={entry.place}>
              <th scope="row">{entry.place}</th>
              <td>
                <Idea idea={entry.idea} />
              </td>
              <td>{formatNumber(entry.dots, lang)}</td>
              <td>{t(`reduction.decidedBy.${entry.decided_by}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {r.runoff && (
        <>
          <h4>{t("report.reduction.runoff")}</h4>
          <DataTable
            id={`runoff-${n}`}
            caption={t("report.reduction.runoffCaption", { number: n, count: r.runoff.places })}
            head={[t("report.table.idea"), t("report.table.dots"), t("report.reduction.runoffVotes")]}
          >
            {r.runoff.candidates.map((c, i) => (
              <tr key={c.idea?.id ?? i}>
                <th scope="row">
                  <Idea idea={c.idea} />
                </th>
                <td>{formatNumber(c.dots, lang)}</td>
                <td>{formatNumber(c.runoff_votes, lang)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {r.scores.length > 0 && (
        <>
          <h4>{t("report.reduction.scores")}</h4>
          <DataTable
            id={`scores-${n}`}
            caption={t("report.reduction.scoresCaption", { number: n })}
            head={[
              t("report.table.idea"),
              t("report.reduction.scorers"),
              t("reduction.criteria.desirabilityTerm"),
              t("reduction.criteria.feasibilityTerm"),
              t("reduction.criteria.viabilityTerm"),
              t("report.reduction.averageTotal"),
              t("report.reduction.overall"),
            ]}
          >
            {r.scores.map((s) => (
              <tr key={s.place}>
                <th scope="row">
                  <Idea idea={s.idea} />
                </th>
                <td>{formatNumber(s.scorers, lang)}</td>
                {s.average ? (
                  <>
                    <td>{average(s.average.desirability)}</td>
                    <td>{average(s.average.feasibility)}</td>
                    <td>{average(s.average.viability)}</td>
                    <td>{average(s.average.total)}</td>
                  </>
                ) : (
                  <td colSpan={4}>{t("report.reduction.notScored")}</td>
                )}
                <td>{formatNumber(s.overall, lang)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {r.rounds.length > 0 && (
        <>
          <h4>{t("report.reduction.rounds")}</h4>
          <ul>
            {r.rounds.map((round, i) => {
              const stage = t(`liveDashboard.stages.${round.stage}`);
              return (
                <li key={i}>
                  {round.decided_by === "facilitator"
                    ? t("report.reduction.roundFacilitator", { stage })
                    : t("report.reduction.roundMajority", { stage, agreed: round.agreed, present: round.present })}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <h4>{t("report.reduction.choice")}</h4>
      {r.choice ? (
        <div className="report-choice" data-testid="report-choice">
          <p className="report-choice__idea">
            <Idea idea={r.choice.idea} />
          </p>
          <p>{r.choice.decided_by === "facilitator" ? t("report.reduction.chosenFacilitator") : t("report.reduction.chosenMajority")}</p>
          <p>
            {r.choice.best_scores === null
              ? t("report.reduction.unscored")
              : r.choice.best_scores
                ? t("report.reduction.bestScores")
                : t("report.reduction.notBestScores")}
          </p>
        </div>
      ) : (
        <p>{t("report.reduction.noChoice")}</p>
      )}
    </>
  );
}
