import { useTranslation } from "react-i18next";
import type { AllocationRun, SeatingBoard } from "../../api/types";
import { issueText } from "./issues";

/** Diversity achieved against the best possible, and what could not be balanced, per table. */
export function AllocationReport({ run, board }: { run: AllocationRun; board: SeatingBoard }) {
  const { t } = useTranslation();
  const names = new Map<string, string>();
  for (const table of board.tables) for (const m of table.members) names.set(m.id, m.display_name);
  for (const m of board.unseated) names.set(m.id, m.display_name);

  return (
    <section className="card" aria-labelledby="report-heading" aria-live="polite">
      <h3 id="report-heading" className="stat">
        {t("allocation.diversity", { achieved: run.diversity, max: run.diversity_max })}
      </h3>
      <p className="muted">
        {t("allocation.diversityHelp")} {t("allocation.seedUsed", { seed: run.seed })}
      </p>
      <h4>{t("allocation.issuesHeading")}</h4>
      {run.issues.length === 0 ? (
        <p>{t("allocation.noIssues")}</p>
      ) : (
        <ul data-testid="allocation-issues">
          {run.issues.map((issue, i) => (
            <li key={i}>
              <strong>{issue.table_number != null ? t("allocation.tableLabel", { number: issue.table_number }) : t("allocation.sessionLabel")}</strong>{" "}
              {issueText(t, issue)}
            </li>
          ))}
        </ul>
      )}
      {run.violated.length > 0 && (
        <>
          <h4>{t("allocation.violatedHeading")}</h4>
          <ul>
            {run.violated.map((v, i) => (
              <li key={i}>
                {t(`allocation.constraint.${v.kind === "apart" ? "apart" : "together"}`, {
                  a: names.get(v.first_id) ?? "?",
                  b: names.get(v.second_id) ?? "?",
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
