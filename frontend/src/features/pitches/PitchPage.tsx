import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyParticipant } from "../../api/participants";
import { useMyPitch, usePitchResponses } from "../../api/pitches";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { NotJoined } from "../participants/NotJoined";
import { ParticipantNav } from "../participants/ParticipantNav";
import { PhaseBar } from "../participants/PhaseBar";
import { NowPresenting } from "./NowPresenting";
import { PitchEditor } from "./PitchEditor";
import { PitchView } from "./PitchView";
import { ResponsesList } from "./ResponsesList";
import "./pitches.css";

/** `/me/pitch`: the table writes its pitch and reads (and answers) the responses to it. */
export default function PitchPage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const seated = Boolean(me.data?.table_id);
  const mine = useMyPitch(seated);
  const pitch = mine.data?.pitch;
  const responses = usePitchResponses(pitch?.id);
  const [spoken, setSpoken] = useState("");
  const say = useCallback((text: string) => setSpoken((old) => (old === text ? `${text} ` : text)), []);

  if (me.isPending) return <Loading />;
  if (!me.data) return <NotJoined title={t("pitches.title")} />;
  const data = mine.data;

  return (
    <Page title={t("pitches.title")} lead={t("pitches.lead")}>
      <ParticipantNav />
      <PhaseBar />
      <NowPresenting myTableId={me.data.table_id} />
      {!seated && (
        <Notice>
          <p>{t("myTable.notSeated")}</p>
        </Notice>
      )}
      {seated && mine.isPending && <Loading />}
      {mine.isError && !data && <ErrorNotice error={mine.error} />}
      {data && !data.idea && (
        <Notice>
          <p>{t("pitches.noIdea")}</p>
        </Notice>
      )}
      {data?.idea && (
        <>
          <section className="card pitch-idea" aria-labelledby="pitch-idea-title">
            <h2 id="pitch-idea-title">{t("pitches.yourIdea")}</h2>
            <p className="pitch-idea__text" data-testid="pitch-idea">
              {data.idea.text}
            </p>
          </section>
          {data.writable ? (
            <PitchEditor key={data.idea.id} pitch={pitch} say={say} />
          ) : (
            <>
              <Notice>
                <p>{t("pitches.readOnly")}</p>
              </Notice>
              {pitch && (
                <section className="card" aria-labelledby="mine-what">
                  <PitchView pitch={pitch} headingLevel={2} idPrefix="mine" />
                </section>
              )}
            </>
          )}
        </>
      )}
      {pitch && (
        <section className="card" aria-labelledby="to-yours-title">
          <h2 id="to-yours-title">{t("pitches.responses.toYours")}</h2>
          <ResponsesList pitchId={pitch.id} responses={responses.data} canReply={me.data.table_id !== null} say={say} />
        </section>
      )}
      <p>
        <Link to="/me/pitches" data-testid="other-pitches-link">
          {t("pitches.others.link")}
        </Link>
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="pitch-announcer">
        {spoken}
      </p>
    </Page>
  );
}
