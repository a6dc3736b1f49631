import { describe, expect, it } from "vitest";
import { i18n, setupI18n } from "../../i18n";
import { ideaLabel, inLanguage, tableName, type Doc } from "./doc";

setupI18n("en");
const doc = (lang: "en" | "cy"): Doc => ({ t: i18n.getFixedT(lang), lang });

describe("the report's language", () => {
  it("labels come from the document's language, not the interface's", () => {
    expect(tableName(doc("cy"), { number: 2, name: null })).toBe("Bwrdd 2");
    expect(tableName(doc("en"), { number: 1, name: "Glas" })).toBe("Table 1: Glas");
    expect(doc("cy").t("report.storyboard.frames", { count: 7 })).toBe("7 o fframiau");
  });

  it("picks the text written for the document's language, with the language it is in", () => {
    const title = { en: { text: "Better buses", lang: "en" as const }, cy: { text: "Better buses", lang: "en" as const } };
    expect(inLanguage(title, "cy")).toEqual({ text: "Better buses", lang: "en" });
    const empty = { en: { text: null, lang: null }, cy: { text: null, lang: null } };
    expect(inLanguage(empty, "en")).toEqual({ text: "", lang: undefined });
  });

  it("names an idea at its own table by number, elsewhere with its table", () => {
    const link = { id: "x", table_number: 2, number: 3 };
    expect(ideaLabel(doc("en"), link, 2)).toBe("idea 3");
    expect(ideaLabel(doc("en"), link, 1)).toBe("table 2, idea 3");
    expect(ideaLabel(doc("cy"), link)).toBe("bwrdd 2, syniad 3");
  });
});
