import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useSessionPitches, useSessionResponses, type PitchPublic } from "../../api/pitches";
import { ErrorNotice, Loading } from "../../ui/Status";
import { CombinationsOverview } from "../combinations/CombinationsOverview";
import { PitchView } from "./PitchView";
import { ResponsesList } from "./ResponsesList";
import "./pitches.css";

function PitchWithResponses({ sessionId, pitch }: { sessionId: string; pitch: PitchPublic }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const responses = useSessionResponses(sessionId, open ? pitch.id : undefined);
  const titleId = `ov-pitch-${pitch.id}`;
  return (
    <li>
      <article className="card" aria-labelledby={titleId} data-testid="overview-pitch">
        <h3 id={titleId}>
          {t("pitches.tableName", { number: pitch.table.number })}: {pitch.idea.text}
        </h3>
        <PitchView pitch={pitch} headingLevel={3} idPrefix={titleId} />
        <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
          <summary>{t("pitchesAdmin.showResponses", { number: pitch.table.number })}</summary>
          {open && responses.isPending && <Loading />}
          <ResponsesList pitchId={pitch.id} responses={responses.data} />
        </details>
      </article>
    </li>
  );
}

/** `/sessions/:id/pitches`: every table's pitch and responses, combinations, and the presenter. */
export default function PitchesOverviewPage() {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  const pitches = useSessionPitches(sessionId);
  const [spoken, setSpoken] = useState("");
  const say = useCallback((text: string) => setSpoken((old) => (old === text ? `${text} ` : text)), []);

  return (
    <>
      <p>
        <Link className="button button--primary" to={`/sessions/${sessionId}/present`} data-testid="open-presenter">
          {t("presenter.open")}
        </Link>
      </p>
      <section aria-labelledby="overview-pitches">
        <h2 id="overview-pitches">{t("pitchesAdmin.pitches")}</h2>
        {pitches.isPending && <Loading />}
        {pitches.isError && <ErrorNotice error={pitches.error} />}
        {pitches.data && pitches.data.length === 0 && <p className="muted">{t("pitchesAdmin.none")}</p>}
        {pitches.data && pitches.data.length > 0 && (
          <ul className="plain-list pitch-list">
            {pitches.data.map((p) => (
              <PitchWithResponses key={p.id} sessionId={sessionId} pitch={p} />
            ))}
          </ul>
        )}
      </section>
      <CombinationsOverview sessionId={sessionId} say={say} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {spoken}
      </p>
    </>
  );
}
