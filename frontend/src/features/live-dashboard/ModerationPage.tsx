import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSessionIdeas, useSessionProgress, type SessionIdea } from "../../api/dashboard";
import { useFacilitatorStream } from "../../api/facilitatorLive";
import { SelectField } from "../../ui/Field";
import { ErrorNotice, Loading } from "../../ui/Status";
import { useSessionContext } from "../sessions/SessionLayout";
import "./dashboard.css";
import { FlagsSection } from "./FlagsSection";
import { IdeasBrowser } from "./IdeasBrowser";
import { PaperNotesForm } from "./PaperNotesForm";
import { StreamStatus } from "./StreamStatus";
import { tableLabel } from "./TableCard";

/** Safety and ideas: safeguarding flags, hiding ideas with a reason, typing in paper notes. */
export default function ModerationPage() {
  const { t } = useTranslation();
  const session = useSessionContext();
  const sid = session.id;
  const stream = useFacilitatorStream(sid);
  const progress = useSessionProgress(sid);
  const ideas = useSessionIdeas(sid);
  const tables = progress.data?.tables ?? [];
  const [picked, setPicked] = useState("");
  const tableId = picked || tables[0]?.table_id || "";
  const table = tables.find((r) => r.table_id === tableId);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of tables) for (const p of r.members) m.set(p.participant_id, p.display_name);
    return m;
  }, [tables]);
  const labels = useMemo(() => new Map(tables.map((r) => [r.table_id, tableLabel(t, r)])), [tables, t]);
  const ideasById = useMemo(() => new Map((ideas.data ?? []).map((i) => [i.id, i])), [ideas.data]);
  const tableIdeas: SessionIdea[] = useMemo(() => (ideas.data ?? []).filter((i) => i.table_id === tableId), [ideas.data, tableId]);
  const nameOf = (id: string | null | undefined) => (id ? names.get(id) ?? null : null);
  const tableOf = (id: string | null | undefined) => (id ? labels.get(id) ?? null : null);

  return (
    <div className="moderation">
      <StreamStatus state={stream} />
      <FlagsSection sessionId={sid} ideasById={ideasById} nameOf={nameOf} tableOf={tableOf} />
      <section className="card" aria-labelledby="by-table-h">
        <h2 id="by-table-h">{t("moderation.byTableHeading")}</h2>
        {progress.isPending && <Loading />}
        {progress.isError && <ErrorNotice error={progress.error} />}
        {ideas.isError && <ErrorNotice error={ideas.error} />}
        {progress.data && tables.length === 0 && <p className="muted">{t("liveDashboard.noTables")}</p>}
        {table && (
          <>
            <SelectField
              id="mod-table"
              label={t("moderation.pickTable")}
              value={tableId}
              onChange={setPicked}
              options={tables.map((r) => ({ value: r.table_id, label: tableLabel(t, r) }))}
            />
            <div className="ld-side">
              <div>
                <IdeasBrowser key={tableId} sessionId={sid} ideas={tableIdeas} nameOf={nameOf} />
              </div>
              <div>
                <PaperNotesForm key={tableId} sessionId={sid} tableId={tableId} tableLabel={tableLabel(t, table)} members={table.members} />
              </div>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
