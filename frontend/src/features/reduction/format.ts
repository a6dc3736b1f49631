import type { TFunction } from "i18next";
import type { AgreementPublic, ClosurePublic, IdeaScores, ReductionStage, ReductionState, ScoreValues, ShortlistEntry } from "../../api/reduction";
import { ApiError, problemMessage } from "../../api/problem";
import type { Language } from "../../i18n";
import { pickText } from "../../lib/format";

export const CRITERIA = ["desirability", "feasibility", "viability"] as const;
export type Criterion = (typeof CRITERIA)[number];

/** The steps a table goes through, for the progress list (the run-off only when there is one). */
export function stagesShown(state: Pick<ReductionState, "stage" | "runoff" | "closures">): ReductionStage[] {
  const hadRunoff = state.stage === "runoff" || state.runoff !== null || state.closures.some((c) => c.stage === "runoff");
  return hadRunoff ? ["voting", "runoff", "scoring", "choosing", "chosen"] : ["voting", "scoring", "choosing", "chosen"];
}

/** "4 of 6 present agree; 4 needed" (or "... have confirmed ..." when choosing). */
export function majorityText(t: TFunction, agreement: Pick<AgreementPublic, "agreed_present" | "present" | "needed">, confirm = false): string {
  return t(confirm ? "reduction.agree.confirmCount" : "reduction.agree.count", {
    agreed: agreement.agreed_present,
    present: agreement.present,
    needed: agreement.needed,
  });
}

/** How a shortlist place was decided, in words. */
export function decidedByKey(decidedBy: ShortlistEntry["decided_by"]): string {
  return `reduction.decidedBy.${decidedBy}`;
}

/** One line of the record: how a round was closed (by a majority, or by a facilitator when time was up). */
export function closureText(t: TFunction, closure: ClosurePublic): string {
  const stage = t(`reduction.stages.${closure.stage}`);
  if (closure.decided_by === "facilitator") {
    return closure.closed_by_name
      ? t("reduction.closure.facilitatorNamed", { stage, name: closure.closed_by_name })
      : t("reduction.closure.facilitator", { stage });
  }
  return t("reduction.closure.majority", { stage, agreed: closure.agreed_by.length, present: closure.present });
}

/** The tie-break rule as the session states it, in the UI language (else a built-in wording). */
export function tieBreakText(t: TFunction, settings: ReductionState["settings"], lang: Language): string {
  return pickText(settings.tie_break_text, lang) || t(`reduction.tieBreak.${settings.tie_break}`);
}

/** A short form of an idea's text for buttons' accessible names. */
export function shortIdea(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** My own scores for an idea, if I gave any. */
export function myScores(idea: IdeaScores | undefined, meId: string | undefined): ScoreValues | null {
  const mine = idea?.scores.find((s) => s.participant_id === meId);
  return mine ? { desirability: mine.desirability, feasibility: mine.feasibility, viability: mine.viability } : null;
}

/** A problem from a reduction write, in the UI language: our codes first, then the shared ones. */
export function reductionProblem(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const translated = t(`reduction.problems.${error.code}`, { defaultValue: "" });
    if (translated) return translated;
  }
  return problemMessage(t, error);
}

/** A display name for a member id: "you" for me. */
export function nameOf(t: TFunction, state: Pick<ReductionState, "members">, id: string | null | undefined, meId: string | undefined): string {
  if (!id) return t("reduction.someone");
  if (id === meId) return t("reduction.you");
  return state.members.find((m) => m.participant_id === id)?.display_name || t("reduction.someone");
}
