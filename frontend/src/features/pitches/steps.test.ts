import { describe, expect, it } from "vitest";
import { STEP_PATHS, stepFor, stepLabelKeys, stepsOpen } from "../participants/steps";

describe("pitch and combine steps", () => {
  it("lands on the pitch and on combining in their phases", () => {
    expect(stepFor("pitch")).toBe("pitch");
    expect(stepFor("combine")).toBe("combine");
    expect(STEP_PATHS.pitch).toBe("/me/pitch");
    expect(STEP_PATHS.combine).toBe("/me/combine");
    expect(stepLabelKeys("pitch").name).toBe("pitches.step");
  });
  it("keeps the pitch readable while combining, and both afterwards", () => {
    expect(stepsOpen("storyboard")).not.toContain("pitch");
    expect(stepsOpen("pitch")).toContain("pitch");
    expect(stepsOpen("pitch")).not.toContain("combine");
    expect(stepsOpen("combine")).toEqual(expect.arrayContaining(["pitch", "combine"]));
    expect(stepsOpen("glue")).toEqual(expect.arrayContaining(["pitch", "combine"]));
  });
});
