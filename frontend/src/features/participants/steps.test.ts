import { describe, expect, it } from "vitest";
import { stepFor, stepsOpen } from "./steps";

describe("participant steps by phase", () => {
  it("lands on the phase's step", () => {
    expect(stepFor("perspectives")).toBe("perspectives");
    expect(stepFor("ideate")).toBe("ideas");
    expect(stepFor("reduce")).toBe("reduce");
    expect(stepFor("storyboard")).toBe("storyboard");
    expect(stepFor("engage")).toBeNull();
  });
  it("links the open steps", () => {
    expect(stepsOpen("strengths")).toEqual([]);
    expect(stepsOpen("perspectives")).toEqual(["perspectives"]);
    expect(stepsOpen("ideate")).toEqual(["perspectives", "ideas", "board"]);
    expect(stepsOpen("reduce")).toEqual(["perspectives", "board", "reduce"]);
    expect(stepsOpen("storyboard")).toEqual(["perspectives", "board", "reduce", "storyboard"]);
  });
});
