import { describe, expect, it } from "vitest";
import { validate } from "../../lib/validation";
import { crossCheck, emptySession, sessionRules, toBody } from "./sessionFormModel";

describe("session form", () => {
  it("needs a title in at least one language", () => {
    const v = emptySession();
    expect(crossCheck(v).title_en).toEqual({ key: "validation.titleOneLanguage" });
    expect(crossCheck({ ...v, title_cy: "Gweithdy" }).title_en).toBeUndefined();
  });
  it("refuses an end before the start and min above max", () => {
    const v = { ...emptySession(), title_en: "x", starts_at: "2030-01-02T10:00", ends_at: "2030-01-02T09:00", table_min: "9", table_max: "8" };
    const errors = crossCheck(v);
    expect(errors.ends_at?.key).toBe("validation.endsAfterStart");
    expect(errors.table_min?.key).toBe("validation.minNotAboveMax");
  });
  it("checks number ranges per field", () => {
    const errors = validate({ ...emptySession(), table_max: "30" }, sessionRules);
    expect(errors.table_max?.key).toBe("validation.between");
  });
  it("builds a body with nulls for empty text and no venue online", () => {
    const body = toBody({ ...emptySession(), title_en: " Hi ", mode: "online", venue: "Hall" }, ["en"]);
    expect(body.title).toEqual({ en: "Hi", cy: null });
    expect(body.venue).toBeNull();
    expect(body.table_size).toEqual({ min: 5, max: 8 });
  });
});
