import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useMovePresenter, usePresenter, useTablePitch, useTableStoryboard, type PresenterAction } from "../../api/pitches";
import { problemMessage } from "../../api/problem";
import { useSession } from "../../api/sessions";
import { Button } from "../../ui/Button";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { PitchView } from "../pitches/PitchView";
import { StoryboardFrames } from "./StoryboardFrames";
import "./presenter.css";

const FORWARD = new Set(["ArrowRight", "PageDown"]);
const BACK = new Set(["ArrowLeft", "PageUp"]);

/** Is the key press meant for a form control rather than for moving between tables? */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** `/sessions/:id/present`: each table's storyboard and pitch on the projector, in turn. */
export default function PresenterPage() {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  const session = useSession(sessionId, 15_000);
  const presenter = usePresenter(sessionId);
  const move = useMovePresenter(sessionId);
  const state = presenter.data;
  const table = state?.running ? state.table : null;
  const pitch = useTablePitch(sessionId, table?.id);
  const storyboard = useTableStoryboard(sessionId, table?.id);
  const [error, setError] = useState<string | null>(null);
  const atStart = !state?.position || state.position <= 1;
  const atEnd = !state?.position || state.position >= state.total;

  function act(action: PresenterAction["action"]) {
    if (move.isPending) return;
    if ((action === "next" && atEnd) || (action === "previous" && atStart)) return;
    setError(null);
    move.mutate({ action }, { onError: (err) => setError(problemMessage(t, err)) });
  }

  useEffect(() => {
    document.title = `${t("presenter.title")} · Cyd`;
  }, [t]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!table || typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (FORWARD.has(e.key)) {
        e.preventDefault();
        act("next");
      } else if (BACK.has(e.key)) {
        e.preventDefault();
        act("previous");
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const position = table && state ? t("presenter.position", { number: table.number, position: state.position, total: state.total }) : "";

  return (
    <div className="presenter">
      <header className="presenter__bar actions">
        <Link className="button button--quiet" to={`/sessions/${sessionId}/pitches`}>
          {t("presenter.exit")}
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main" className="presenter__main">
        <h1 className="visually-hidden">{t("presenter.title")}</h1>
        {presenter.isPending && <Loading />}
        {presenter.isError && <ErrorNotice error={presenter.error} />}
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="presenter-announcer">
          {table && state ? t("presenter.announce", { number: table.number, position: state.position, total: state.total }) : state ? t("presenter.stopped") : ""}
        </p>
        {state && !table && (
          <Notice>
            <p>{t("presenter.notRunning")}</p>
            {session.data && session.data.phase !== "pitch" && <p>{t("presenter.phaseNote")}</p>}
          </Notice>
        )}
        {table && (
          <>
            <h2 className="presenter__position" data-testid="presenter-position">
              {position}
              {table.name ? ` · ${table.name}` : ""}
            </h2>
            {pitch.data?.idea && <p className="presenter__idea">{pitch.data.idea.text}</p>}
            <div className="presenter__grid">
              <section aria-labelledby="presenter-storyboard">
                <h2 id="presenter-storyboard">{t("presenter.storyboard")}</h2>
                <StoryboardFrames storyboard={storyboard.data} />
              </section>
              <section aria-labelledby="presenter-pitch" data-testid="presenter-pitch">
                <h2 id="presenter-pitch">{t("presenter.pitch")}</h2>
                {pitch.data?.pitch ? <PitchView pitch={pitch.data.pitch} idPrefix="presented" /> : <p className="muted">{t("presenter.noPitch")}</p>}
              </section>
            </div>
          </>
        )}
        {error && (
          <Notice tone="error" live>
            <p>{error}</p>
          </Notice>
        )}
      </main>
      <nav className="presenter__controls actions" aria-label={t("presenter.controls")}>
        {!table ? (
          <Button onClick={() => act("start")} aria-disabled={move.isPending || undefined} data-testid="presenter-start">
            {t("presenter.start")}
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={() => act("previous")} aria-disabled={atStart || move.isPending || undefined} data-testid="presenter-previous">
              <span aria-hidden="true">← </span>
              {t("presenter.previous")}
            </Button>
            <Button onClick={() => act("next")} aria-disabled={atEnd || move.isPending || undefined} data-testid="presenter-next">
              {t("presenter.next")}
              <span aria-hidden="true"> →</span>
            </Button>
            <Button variant="quiet" onClick={() => act("stop")} data-testid="presenter-stop">
              {t("presenter.stop")}
            </Button>
          </>
        )}
        <p className="presenter__keys muted">{t("presenter.keys")}</p>
      </nav>
    </div>
  );
}
