import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { setupI18n } from "../i18n";
import { ideasKey, themesKey } from "./ideas";
import { applyEvent, composeAnnouncement } from "./live";
import { drawnKey } from "./perspectives";
import type { EventEnvelope, IdeaPublic } from "./types";

const ME = "me";
const idea = (id: string, over: Partial<IdeaPublic> = {}): IdeaPublic => ({
  id,
  table_id: "t1",
  author_id: "them",
  entered_by_participant_id: "them",
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
const env = (kind: string, payload: unknown, seq = 1) => ({ seq, kind, table_id: "t1", created_at: "2030-01-01T00:00:00Z", payload }) as unknown as EventEnvelope;

function setup() {
  const qc = new QueryClient();
  qc.setQueryData(ideasKey, { items: [idea("a", { theme_id: "th1" })] });
  qc.setQueryData(themesKey, { items: [{ id: "th1", table_id: "t1", name: "Buses", position: 0, created_at: "x", updated_at: null }] });
  qc.setQueryData(drawnKey, []);
  const counted: string[] = [];
  const ctx = { meId: ME, tableId: "t1", announcer: { count: (k: string) => counted.push(k) } as never };
  return { qc, ctx, counted, ideas: () => qc.getQueryData<{ items: IdeaPublic[] }>(ideasKey)!.items };
}

describe("applyEvent", () => {
  it("adds a tablemate's idea once and counts it for the announcement", () => {
    const { qc, ctx, counted, ideas } = setup();
    applyEvent(qc, env("idea.created", { idea: idea("b") }), ctx);
    applyEvent(qc, env("idea.created", { idea: idea("b") }), ctx);
    expect(ideas().map((i) => i.id)).toEqual(["a", "b"]);
    expect(counted).toEqual(["ideas", "ideas"]);
  });

  it("does not announce my own ideas", () => {
    const { qc, ctx, counted } = setup();
    applyEvent(qc, env("idea.created", { idea: idea("c", { entered_by_participant_id: ME }) }), ctx);
    expect(counted).toEqual([]);
  });

  it("never replaces a newer version with an older one", () => {
    const { qc, ctx, ideas } = setup();
    applyEvent(qc, env("idea.updated", { idea: idea("a", { version: 3, text: "new" }) }), ctx);
    applyEvent(qc, env("idea.updated", { idea: idea("a", { version: 2, text: "old" }) }), ctx);
    expect(ideas()[0]?.text).toBe("new");
  });

  it("marks combined parents, drops hidden ideas, clears a deleted theme", () => {
    const { qc, ctx, ideas } = setup();
    applyEvent(qc, env("idea.created", { idea: idea("b") }), ctx);
    applyEvent(qc, env("idea.combined", { idea: idea("ab", { source: "combined" }), parents: [idea("a", { version: 2, status: "combined" }), idea("b", { version: 2, status: "combined" })] }), ctx);
    expect(ideas().map((i) => `${i.id}:${i.status}`)).toEqual(["a:combined", "b:combined", "ab:active"]);
    applyEvent(qc, env("idea.hidden", { idea_id: "ab", table_id: "t1" }), ctx);
    expect(ideas().map((i) => i.id)).toEqual(["a", "b"]);
    applyEvent(qc, env("theme.deleted", { theme_id: "th1", table_id: "t1" }), ctx);
    expect(ideas()[0]?.theme_id).toBeNull();
    expect(qc.getQueryData<{ items: unknown[] }>(themesKey)!.items).toEqual([]);
  });

  it("invalidates everything of the table on reset", () => {
    const { qc, ctx } = setup();
    applyEvent(qc, env("reset", { seq: 9 }), ctx);
    expect(qc.getQueryState(ideasKey)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(themesKey)?.isInvalidated).toBe(true);
  });
});

describe("composeAnnouncement", () => {
  it("summarises with plurals, in Welsh too", async () => {
    const i18n = setupI18n("en");
    expect(composeAnnouncement({ ideas: 3 })).toBe("3 new ideas from your table.");
    expect(composeAnnouncement({ ideas: 1, "phase:reduce": 1 })).toBe("The session has moved on to Reduce. 1 new idea from your table.");
    await i18n.changeLanguage("cy");
    expect(composeAnnouncement({ ideas: 2 })).toBe("2 syniad newydd gan eich bwrdd.");
    expect(composeAnnouncement({ ideas: 8 })).toBe("8 o syniadau newydd gan eich bwrdd.");
    await i18n.changeLanguage("en");
  });
});
