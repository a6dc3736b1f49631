import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyParticipant, useMySession } from "../../api/participants";
import { useOtherPitches, usePitchResponses, type PitchPublic } from "../../api/pitches";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { NotJoined } from "../participants/NotJoined";
import { ParticipantNav } from "../participants/ParticipantNav";
import { PhaseBar } from "../participants/PhaseBar";
import { NowPresenting } from "./NowPresenting";
import { PitchView } from "./PitchView";
import { RespondForm } from "./RespondForm";
import { ResponsesList } from "./ResponsesList";
import "./pitches.css";

function OtherPitch({ pitch, open, say }: { pitch: PitchPublic; open: boolean; say: (text: string) => void }) {
  const { t } = useTranslation();
  const responses = usePitchResponses(pitch.id);
  const titleId = `pitch-${pitch.id}-title`;
  return (
    <li>
      <article className="card pitch-card" aria-labelledby={titleId} data-testid="other-pitch" data-table-number={pitch.table.number}>
        <h2 id={titleId}>
          {t("pitches.tableName", { number: pitch.table.number })}
          {pitch.table.name ? `: ${pitch.table.name}` : ""}
        </h2>
        <p className="pitch-idea__text">{pitch.idea.text}</p>
        <PitchView pitch={pitch} idPrefix={`pitch-${pitch.id}`} />
        <h3>{t("pitches.responses.title")}</h3>
        <ResponsesList pitchId={pitch.id} responses={responses.data} />
        {open ? <RespondForm pitchId={pitch.id} tableNumber={pitch.table.number} say={say} /> : <p className="muted">{t("pitches.respond.closed")}</p>}
      </article>
    </li>
  );
}

/** `/me/pitches`: other tables' pitches, to answer with offers of help, questions, suggestions. */
export default function OtherPitchesPage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const seated = Boolean(me.data?.table_id);
  const session = useMySession(Boolean(me.data));
  const pitches = useOtherPitches(seated);
  const [spoken, setSpoken] = useState("");
  const say = useCallback((text: string) => setSpoken((old) => (old === text ? `${text} ` : text)), []);

  if (me.isPending) return <Loading />;
  if (!me.data) return <NotJoined title={t("pitches.others.title")} />;
  const open = session.data?.phase === "pitch";

  return (
    <Page title={t("pitches.others.title")} lead={t("pitches.others.lead")}>
      <ParticipantNav />
      <PhaseBar />
      <NowPresenting myTableId={me.data.table_id} />
      <p>
        <Link to="/me/pitch">{t("pitches.others.back")}</Link>
      </p>
      {!seated && (
        <Notice>
          <p>{t("myTable.notSeated")}</p>
        </Notice>
      )}
      {seated && pitches.isPending && <Loading />}
      {pitches.isError && <ErrorNotice error={pitches.error} />}
      {pitches.data && pitches.data.length === 0 && <p className="muted">{t("pitches.others.none")}</p>}
      {pitches.data && pitches.data.length > 0 && (
        <ul className="plain-list pitch-list">
          {pitches.data.map((p) => (
            <OtherPitch key={p.id} pitch={p} open={open} say={say} />
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="pitches-announcer">
        {spoken}
      </p>
    </Page>
  );
}
