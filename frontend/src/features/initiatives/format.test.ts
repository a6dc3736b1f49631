import { describe, expect, it } from "vitest";
import { daysSince, formatDay } from "./format";

describe("formatDay", () => {
  it("writes the day in English without moving it across time zones", () => {
    expect(formatDay("2030-01-31", "en")).toBe("31 January 2030");
  });
  it("writes the day in Welsh", () => {
    expect(formatDay("2030-03-05", "cy")).toMatch(/5 Mawrth 2030/);
  });
});

describe("daysSince", () => {
  it("counts whole days and never goes below zero", () => {
    const now = new Date("2030-01-10T12:00:00Z");
    expect(daysSince("2030-01-01T13:00:00Z", now)).toBe(8);
    expect(daysSince("2030-01-11T00:00:00Z", now)).toBe(0);
  });
});
