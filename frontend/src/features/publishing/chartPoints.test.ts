import { describe, expect, it } from "vitest";
import { chartPoints } from "./chartPoints";

const measurement = (id: string, value: number | null, day: string) => ({
  id,
  indicator_id: "i",
  initiative_id: "n",
  session_id: "s",
  value,
  suppressed: value === null,
  unit: "people" as const,
  measured_on: day,
  source: "Register",
  created_at: "2027-01-01T00:00:00Z",
});

describe("chartPoints", () => {
  it("draws the measurements that can be shown, in order, without notes", () => {
    const points = chartPoints({
      measurements: [measurement("a", 40, "2027-03-01"), measurement("b", null, "2027-04-01"), measurement("c", 52, "2027-05-01")],
    });
    expect(points).toEqual([
      { measurement_id: "a", measured_on: "2027-03-01", value: 40, source: "Register", note: null },
      { measurement_id: "c", measured_on: "2027-05-01", value: 52, source: "Register", note: null },
    ]);
  });

  it("draws nothing when every measurement is suppressed", () => {
    expect(chartPoints({ measurements: [measurement("a", null, "2027-03-01")] })).toEqual([]);
  });
});
