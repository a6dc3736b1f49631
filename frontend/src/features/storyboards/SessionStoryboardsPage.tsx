import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useSessionStoryboards, type Storyboard } from "../../api/storyboards";
import { ErrorNotice, Loading } from "../../ui/Status";
import { useSessionContext } from "../sessions/SessionLayout";
import { FrameView } from "./FrameView";
import { PrintButton } from "./PrintButton";
import { TableStoryboardEditor, tableName } from "./TableStoryboardEditor";
import "./storyboards.css";

/** `/sessions/:id/storyboards`: every table's storyboard, by table number, ready to print; with
 * `?table=<id>`, that table's storyboard opened for editing on its behalf. */
export default function SessionStoryboardsPage() {
  const session = useSessionContext();
  const [params] = useSearchParams();
  const tableId = params.get("table");
  if (tableId) return <TableStoryboardEditor key={tableId} sessionId={session.id} tableId={tableId} />;
  return <AllStoryboards sessionId={session.id} />;
}

function AllStoryboards({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const storyboards = useSessionStoryboards(sessionId);

  if (storyboards.isPending) return <Loading />;
  if (storyboards.isError) return <ErrorNotice error={storyboards.error} />;
  const items = storyboards.data.items;

  return (
    <div className="sb-print" data-testid="session-storyboards">
      <div className="sb-head">
        <p className="page__lead">{t("storyboards.facilitator.lead")}</p>
        {items.some((s) => s.frames.length > 0) && <PrintButton />}
      </div>
      {items.length === 0 && <p className="muted">{t("storyboards.facilitator.noTables")}</p>}
      {items.map((board) => (
        <TableStoryboard key={board.table_id} board={board} />
      ))}
    </div>
  );
}

function TableStoryboard({ board }: { board: Storyboard }) {
  const { t } = useTranslation();
  const name = tableName(t, board);
  const headingId = `sb-table-${board.table_id}`;
  return (
    <section className="sb-table" aria-labelledby={headingId} data-testid="table-storyboard">
      <h2 id={headingId}>
        {name} <span className="muted sb-table__count">({t("storyboards.facilitator.frames", { count: board.frames.length })})</span>
      </h2>
      {board.idea ? <p className="sb-idea__text">{board.idea.text}</p> : <p className="muted">{t("storyboards.facilitator.noIdea")}</p>}
      {board.idea && (
        <p className="no-print">
          <Link className="button button--secondary" to={`?table=${board.table_id}`} data-testid="open-table-storyboard">
            {board.writable ? t("storyboards.facilitator.edit", { name }) : t("storyboards.facilitator.open", { name })}
          </Link>
        </p>
      )}
      {board.idea && board.frames.length === 0 && <p className="muted">{t("storyboards.facilitator.noFrames")}</p>}
      {board.frames.length > 0 && (
        <ol className="sb-frames">
          {board.frames.map((frame) => (
            <li key={frame.id}>
              <FrameView frame={frame} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
