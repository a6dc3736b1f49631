import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { applyReductionEvent, reductionKey, type ReductionState } from "./reduction";
import type { EventEnvelope } from "./types";

const env = (kind: string, payload: unknown) => ({ seq: 1, kind, table_id: "t1", created_at: "2030-01-01T00:00:00Z", payload }) as unknown as EventEnvelope;
const state = () =>
  ({
    stage: "voting",
    tally: [
      { idea_id: "a", text: "A", created_at: "2030-01-01T00:00:00Z", dots: 1, voters: 1 },
      { idea_id: "b", text: "B", created_at: "2030-01-01T00:00:01Z", dots: 0, voters: 0 },
    ],
    runoff: null,
    agreement: { stage: "voting", agreed_by: [], agreed_present: 0, present: 3, needed: 2 },
  }) as unknown as ReductionState;

describe("reduction events", () => {
  it("patches the live tally and the agreement count", () => {
    const qc = new QueryClient();
    qc.setQueryData(reductionKey, state());
    applyReductionEvent(qc, env("vote.tallied", { table_id: "t1", round: "voting", tally: [{ idea_id: "b", dots: 4 }] }));
    applyReductionEvent(qc, env("reduction.agreed", { table_id: "t1", stage: "voting", participant_id: "p", agreed_present: 1, needed: 2 }));
    const s = qc.getQueryData<ReductionState>(reductionKey)!;
    expect(s.tally.map((e) => e.dots)).toEqual([1, 4]);
    expect(s.agreement).toMatchObject({ agreed_present: 1, agreed_by: ["p"] });
  });
  it("takes a withdrawn agreement off the count", () => {
    const qc = new QueryClient();
    qc.setQueryData(reductionKey, state());
    applyReductionEvent(qc, env("reduction.agreed", { table_id: "t1", stage: "voting", participant_id: "p", agreed_present: 1, needed: 2 }));
    applyReductionEvent(qc, env("reduction.agreed", { table_id: "t1", stage: "voting", participant_id: "q", agreed_present: 2, needed: 2 }));
    applyReductionEvent(qc, env("reduction.agreement_withdrawn", { table_id: "t1", stage: "voting", participant_id: "p", agreed_present: 1, needed: 2 }));
    expect(qc.getQueryData<ReductionState>(reductionKey)!.agreement).toMatchObject({ agreed_present: 1, agreed_by: ["q"] });
  });
  it("moves the stage and says so", () => {
    const qc = new QueryClient();
    qc.setQueryData(reductionKey, state());
    const said = applyReductionEvent(qc, env("reduction.stage_changed", { table_id: "t1", stage: "scoring", previous_stage: "voting", cause: "majority" }));
    expect(said).toBe("reduction:stage:scoring");
    expect(qc.getQueryData<ReductionState>(reductionKey)!.stage).toBe("scoring");
  });
});
