import { describe, expect, it } from "vitest";
import { areaSections, catalogue } from "./catalogue";
import { i18n, initialLanguage, setupI18n } from "./index";

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "object" && v !== null ? flatten(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** Keys with plural suffixes folded together: languages have different plural forms. */
function baseKeys(obj: object): Set<string> {
  return new Set(flatten(obj).map((k) => k.replace(PLURAL, "")));
}

const { en, cy } = catalogue;

describe("translations", () => {
  it("every area has an English and a Welsh file", () => {
    expect(Object.keys(areaSections("cy")).sort()).toEqual(Object.keys(areaSections("en")).sort());
  });

  it("each area's English and Welsh files hold the same sections", () => {
    const enAreas = areaSections("en");
    const cyAreas = areaSections("cy");
    for (const [area, sections] of Object.entries(enAreas)) {
      expect(Object.keys(cyAreas[area] ?? {}), area).toEqual(Object.keys(sections));
    }
  });

  it("English and Welsh have the same keys", () => {
    const enKeys = baseKeys(en);
    const cyKeys = baseKeys(cy);
    expect([...enKeys].filter((k) => !cyKeys.has(k))).toEqual([]);
    expect([...cyKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it("every plural has all the forms each language needs", () => {
    const forms = { en: ["one", "other"], cy: ["zero", "one", "two", "few", "many", "other"] };
    for (const [lang, dict] of [["en", en], ["cy", cy]] as const) {
      const keys = new Set(flatten(dict));
      const plurals = new Set(flatten(dict).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, "")));
      for (const base of plurals) {
        for (const form of forms[lang]) expect(keys, `${lang}: ${base}_${form}`).toContain(`${base}_${form}`);
      }
    }
  });

  it("no string is empty", () => {
    for (const dict of [en, cy]) {
      const values = flatten(dict).map((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], dict));
      expect(values.filter((v) => typeof v !== "string" || !v.trim())).toEqual([]);
    }
  });
});

describe("Welsh plurals", () => {
  setupI18n("en");
  const cyT = i18n.getFixedT("cy");

  it("picks zero, one, two, few, many and other", () => {
    expect(cyT("common.people", { count: 0 })).toBe("Neb");
    expect(cyT("common.people", { count: 1 })).toBe("1 person");
    expect(cyT("common.people", { count: 2 })).toBe("2 berson");
    expect(cyT("common.people", { count: 3 })).toBe("3 pherson");
    expect(cyT("common.people", { count: 6 })).toBe("6 pherson");
    expect(cyT("common.people", { count: 7 })).toBe("7 o bobl");
  });

  it("gives six different forms for participants", () => {
    const forms = [0, 1, 2, 3, 6, 7].map((count) => cyT("participantsAdmin.count", { count }));
    expect(forms).toEqual(["Dim cyfranogwyr", "1 cyfranogwr", "2 gyfranogwr", "3 chyfranogwr", "6 chyfranogwr", "7 o gyfranogwyr"]);
  });

  it("English uses one and other", () => {
    const enT = i18n.getFixedT("en");
    expect(enT("common.people", { count: 1 })).toBe("1 person");
    expect(enT("common.people", { count: 0 })).toBe("0 people");
    expect(enT("common.people", { count: 2 })).toBe("2 people");
  });
});

describe("initialLanguage", () => {
  it("prefers the remembered choice", () => {
    expect(initialLanguage("cy", ["en-GB"])).toBe("cy");
  });
  it("falls back to the browser's languages, then English", () => {
    expect(initialLanguage(null, ["cy-GB", "en"])).toBe("cy");
    expect(initialLanguage(null, ["fr-FR"])).toBe("en");
    expect(initialLanguage("xx", [])).toBe("en");
  });
});
