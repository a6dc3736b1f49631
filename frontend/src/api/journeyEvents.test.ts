import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { combinationKeys } from "./combinations";
import { applyJourneyEventForFacilitator, applyJourneyEventForParticipant } from "./journeyEvents";
import { pitchKeys } from "./pitches";
import { myStoryboardKey } from "./storyboards";
import type { EventEnvelope } from "./types";

const event = (kind: string) => ({ kind, seq: 1, payload: {} }) as unknown as EventEnvelope;

function cacheWith(...keys: (readonly unknown[])[]): QueryClient {
  const qc = new QueryClient();
  for (const key of keys) qc.setQueryData(key, {});
  return qc;
}

describe("journey events on a phone", () => {
  it("refetch the table's storyboard, pitches, presenter and combinations", () => {
    const qc = cacheWith(myStoryboardKey, pitchKeys.others, pitchKeys.presenter, combinationKeys.mine);
    for (const kind of ["storyboard.updated", "pitch.responded", "presenter.changed", "combination.voted", "combination.drafted", "combination.withdrawn"]) {
      expect(applyJourneyEventForParticipant(qc, event(kind))).toBe(true);
    }
    for (const key of [myStoryboardKey, pitchKeys.others, pitchKeys.presenter, combinationKeys.mine]) {
      expect(qc.getQueryState(key)?.isInvalidated).toBe(true);
    }
  });
  it("leave other kinds to others", () => {
    const qc = cacheWith(myStoryboardKey);
    expect(applyJourneyEventForParticipant(qc, event("idea.created"))).toBe(false);
    expect(qc.getQueryState(myStoryboardKey)?.isInvalidated).toBe(false);
  });
});

describe("journey events on the facilitator's screens", () => {
  it("refetch that session's pitches and combinations only", () => {
    const qc = cacheWith(pitchKeys.session("s1"), pitchKeys.session("s2"), combinationKeys.session("s1"));
    applyJourneyEventForFacilitator(qc, "s1", event("pitch.saved"));
    applyJourneyEventForFacilitator(qc, "s1", event("combination.decided"));
    expect(qc.getQueryState(pitchKeys.session("s1"))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(combinationKeys.session("s1"))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(pitchKeys.session("s2"))?.isInvalidated).toBe(false);
  });
});
