import type { QueryClient } from "@tanstack/react-query";
import { combinationKeys } from "./combinations";
import { pitchKeys } from "./pitches";
import { myStoryboardKey, sessionStoryboardsKey } from "./storyboards";
import type { EventEnvelope, EventKind } from "./types";

/** The live events of storyboards, pitches, the presenter and cross-table combinations. */
export const JOURNEY_KINDS: EventKind[] = [
  "storyboard.updated",
  "pitch.saved",
  "pitch.responded",
  "pitch.replied",
  "presenter.changed",
  "combination.drafted",
  "combination.support_changed",
  "combination.proposed",
  "combination.voted",
  "combination.decided",
  "combination.withdrawn",
];

/** Refetch what one of those events changed, for a participant. True when it was one of them. */
export function applyJourneyEventForParticipant(qc: QueryClient, event: EventEnvelope): boolean {
  const refetch = (queryKey: readonly unknown[]) => void qc.invalidateQueries({ queryKey });
  switch (event.kind) {
    case "storyboard.updated":
      refetch(myStoryboardKey);
      return true;
    case "pitch.saved":
    case "pitch.responded":
    case "pitch.replied":
      refetch(pitchKeys.mine);
      refetch(pitchKeys.others);
      refetch(["participant", "pitch-responses"]);
      return true;
    case "presenter.changed":
      refetch(pitchKeys.presenter);
      return true;
    case "combination.drafted":
    case "combination.support_changed":
    case "combination.proposed":
    case "combination.voted":
    case "combination.decided":
    case "combination.withdrawn":
      refetch(combinationKeys.mine);
      refetch(combinationKeys.candidates);
      return true;
    default:
      return false;
  }
}

/** The same for a facilitator's screens of session `sid`. */
export function applyJourneyEventForFacilitator(qc: QueryClient, sid: string, event: EventEnvelope): boolean {
  const refetch = (queryKey: readonly unknown[]) => void qc.invalidateQueries({ queryKey });
  switch (event.kind) {
    case "storyboard.updated":
      refetch(sessionStoryboardsKey(sid));
      refetch(["facilitator", sid, "storyboard"]);
      return true;
    case "pitch.saved":
    case "pitch.responded":
    case "pitch.replied":
      refetch(pitchKeys.session(sid));
      refetch(["facilitator", sid, "pitch"]);
      refetch(["facilitator", sid, "pitch-responses"]);
      return true;
    case "presenter.changed":
      refetch(pitchKeys.sessionPresenter(sid));
      return true;
    case "combination.drafted":
    case "combination.support_changed":
    case "combination.proposed":
    case "combination.voted":
    case "combination.decided":
    case "combination.withdrawn":
      refetch(combinationKeys.session(sid));
      return true;
    default:
      return false;
  }
}
