import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useIdeasTimeline, useSessionProgress, useTableReductions } from "../../api/dashboard";
import { useFacilitatorStream } from "../../api/facilitatorLive";
import { PHASES } from "../../api/types";
import { currentLanguage } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { Checkbox } from "../../ui/Choice";
import { Countdown } from "../../ui/Countdown";
import { ErrorNotice, Loading } from "../../ui/Status";
import { useSessionContext } from "../sessions/SessionLayout";
import "./dashboard.css";
import { ExportLinks } from "./ExportLinks";
import { IdeasChart } from "./IdeasChart";
import { paceByTable } from "./pace";
import { ReductionSettingsCard } from "./ReductionSettingsCard";
import { StreamStatus } from "./StreamStatus";
import { TableCard } from "./TableCard";

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

/** The facilitator's live view of every table: progress, pace, presence, reduction, timer. */
export default function LiveDashboardPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const session = useSessionContext();
  const sid = session.id;
  const stream = useFacilitatorStream(sid);
  const progress = useSessionProgress(sid);
  const timeline = useIdeasTimeline(sid);
  const now = useNow(30_000);
  const [attentionOnly, setAttentionOnly] = useState(false);
  const tables = progress.data?.tables ?? [];
  const tableIds = useMemo(() => tables.map((r) => r.table_id), [tables]);
  const phaseIndex = PHASES.indexOf(session.phase);
  const reduceIndex = PHASES.indexOf("reduce");
  const ideating = session.phase === "ideate";
  const showReduction = phaseIndex >= reduceIndex;
  const reductions = useTableReductions(sid, tableIds, showReduction);
  const pace = useMemo(() => paceByTable(tables, ideating), [tables, ideating]);
  const n = (x: number) => formatNumber(x, lang);

  const stuck = tables.filter((r) => pace.get(r.table_id) === "stuck");
  const behind = tables.filter((r) => pace.get(r.table_id) === "behind");
  const shown = attentionOnly ? tables.filter((r) => pace.get(r.table_id) === "stuck" || pace.get(r.table_id) === "behind") : tables;
  const chosen = reductions.filter((q) => q.data?.choice).length;

  return (
    <div className="live-dash">
      <h2 className="visually-hidden">{t("liveDashboard.heading")}</h2>
      <section className="card ld-status" aria-labelledby="ld-status-h">
        <h2 id="ld-status-h" className="visually-hidden">
          {t("liveDashboard.statusHeading")}
        </h2>
        <div>
          <p className="stat">{t("session.currentPhase", { phase: t(`phases.${session.phase}`) })}</p>
          <StreamStatus state={stream} />
        </div>
        <Countdown timer={session.timer} />
        <dl className="ld-totals">
          <div>
            <dt>{t("liveDashboard.totalIdeas")}</dt>
            <dd data-testid="total-ideas">{n(progress.data?.total ?? 0)}</dd>
          </div>
          <div>
            <dt>{t("liveDashboard.tablesCount")}</dt>
            <dd>{n(tables.length)}</dd>
          </div>
          {ideating && (
            <div>
              <dt>{t("liveDashboard.needAttention")}</dt>
              <dd data-testid="attention-summary">{t("liveDashboard.attention", { stuck: n(stuck.length), behind: n(behind.length) })}</dd>
            </div>
          )}
          {showReduction && (
            <div>
              <dt>{t("liveDashboard.chosenCount")}</dt>
              <dd data-testid="chosen-summary">{t("liveDashboard.chosenOf", { chosen: n(chosen), total: n(tables.length) })}</dd>
            </div>
          )}
        </dl>
      </section>

      <section aria-labelledby="ld-tables-h">
        <div className="page__head">
          <h2 id="ld-tables-h">{t("liveDashboard.tablesHeading")}</h2>
          {ideating && tables.length > 0 && <Checkbox id="ld-attention" label={t("liveDashboard.attentionOnly")} checked={attentionOnly} onChange={setAttentionOnly} />}
        </div>
        {progress.isPending && <Loading />}
        {progress.isError && <ErrorNotice error={progress.error} />}
        {progress.data && tables.length === 0 && <p className="muted">{t("liveDashboard.noTables")}</p>}
        {attentionOnly && shown.length === 0 && tables.length > 0 && <p>{t("liveDashboard.allOk")}</p>}
        <ul className="ld-tables" data-testid="table-cards">
          {shown.map((row) => {
            const reduction = showReduction ? reductions[tableIds.indexOf(row.table_id)]?.data : undefined;
            return (
              <TableCard
                key={row.table_id}
                sessionId={sid}
                row={row}
                pace={pace.get(row.table_id) ?? "ok"}
                reduction={reduction}
                showReduction={showReduction}
                canClose={session.phase === "reduce" && !session.archived}
              />
            );
          })}
        </ul>
      </section>

      <div className="ld-side">
        {timeline.isError ? <ErrorNotice error={timeline.error} /> : <IdeasChart timeline={timeline.data} now={now} />}
        {phaseIndex <= reduceIndex && <ReductionSettingsCard sessionId={sid} disabled={session.archived} />}
        <ExportLinks sessionId={sid} />
      </div>
    </div>
  );
}
