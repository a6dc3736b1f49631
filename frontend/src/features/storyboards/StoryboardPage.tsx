import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMyParticipant } from "../../api/participants";
import { useMyStoryboard } from "../../api/storyboards";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { NotJoined } from "../participants/NotJoined";
import { ParticipantNav } from "../participants/ParticipantNav";
import { PhaseBar } from "../participants/PhaseBar";
import { PrintButton } from "./PrintButton";
import { StoryboardEditor } from "./StoryboardEditor";
import "./storyboards.css";

/** `/me/storyboard`: the table's chosen idea walked through in frames, from entry to completion. */
export default function StoryboardPage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const seated = Boolean(me.data?.table_id);
  const storyboard = useMyStoryboard(seated);
  const [spoken, setSpoken] = useState("");
  // The same words twice would not be read again: alternate a trailing space.
  const say = useCallback((text: string) => setSpoken((old) => (old === text ? `${text} ` : text)), []);

  if (me.isPending) return <Loading />;
  if (!me.data) return <NotJoined title={t("storyboards.title")} />;
  const board = storyboard.data;

  return (
    <Page title={t("storyboards.title")} lead={t("storyboards.lead")} actions={board && board.frames.length > 0 ? <PrintButton /> : undefined}>
      <ParticipantNav />
      <PhaseBar />
      {!seated && (
        <Notice>
          <p>{t("myTable.notSeated")}</p>
        </Notice>
      )}
      {seated && storyboard.isPending && <Loading />}
      {storyboard.isError && !board && <ErrorNotice error={storyboard.error} />}
      {board && !board.idea && (
        <Notice>
          <p>{t("storyboards.notChosen")}</p>
        </Notice>
      )}
      {board?.idea && (
        <>
          <section className="card sb-idea" aria-labelledby="sb-idea-title">
            <h2 id="sb-idea-title">{t("storyboards.idea")}</h2>
            <p className="sb-idea__text" data-testid="storyboard-idea">
              {board.idea.text}
            </p>
          </section>
          {!board.writable && (
            <Notice>
              <p>{t("storyboards.readOnly")}</p>
            </Notice>
          )}
          <StoryboardEditor board={board} say={say} />
        </>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="storyboard-announcer">
        {spoken}
      </p>
    </Page>
  );
}
