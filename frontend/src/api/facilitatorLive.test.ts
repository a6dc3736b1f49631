import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { i18n, setupI18n } from "../i18n";
import { dashKeys, type SessionIdea, type SessionProgress } from "./dashboard";
import { applyFacilitatorEvent, composeDashboardAnnouncement } from "./facilitatorLive";
import type { EventEnvelope } from "./types";

const SID = "s1";
const idea = (id: string, over: Partial<SessionIdea> = {}): SessionIdea => ({
  id,
  table_id: "t1",
  author_id: null,
  entered_by_participant_id: null,
  entered_by_facilitator: false,
  source: "phone",
  text: id,
  theme_id: null,
  status: "active",
  version: 1,
  parent_ids: [],
  combined_into_ids: [],
  repurposed_from_id: null,
  created_at: "2030-01-01T00:00:00Z",
  updated_at: null,
  ...over,
});
const env = (kind: string, payload: unknown, table_id: string | null = "t1") =>
  ({ seq: 1, kind, table_id, created_at: "2030-01-01T00:00:00Z", payload }) as unknown as EventEnvelope;

describe("facilitator stream", () => {
  setupI18n("en");

  it("adds new ideas, marks hidden ones, counts what to say", () => {
    const qc = new QueryClient();
    qc.setQueryData(dashKeys.ideas(SID), [idea("a")]);
    const said: string[] = [];
    const announcer = { count: (k: string) => said.push(k) } as never;
    applyFacilitatorEvent(qc, SID, env("idea.created", { idea: idea("b") }), announcer);
    applyFacilitatorEvent(qc, SID, env("idea.created", { idea: idea("b") }), announcer);
    applyFacilitatorEvent(qc, SID, env("idea.hidden", { idea_id: "a", table_id: "t1" }), announcer);
    const ideas = qc.getQueryData<SessionIdea[]>(dashKeys.ideas(SID))!;
    expect(ideas.map((i) => [i.id, i.status])).toEqual([
      ["a", "hidden"],
      ["b", "active"],
    ]);
    expect(said).toEqual(["ideas", "ideas"]);
  });

  it("names the table that chose, from the progress", () => {
    const qc = new QueryClient();
    qc.setQueryData<SessionProgress>(dashKeys.progress(SID), {
      total: 0,
      tables: [{ table_id: "t4", number: 4, name: null, total: 0, target: 100, members: [], last_five_minutes: 0, present_count: 0 }],
    });
    const said: string[] = [];
    const announcer = { count: (k: string) => said.push(k) } as never;
    applyFacilitatorEvent(qc, SID, env("choice.made", { table_id: "t4", idea_id: "x", decided_by: "majority", decided_at: "2030-01-01T00:00:00Z" }, "t4"), announcer);
    expect(said).toEqual(["chose:4"]);
  });

  it("sums up in one sentence, never one message per idea", async () => {
    await i18n.changeLanguage("en");
    expect(composeDashboardAnnouncement({ ideas: 12, "chose:4": 1 })).toBe("12 new ideas; table 4 chose an idea.");
    expect(composeDashboardAnnouncement({ flags: 1 })).toBe("1 new safeguarding flag.");
    expect(composeDashboardAnnouncement({})).toBe("");
  });
});
