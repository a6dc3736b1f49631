import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/problem";
import type { ClosurePublic, IdeaScores, ReductionState } from "../../api/reduction";
import { i18n, setupI18n } from "../../i18n";
import { closureText, decidedByKey, majorityText, myScores, nameOf, reductionProblem, shortIdea, stagesShown, tieBreakText } from "./format";

setupI18n("en");
const en = i18n.getFixedT("en");
const cy = i18n.getFixedT("cy");

const closure = (over: Partial<ClosurePublic>): ClosurePublic => ({
  stage: "voting",
  decided_by: "majority",
  closed_by_user_id: null,
  closed_by_name: null,
  agreed_by: ["a", "b", "c"],
  present: 5,
  closed_at: "2030-01-01T00:00:00Z",
  ...over,
});

describe("majority text", () => {
  it("says who agrees against the majority needed", () => {
    expect(majorityText(en, { agreed_present: 4, present: 6, needed: 4 })).toBe("4 of 6 present agree; 4 needed");
    expect(majorityText(en, { agreed_present: 1, present: 3, needed: 2 }, true)).toBe("1 of 3 present have confirmed; 2 needed");
    expect(majorityText(cy, { agreed_present: 4, present: 6, needed: 4 })).toBe("4 o'r 6 sy'n bresennol yn cytuno; angen 4");
  });
});

describe("how a place was decided", () => {
  it("maps decided_by to words in both languages", () => {
    expect(en(decidedByKey("votes"))).toBe("Got there by votes");
    expect(en(decidedByKey("runoff"))).toBe("Got there by the run-off");
    expect(en(decidedByKey("earliest"))).toMatch(/earliest/);
    for (const d of ["votes", "runoff", "earliest"] as const) expect(cy(decidedByKey(d))).not.toBe(`reduction.decidedBy.${d}`);
  });
});

describe("the record of closed rounds", () => {
  it("tells a majority from a facilitator closing when time was up", () => {
    expect(closureText(en, closure({}))).toBe("Vote: closed when 3 of 5 present agreed.");
    expect(closureText(en, closure({ stage: "scoring", decided_by: "facilitator" }))).toBe("Score: a facilitator closed this round when time was up.");
    expect(closureText(en, closure({ decided_by: "facilitator", closed_by_name: "Ann" }))).toContain("(Ann)");
    expect(closureText(cy, closure({ decided_by: "facilitator" }))).toContain("hwylusydd");
  });
});

describe("dots left, with Welsh plurals", () => {
  it("counts in English and Welsh", () => {
    expect(en("reduction.voting.dotsLeft", { count: 3, budget: 5 })).toBe("You have 3 of 5 dots left");
    expect(en("reduction.voting.tableDots", { count: 1 })).toBe("1 dot");
    expect(cy("reduction.voting.tableDots", { count: 2 })).toBe("2 ddot");
    expect(cy("reduction.voting.tableDots", { count: 7 })).toBe("7 o ddotiau");
    expect(cy("reduction.voting.dotsLeft", { count: 3, budget: 5 })).toBe("Mae gennych 3 o'ch 5 dot ar ôl");
  });
});

describe("helpers", () => {
  const settings = { dot_budget: 5, dot_cap: 3, shortlist_size: 3, tie_break: "runoff", tie_break_text: { en: "EN rule", cy: null }, locked: false } as ReductionState["settings"];
  it("shows the session's tie-break text, falling back to the other language, then our wording", () => {
    expect(tieBreakText(en, settings, "en")).toBe("EN rule");
    expect(tieBreakText(cy, settings, "cy")).toBe("EN rule");
    expect(tieBreakText(en, { ...settings, tie_break_text: {} }, "en")).toBe("If ideas tie for 3rd place, they go to a quick run-off among themselves.");
  });
  it("lists the run-off step only when there is one", () => {
    expect(stagesShown({ stage: "voting", runoff: null, closures: [] })).toEqual(["voting", "scoring", "choosing", "chosen"]);
    expect(stagesShown({ stage: "scoring", runoff: null, closures: [closure({ stage: "runoff" })] })).toContain("runoff");
  });
  it("shortens long ideas for accessible names", () => {
    expect(shortIdea("  a   b ")).toBe("a b");
    expect(shortIdea("x".repeat(80), 10)).toBe(`${"x".repeat(9)}…`);
  });
  it("finds my scores and names", () => {
    const scores = { idea_id: "i", text: "", place: 1, totals: { desirability: 0, feasibility: 0, viability: 0, overall: 0 }, scores: [{ participant_id: "me", display_name: "Me", desirability: 5, feasibility: 4, viability: 3, total: 12 }] } as IdeaScores;
    expect(myScores(scores, "me")).toEqual({ desirability: 5, feasibility: 4, viability: 3 });
    expect(myScores(scores, "other")).toBeNull();
    const state = { members: [{ participant_id: "p", display_name: "Pat", present: true }] };
    expect(nameOf(en, state, "p", "me")).toBe("Pat");
    expect(nameOf(en, state, "me", "me")).toBe("You");
    expect(nameOf(en, state, "x", "me")).toBe("A tablemate");
  });
  it("translates the reduction's problem codes, else the shared ones", () => {
    expect(reductionProblem(en, new ApiError({ status: 422, code: "dot_budget_exceeded" }))).toMatch(/no dots left/);
    expect(reductionProblem(cy, new ApiError({ status: 422, code: "dot_cap_exceeded" }))).toMatch(/ddotiau/);
    expect(reductionProblem(en, new ApiError({ status: 0, code: "network" }))).toMatch(/Cannot reach/);
  });
});
