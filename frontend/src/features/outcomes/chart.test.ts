import { describe, expect, it } from "vitest";
import { chartGeometry, progressState } from "./chart";

describe("chartGeometry", () => {
  it("spans baseline to target in time and covers every value", () => {
    const g = chartGeometry(
      [
        { date: "2025-01-01", value: 50 },
        { date: "2026-01-01", value: 60 },
      ],
      { date: "2024-01-01", value: 40 },
      { date: "2027-01-01", value: 80 },
      300,
      100,
    );
    expect(g.start).toBe(Date.parse("2024-01-01T00:00:00Z"));
    expect(g.end).toBe(Date.parse("2027-01-01T00:00:00Z"));
    expect(g.low).toBeLessThan(40);
    expect(g.high).toBeGreaterThan(80);
    expect(g.dots).toHaveLength(2);
    expect(g.dots[0]!.x).toBeGreaterThan(0);
    expect(g.dots[1]!.x).toBeLessThan(300);
    expect(g.targetY!).toBeLessThan(g.baselineY!);
    expect(g.line.startsWith("M")).toBe(true);
  });

  it("copes with one point and no baseline or target", () => {
    const g = chartGeometry([{ date: "2025-01-01", value: 5 }], null, null, 300, 100);
    expect(g.dots).toHaveLength(1);
    expect(Number.isFinite(g.dots[0]!.y)).toBe(true);
    expect(g.baselineY).toBeNull();
  });

  it("draws nothing without data", () => {
    expect(chartGeometry([], null, null, 300, 100).line).toBe("");
  });
});

describe("progressState", () => {
  it("describes progress", () => {
    expect(progressState(null)).toEqual({ kind: "none" });
    expect(progressState(0.424)).toEqual({ kind: "partway", percent: 42 });
    expect(progressState(1.2)).toEqual({ kind: "reached" });
    expect(progressState(-0.1)).toEqual({ kind: "backwards" });
  });
});
