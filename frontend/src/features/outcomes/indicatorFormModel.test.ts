import { describe, expect, it } from "vitest";
import { crossCheck, emptyIndicator, parseNumber, toBody } from "./indicatorFormModel";

describe("parseNumber", () => {
  it("reads numbers as people type them", () => {
    expect(parseNumber("1,200.5")).toBe(1200.5);
    expect(parseNumber(" -3 ")).toBe(-3);
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("forty")).toBeNull();
    expect(parseNumber("Infinity")).toBeNull();
  });
});

describe("crossCheck", () => {
  const base = { ...emptyIndicator(), name: "Safe" };

  it("asks for the unit's name with 'other'", () => {
    expect(crossCheck({ ...base, unit: "other" }).unit_label?.key).toBe("outcomes.validation.unitLabel");
  });

  it("wants values and dates in pairs", () => {
    expect(crossCheck({ ...base, baseline_value: "40" }).baseline_on?.key).toBe("outcomes.validation.pair");
    expect(crossCheck({ ...base, target_on: "2027-01-01" }).target_value?.key).toBe("outcomes.validation.pair");
  });

  it("keeps percentages within 0-100 and targets in the direction", () => {
    const v = { ...base, baseline_value: "40", baseline_on: "2024-01-01", target_on: "2027-01-01" };
    expect(crossCheck({ ...v, target_value: "120" }).target_value?.key).toBe("outcomes.validation.percent");
    expect(crossCheck({ ...v, target_value: "30" }).target_value?.key).toBe("outcomes.validation.increase");
    expect(crossCheck({ ...v, direction: "decrease", target_value: "50" }).target_value?.key).toBe("outcomes.validation.decrease");
    expect(crossCheck({ ...v, direction: "maintain", target_value: "40" })).toEqual({});
  });
});

describe("toBody", () => {
  it("sends nulls for empty optional fields and the label only with 'other'", () => {
    expect(toBody({ ...emptyIndicator(), name: " Safe ", unit_label: "trips" })).toEqual({
      name: "Safe",
      description: null,
      unit: "percent",
      unit_label: null,
      direction: "increase",
      baseline_value: null,
      baseline_on: null,
      target_value: null,
      target_on: null,
    });
  });
});
