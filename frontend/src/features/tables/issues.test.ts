import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { i18n, setupI18n } from "../../i18n";
import { issueText } from "./issues";

setupI18n("en");

describe("issueText", () => {
  it("translates missing perspectives and the numbers", () => {
    const t = i18n.getFixedT("en") as TFunction;
    const text = issueText(t, { table_id: null, table_number: 2, code: "too_few_perspectives", params: { distinct: 3, target: 5, missing: ["academic", "policy"] } });
    expect(text).toBe("3 of 5 perspectives. Missing: Academic, Policy.");
  });
  it("speaks Welsh", () => {
    const t = i18n.getFixedT("cy") as TFunction;
    const text = issueText(t, { table_id: null, table_number: 1, code: "headcount_below_minimum", params: { size: 3, min: 5 } });
    expect(text).toBe("Dim ond 3 o bobl, llai na'r bwrdd lleiaf (5).");
  });
  it("falls back for a code it does not know", () => {
    const t = i18n.getFixedT("en") as TFunction;
    expect(issueText(t, { table_id: null, table_number: null, code: "new_thing", params: {} })).toBe("Could not be fully balanced (new_thing).");
  });
});
