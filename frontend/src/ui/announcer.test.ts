import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Announcer } from "./announcer";

describe("Announcer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sums a burst into one message and waits 5 s before the next", () => {
    const said: string[] = [];
    const a = new Announcer((t) => (t.ideas ? `${t.ideas} new` : ""), 5000, 1000, () => Date.now());
    a.subscribe(() => said.push(a.current()));
    a.count("ideas");
    a.count("ideas");
    a.count("ideas");
    vi.advanceTimersByTime(1000);
    expect(said).toEqual(["3 new"]);
    a.count("ideas");
    vi.advanceTimersByTime(3000);
    expect(said).toEqual(["3 new"]);
    a.count("ideas");
    vi.advanceTimersByTime(1000);
    expect(said).toEqual(["3 new"]); // 5 s since the last one only at t=6 s
    vi.advanceTimersByTime(1000);
    expect(said).toEqual(["3 new", "2 new"]);
  });
});
