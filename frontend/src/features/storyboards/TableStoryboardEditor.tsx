import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useTableStoryboard, type Storyboard, type StoryboardTarget } from "../../api/storyboards";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { StoryboardEditor } from "./StoryboardEditor";
import { StoryboardTargetContext } from "./target";

export function tableName(t: (key: string, values?: Record<string, unknown>) => string, board: Pick<Storyboard, "table_number" | "table_name">): string {
  return board.table_name
    ? t("storyboards.facilitator.tableNamed", { number: board.table_number, name: board.table_name })
    : t("storyboards.facilitator.table", { number: board.table_number });
}

/** A facilitator opens one table's storyboard and adds, edits, reorders or removes frames on the
 * table's behalf, with the editor the table's members use (each change is recorded as theirs). */
export function TableStoryboardEditor({ sessionId, tableId }: { sessionId: string; tableId: string }) {
  const { t } = useTranslation();
  const storyboard = useTableStoryboard(sessionId, tableId);
  const target = useMemo<StoryboardTarget>(() => ({ kind: "table", sessionId, tableId }), [sessionId, tableId]);
  const [spoken, setSpoken] = useState("");
  const say = useCallback((text: string) => setSpoken((old) => (old === text ? `${text} ` : text)), []);
  const heading = useRef<HTMLHeadingElement>(null);
  const board = storyboard.data;
  const loaded = Boolean(board);

  // Opening a table moves focus to its heading, so a screen reader starts there.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, tableId]);

  return (
    <div className="sb-print" data-testid="table-storyboard-editor">
      <p className="no-print">
        <Link to={`/sessions/${sessionId}/storyboards`} data-testid="storyboards-back">
          <span aria-hidden="true">← </span>
          {t("storyboards.facilitator.back")}
        </Link>
      </p>
      {storyboard.isPending && <Loading />}
      {storyboard.isError && !board && <ErrorNotice error={storyboard.error} />}
      {board && (
        <>
          <h2 ref={heading} tabIndex={-1} id="sb-table-title">
            {tableName(t, board)}
          </h2>
          {board.idea ? (
            <p className="sb-idea__text" data-testid="storyboard-idea">
              {board.idea.text}
            </p>
          ) : (
            <p className="muted">{t("storyboards.facilitator.noIdea")}</p>
          )}
          {board.idea && (
            <>
              <Notice>
                <p>{board.writable ? t("storyboards.facilitator.onBehalf") : t("storyboards.readOnly")}</p>
              </Notice>
              <StoryboardTargetContext.Provider value={target}>
                <StoryboardEditor board={board} say={say} />
              </StoryboardTargetContext.Provider>
            </>
          )}
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="storyboard-announcer">
        {spoken}
      </p>
    </div>
  );
}
