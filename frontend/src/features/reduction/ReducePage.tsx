import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyParticipant } from "../../api/participants";
import { useReduction } from "../../api/reduction";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { NotJoined } from "../participants/NotJoined";
import { ParticipantNav } from "../participants/ParticipantNav";
import { PhaseBar } from "../participants/PhaseBar";
import { ChoosingStage, ChosenStage } from "./ChoosingStage";
import { RecordCard, RulesCard, StageProgress, type StageProps } from "./parts";
import { RunoffStage } from "./RunoffStage";
import { ScoringStage } from "./ScoringStage";
import { VotingStage } from "./VotingStage";
import "./reduction.css";

/** `/me/reduce`: the table goes from its ideas to a shortlist of 3, scores them and chooses one. */
export default function ReducePage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const seated = Boolean(me.data?.table_id);
  const reduction = useReduction(seated);
  const [spoken, setSpoken] = useState("");
  // The same words twice would not be read again: alternate a trailing space.
  const say = useCallback((text: string) => setSpoken((old) => (old === text ? `${text} ` : text)), []);

  if (me.isPending) return <Loading />;
  if (!me.data) return <NotJoined title={t("reduction.title")} />;

  const state = reduction.data;
  const props: StageProps | null = state ? { state, writable: state.phase_open && state.me !== null, say } : null;
  const early = state ? state.stage === "voting" || state.stage === "runoff" : false;

  return (
    <Page title={t("reduction.title")} lead={t("reduction.lead")}>
      <ParticipantNav />
      <PhaseBar />
      {!seated && (
        <Notice>
          <p>{t("myTable.notSeated")}</p>
        </Notice>
      )}
      {seated && reduction.isPending && <Loading />}
      {reduction.isError && !state && <ErrorNotice error={reduction.error} />}
      {state && props && (
        <div className="reduce" data-testid="reduce" data-stage={state.stage}>
          {early && <RulesCard state={state} />}
          <StageProgress state={state} />
          {!state.phase_open && (
            <Notice>
              <p>{t("reduction.phaseClosed")}</p>
            </Notice>
          )}
          {state.phase_open && !state.me && (
            <Notice>
              <p>{t("reduction.notMember")}</p>
            </Notice>
          )}
          {state.stage === "voting" && <VotingStage {...props} />}
          {state.stage === "runoff" && <RunoffStage {...props} />}
          {state.stage === "scoring" && <ScoringStage {...props} />}
          {state.stage === "choosing" && <ChoosingStage {...props} />}
          {state.stage === "chosen" && <ChosenStage {...props} />}
          <RecordCard state={state} showRule={!early} />
          {early && (
            <p className="reduce-board">
              {t("reduction.boardHint")} <Link to="/me/board">{t("reduction.boardLink")}</Link>
            </p>
          )}
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="reduce-announcer">
        {spoken}
      </p>
    </Page>
  );
}
