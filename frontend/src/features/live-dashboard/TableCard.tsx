import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClosableStage, ReductionState, TableProgressRow } from "../../api/dashboard";
import { currentLanguage } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { Button } from "../../ui/Button";
import { CloseRoundDialog } from "./CloseRoundDialog";
import type { PaceStatus } from "./pace";

const CLOSABLE = new Set<string>(["voting", "runoff", "scoring", "choosing"]);

export function tableLabel(t: (k: string, o?: Record<string, unknown>) => string, row: { number: number; name?: string | null }): string {
  return row.name ? t("liveDashboard.tableNamed", { number: row.number, name: row.name }) : t("liveDashboard.table", { number: row.number });
}

/** One table: ideas against the target, pace, who is connected, and its reduction as it lands. */
export function TableCard({
  sessionId,
  row,
  pace,
  reduction,
  showReduction,
  canClose,
}: {
  sessionId: string;
  row: TableProgressRow;
  pace: PaceStatus;
  reduction: ReductionState | undefined;
  showReduction: boolean;
  canClose: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const n = (x: number) => formatNumber(x, lang);
  const [closing, setClosing] = useState(false);
  const label = tableLabel(t, row);
  const headingId = `table-${row.table_id}-h`;
  const progressText = t("liveDashboard.progressLabel", { table: label, n: n(row.total), target: n(row.target) });
  const stage = reduction?.stage;
  const flagged = pace === "stuck" || pace === "behind";

  return (
    <li className={`ld-table ld-table--${pace}`} data-testid={`table-card-${row.number}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{label}</h3>
      {flagged && (
        <p className={`ld-pace ld-pace--${pace}`} data-testid={`pace-${row.number}`}>
          <span aria-hidden="true">! </span>
          {t(`liveDashboard.pace.${pace}`)}
        </p>
      )}
      {pace === "done" && (
        <p className="ld-pace ld-pace--done" data-testid={`pace-${row.number}`}>
          <span aria-hidden="true">✓ </span>
          {t("liveDashboard.pace.done")}
        </p>
      )}
      <p className="ld-table__count">{t("liveDashboard.ideasOfTarget", { n: n(row.total), target: n(row.target) })}</p>
      <progress className="ld-progress" max={row.target} value={Math.min(row.total, row.target)} aria-label={progressText} data-testid={`progress-${row.number}`} />
      <p className="muted ld-table__meta">
        {t("liveDashboard.recent", { n: n(row.last_five_minutes) })}
        {" · "}
        <span data-testid={`connected-${row.number}`}>
          {t("liveDashboard.connected", { connected: n(row.present_count), seated: n(row.members.length) })}
        </span>
      </p>
      {row.members.length > 0 && (
        <details className="ld-people">
          <summary>{t("liveDashboard.people")}</summary>
          <ul className="plain-list">
            {row.members.map((m) => (
              <li key={m.participant_id}>
                {t("liveDashboard.person", { name: m.display_name, n: n(m.ideas), min: n(m.target_min), max: n(m.target_max) })}
                {!m.reached_min && <span className="ld-below"> {t("liveDashboard.belowMin")}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {showReduction && reduction && (
        <div className="ld-reduction" data-testid={`reduction-${row.number}`}>
          <p>
            <strong>{t("liveDashboard.stageLabel")}</strong> {t(`liveDashboard.stages.${reduction.stage}`)}
            {reduction.agreement && (
              <>
                {" · "}
                {t("liveDashboard.agreement", { agreed: n(reduction.agreement.agreed_present), present: n(reduction.agreement.present), needed: n(reduction.agreement.needed) })}
              </>
            )}
          </p>
          {reduction.stage === "scoring" && (
            <p data-testid={`scored-${row.number}`}>
              {t("liveDashboard.scored", {
                scored: n(new Set(reduction.scores.flatMap((s) => s.scores.map((m) => m.participant_id))).size),
                members: n(reduction.members.length),
              })}
            </p>
          )}
          {reduction.shortlist.length > 0 && (
            <>
              <p className="ld-reduction__h">{t("liveDashboard.shortlist")}</p>
              <ol className="ld-shortlist">
                {reduction.shortlist.map((s) => (
                  <li key={s.idea_id}>
                    {s.text} <span className="muted">({t("liveDashboard.dots", { count: s.dots, n: n(s.dots) })})</span>
                  </li>
                ))}
              </ol>
            </>
          )}
          {reduction.choice && (
            <p className="ld-choice" data-testid={`choice-${row.number}`}>
              <strong>{t("liveDashboard.choice")}</strong> {reduction.choice.text}{" "}
              <span className="muted">({t(`liveDashboard.decidedBy.${reduction.choice.decided_by}`)})</span>
            </p>
          )}
          {canClose && stage && CLOSABLE.has(stage) && (
            <>
              <Button variant="secondary" onClick={() => setClosing(true)} data-testid={`close-round-${row.number}`}>
                {t("liveDashboard.close.button", { stage: t(`liveDashboard.stages.${stage}`), table: label })}
              </Button>
              <CloseRoundDialog
                sessionId={sessionId}
                tableId={row.table_id}
                tableLabel={label}
                stage={stage as ClosableStage}
                isOpen={closing}
                onClose={() => setClosing(false)}
              />
            </>
          )}
        </div>
      )}
    </li>
  );
}
