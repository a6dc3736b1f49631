import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { setupI18n, i18n } from "../i18n";
import { ApiError, fieldProblems, problemMessage, toApiError, unwrap } from "./problem";

setupI18n("en");
const t = i18n.getFixedT("en") as TFunction;
const tCy = i18n.getFixedT("cy") as TFunction;

describe("problemMessage", () => {
  it("translates a known code", () => {
    const err = new ApiError({ status: 401, code: "invalid_credentials", title: "server title" });
    expect(problemMessage(t, err)).toBe("The email address or password is not right.");
    expect(problemMessage(tCy, err)).toBe("Nid yw'r cyfeiriad e-bost neu'r cyfrinair yn gywir.");
  });
  it("falls back to the server's (localised) title for an unknown code", () => {
    const err = new ApiError({ status: 409, code: "brand_new_code", title: "Teitl y gweinydd" });
    expect(problemMessage(tCy, err)).toBe("Teitl y gweinydd");
  });
  it("falls back to a generic message when there is nothing else", () => {
    expect(problemMessage(t, new ApiError({ status: 500, code: "weird" }))).toBe("Something went wrong. Try again.");
    expect(problemMessage(t, new Error("boom"))).toBe("Something went wrong. Try again.");
  });
});

describe("toApiError and unwrap", () => {
  it("reads a problem body", () => {
    const err = toApiError({ code: "validation_failed", title: "x", errors: [{ loc: ["body", "email"], msg: "bad", type: "value_error" }] }, 422);
    expect(err.code).toBe("validation_failed");
    expect(fieldProblems(t, err)).toEqual({ email: "Check this answer" });
  });
  it("keeps the server message for an unknown field problem type", () => {
    const err = toApiError({ code: "validation_failed", errors: [{ loc: ["body", "title", "en"], msg: "too odd", type: "odd" }] }, 422);
    expect(fieldProblems(t, err)).toEqual({ "title.en": "too odd" });
  });
  it("makes a code from the status when the body is not a problem", () => {
    expect(toApiError("<html>", 502).code).toBe("internal_error");
  });
  it("turns a failed fetch into a network problem", async () => {
    await expect(unwrap(Promise.reject(new TypeError("offline")))).rejects.toMatchObject({ code: "network" });
  });
  it("resolves the data of a success", async () => {
    const ok = { data: { a: 1 }, response: new Response(null, { status: 200 }) };
    await expect(unwrap(Promise.resolve(ok))).resolves.toEqual({ a: 1 });
  });
});
