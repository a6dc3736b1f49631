import { describe, expect, it } from "vitest";
import { ideaSeries, linePaths, bucketSize, samplesOf } from "./chart";
import { averageTotal, paceByTable, paceOf } from "./pace";

const table = (id: string, total: number, recent: number, members = 5, target = 100) => ({
  table_id: id,
  total,
  target,
  last_five_minutes: recent,
  members: Array.from({ length: members }, () => ({ ideas: 0 })),
});

describe("pace", () => {
  it("averages over seated tables only", () => {
    expect(averageTotal([table("a", 10, 1), table("b", 30, 1), table("c", 0, 0, 0)])).toBe(20);
  });

  it("calls a table stuck when nothing came in 5 minutes, while ideating", () => {
    expect(paceOf(table("a", 40, 0), 40, true)).toBe("stuck");
    expect(paceOf(table("a", 40, 0), 40, false)).toBe("ok");
  });

  it("calls a table behind when well under the average", () => {
    const pace = paceByTable([table("a", 50, 3), table("b", 50, 3), table("c", 10, 2)], true);
    expect(pace.get("c")).toBe("behind");
    expect(pace.get("a")).toBe("ok");
  });

  it("does not judge in the first minutes, nor empty tables; done beats stuck", () => {
    expect(paceOf(table("a", 1, 1), 3, true)).toBe("ok");
    expect(paceOf(table("a", 0, 0, 0), 30, true)).toBe("ok");
    expect(paceOf(table("a", 120, 0), 30, true)).toBe("done");
  });
});

describe("ideas over time", () => {
  it("picks a bucket size keeping within the points", () => {
    expect(bucketSize(10 * 60_000, 30)).toBe(60_000);
    expect(bucketSize(100 * 60_000, 30)).toBe(5 * 60_000);
  });

  it("counts ideas per bucket and cumulatively", () => {
    const t0 = Date.UTC(2026, 0, 1, 10, 0, 0);
    const minutes = samplesOf([
      { start: "2026-01-01T10:00:00Z", ideas: 2 },
      { start: "2026-01-01T10:01:00Z", ideas: 1 },
      { start: "2026-01-01T10:03:00Z", ideas: 1 },
    ]);
    const { points } = ideaSeries(minutes, t0 + 4 * 60_000, 30);
    expect(points.map((p) => p.added)).toEqual([2, 1, 0, 1, 0]);
    expect(points.map((p) => p.total)).toEqual([2, 3, 3, 4, 4]);
  });

  it("adds per-minute counts up into wider buckets over a long session", () => {
    const t0 = Date.UTC(2026, 0, 1, 10, 0, 0);
    const minutes = Array.from({ length: 100 }, (_, i) => ({ at: t0 + i * 60_000, ideas: 1 }));
    const { step, points } = ideaSeries(minutes, t0 + 99 * 60_000, 30);
    expect(step).toBe(5 * 60_000);
    expect(points).toHaveLength(20);
    expect(points.every((p) => p.added === 5)).toBe(true);
    expect(points.at(-1)!.total).toBe(100);
  });

  it("is empty without ideas, and draws a path otherwise", () => {
    expect(ideaSeries([], Date.now()).points).toEqual([]);
    const { line, area, max } = linePaths([{ at: 0, added: 2, total: 2 }, { at: 1, added: 2, total: 4 }], 100, 50);
    expect(max).toBe(4);
    expect(line).toBe("M0.0,27.0 L100.0,4.0");
    expect(area.endsWith("Z")).toBe(true);
  });
});
