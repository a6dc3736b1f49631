import { useTranslation } from "react-i18next";
import { useSessionStoryboards, type Storyboard } from "../../api/storyboards";
import { ErrorNotice, Loading } from "../../ui/Status";
import { useSessionContext } from "../sessions/SessionLayout";
import { FrameView } from "./FrameView";
import { PrintButton } from "./PrintButton";
import "./storyboards.css";

/** `/sessions/:id/storyboards`: every table's storyboard, by table number, ready to print. */
export default function SessionStoryboardsPage() {
  const { t } = useTranslation();
  const session = useSessionContext();
  const storyboards = useSessionStoryboards(session.id);

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
  const name = board.table_name
    ? t("storyboards.facilitator.tableNamed", { number: board.table_number, name: board.table_name })
    : t("storyboards.facilitator.table", { number: board.table_number });
  const headingId = `sb-table-${board.table_id}`;
  return (
    <section className="sb-table" aria-labelledby={headingId} data-testid="table-storyboard">
      <h2 id={headingId}>
        {name} <span className="muted sb-table__count">({t("storyboards.facilitator.frames", { count: board.frames.length })})</span>
      </h2>
      {board.idea ? <p className="sb-idea__text">{board.idea.text}</p> : <p className="muted">{t("storyboards.facilitator.noIdea")}</p>}
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
