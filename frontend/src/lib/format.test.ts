import { describe, expect, it } from "vitest";
import { formatDuration, welshDateTime, fromLocalInput, pickText, pickedLanguage, toLocalInput } from "./format";

describe("pickText", () => {
  it("uses the UI language, falling back to the other", () => {
    expect(pickText({ en: "Hello", cy: "Helo" }, "cy")).toBe("Helo");
    expect(pickText({ en: "Hello", cy: null }, "cy")).toBe("Hello");
    expect(pickedLanguage({ en: "Hello", cy: null }, "cy")).toBe("en");
    expect(pickText(null, "en")).toBe("");
  });
});

describe("formatDuration", () => {
  it("shows minutes and seconds, hours when needed, never negative", () => {
    expect(formatDuration(245)).toBe("4:05");
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(formatDuration(-5)).toBe("0:00");
  });
});

describe("local datetime inputs", () => {
  it("round-trip through ISO", () => {
    const iso = fromLocalInput("2030-05-01T09:30")!;
    expect(toLocalInput(iso)).toBe("2030-05-01T09:30");
    expect(fromLocalInput("")).toBeNull();
  });
});

describe("welshDateTime", () => {
  it("names days and months in Welsh", () => {
    expect(welshDateTime(new Date(2030, 4, 1, 9, 5))).toBe("Dydd Mercher, 1 Mai 2030 am 09:05");
  });
});
