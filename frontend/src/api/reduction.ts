import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { api } from "./client";
import { ApiError, unwrap } from "./problem";
import type { EventEnvelope } from "./types";

type S = components["schemas"];
export type ReductionState = S["ReductionState"];
export type ReductionStage = S["ReductionStage"];
export type ShortlistEntry = S["ShortlistEntry"];
export type TallyEntry = S["TallyEntry"];
export type IdeaScores = S["IdeaScores"];
export type AgreementPublic = S["AgreementPublic"];
export type ClosurePublic = S["ClosurePublic"];
export type ScoreValues = S["ScoreUpdate"];

export const reductionKey = ["participant", "reduction"] as const;

/** Every write carries the key made when the person acted; a retry reuses it (never a second vote). */
interface Keyed {
  key: string;
}

/** Retry only when the request may not have arrived (no answer at all). */
const retryNetwork = (count: number, err: unknown) => err instanceof ApiError && err.status === 0 && count < 3;
const retryDelay = (n: number) => Math.min(8000, 1000 * 2 ** n);

export function useReduction(enabled = true) {
  return useQuery({
    queryKey: reductionKey,
    queryFn: () => unwrap(api.GET("/api/v1/me/table/reduction")),
    enabled,
    // The live stream keeps this fresh; a slow poll covers a stream that cannot connect.
    refetchInterval: 30_000,
  });
}

function setState(qc: QueryClient, state: ReductionState) {
  qc.setQueryData(reductionKey, state);
}

function patch(qc: QueryClient, fn: (s: ReductionState) => ReductionState) {
  qc.setQueryData<ReductionState>(reductionKey, (old) => (old ? fn(old) : old));
}

/** My dots on one idea and the idea's dots, as a vote receipt says. */
function applyReceipt(qc: QueryClient, r: { idea_id: string; my_dots: number; idea_dots: number; dots_left: number }) {
  patch(qc, (s) => {
    const votes = { ...(s.me?.votes ?? {}) };
    if (r.my_dots > 0) votes[r.idea_id] = r.my_dots;
    else delete votes[r.idea_id];
    return {
      ...s,
      me: s.me ? { ...s.me, votes, dots_left: r.dots_left, dots_used: s.settings.dot_budget - r.dots_left } : s.me,
      tally: s.tally.map((e) => (e.idea_id === r.idea_id ? { ...e, dots: r.idea_dots } : e)),
    };
  });
}

export interface DotChange extends Keyed {
  ideaId: string;
  /** My dots on the idea from now on (0 takes them all back). */
  dots: number;
}

/** Set my dots on one idea to a count: one write, and a retry of it sets the same count again. */
export function useSetDots() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ ideaId, dots, key }: DotChange) =>
      unwrap(
        api.PUT("/api/v1/me/table/votes/{idea_id}", {
          params: { path: { idea_id: ideaId }, header: { "Idempotency-Key": key } },
          body: { dots },
        }),
      ),
    retry: retryNetwork,
    retryDelay,
    onSuccess: (receipt) => applyReceipt(qc, receipt),
    onError: () => void qc.invalidateQueries({ queryKey: reductionKey }),
  });
}

export type ClosableStage = "voting" | "runoff" | "scoring";

/** "I agree to close this round": the answer is the table's whole state. */
export function useAgreeToClose() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ stage, key }: Keyed & { stage: ClosableStage }) => {
      const init = { params: { header: { "Idempotency-Key": key } } };
      if (stage === "voting") return unwrap(api.POST("/api/v1/me/table/votes/close", init));
      if (stage === "runoff") return unwrap(api.POST("/api/v1/me/table/runoff-votes/close", init));
      return unwrap(api.POST("/api/v1/me/table/scores/close", init));
    },
    retry: retryNetwork,
    retryDelay,
    onSuccess: (state) => setState(qc, state),
    onError: () => void qc.invalidateQueries({ queryKey: reductionKey }),
  });
}

/** "I no longer agree to close this round" (or no longer confirm the proposal). */
export function useWithdrawAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ stage, key }: Keyed & { stage: ClosableStage | "choosing" }) =>
      unwrap(
        api.DELETE("/api/v1/me/table/agreements/{stage}", {
          params: { path: { stage }, header: { "Idempotency-Key": key } },
        }),
      ),
    retry: retryNetwork,
    retryDelay,
    onSuccess: (state) => setState(qc, state),
    onError: () => void qc.invalidateQueries({ queryKey: reductionKey }),
  });
}

export function useRunoffVote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ ideaId, key }: Keyed & { ideaId: string }) =>
      unwrap(api.POST("/api/v1/me/table/runoff-votes", { params: { header: { "Idempotency-Key": key } }, body: { idea_id: ideaId } })),
    retry: retryNetwork,
    retryDelay,
    onSuccess: (state) => setState(qc, state),
    onError: () => void qc.invalidateQueries({ queryKey: reductionKey }),
  });
}

export function useScore() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ ideaId, values, key }: Keyed & { ideaId: string; values: ScoreValues }) =>
      unwrap(
        api.PUT("/api/v1/me/table/scores/{idea_id}", {
          params: { path: { idea_id: ideaId }, header: { "Idempotency-Key": key } },
          body: values,
        }),
      ),
    retry: retryNetwork,
    retryDelay,
    // Everyone's scores and the totals change: the table's state is fetched again.
    onSettled: () => qc.invalidateQueries({ queryKey: reductionKey }),
  });
}

export function useChoice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ ideaId, action, key }: Keyed & { ideaId: string; action: "propose" | "confirm" }) => {
      const init = { params: { header: { "Idempotency-Key": key } }, body: { idea_id: ideaId } };
      return action === "propose"
        ? unwrap(api.POST("/api/v1/me/table/choice/propose", init))
        : unwrap(api.POST("/api/v1/me/table/choice/confirm", init));
    },
    retry: retryNetwork,
    retryDelay,
    onSuccess: (state) => setState(qc, state),
    onError: () => void qc.invalidateQueries({ queryKey: reductionKey }),
  });
}

/* The live stream */

let refetchTimer: ReturnType<typeof setTimeout> | undefined;

/** Refetch soon, once for a burst of events (a table voting fast). */
function refreshSoon(qc: QueryClient, delayMs = 400) {
  if (refetchTimer !== undefined) return;
  refetchTimer = setTimeout(() => {
    refetchTimer = undefined;
    void qc.invalidateQueries({ queryKey: reductionKey });
  }, delayMs);
}

/**
 * Brings the table's reduction up to date with one of its events: the tally is patched at once
 * (everyone sees the dots move), the rest is fetched again. Returns what is worth saying aloud.
 */
export function applyReductionEvent(qc: QueryClient, event: EventEnvelope): string | null {
  switch (event.kind) {
    case "vote.tallied": {
      const dots = new Map(event.payload.tally.map((e) => [e.idea_id, e.dots]));
      if (event.payload.round === "voting") {
        patch(qc, (s) => ({ ...s, tally: s.tally.map((e) => (dots.has(e.idea_id) ? { ...e, dots: dots.get(e.idea_id)! } : e)) }));
      } else {
        patch(qc, (s) =>
          s.runoff
            ? { ...s, runoff: { ...s.runoff, candidates: s.runoff.candidates.map((c) => (dots.has(c.idea_id) ? { ...c, runoff_votes: dots.get(c.idea_id)! } : c)) } }
            : s,
        );
      }
      refreshSoon(qc);
      return null;
    }
    case "reduction.agreed":
      patch(qc, (s) =>
        s.agreement && s.agreement.stage === event.payload.stage
          ? {
              ...s,
              agreement: {
                ...s.agreement,
                agreed_present: event.payload.agreed_present,
                needed: event.payload.needed,
                agreed_by: s.agreement.agreed_by.includes(event.payload.participant_id)
                  ? s.agreement.agreed_by
                  : [...s.agreement.agreed_by, event.payload.participant_id],
              },
            }
          : s,
      );
      refreshSoon(qc);
      return null;
    case "reduction.agreement_withdrawn":
      patch(qc, (s) =>
        s.agreement && s.agreement.stage === event.payload.stage
          ? {
              ...s,
              agreement: {
                ...s.agreement,
                agreed_present: event.payload.agreed_present,
                needed: event.payload.needed,
                agreed_by: s.agreement.agreed_by.filter((id) => id !== event.payload.participant_id),
              },
              me: s.me && s.me.participant_id === event.payload.participant_id ? { ...s.me, agreed: false } : s.me,
            }
          : s,
      );
      refreshSoon(qc);
      return null;
    case "reduction.stage_changed":
      patch(qc, (s) => ({ ...s, stage: event.payload.stage }));
      void qc.invalidateQueries({ queryKey: reductionKey });
      return `reduction:stage:${event.payload.stage}`;
    case "choice.made":
      void qc.invalidateQueries({ queryKey: reductionKey });
      return null;
    case "score.recorded":
    case "choice.proposed":
    case "reduction.settings_changed":
      refreshSoon(qc);
      return null;
    default:
      return null;
  }
}
