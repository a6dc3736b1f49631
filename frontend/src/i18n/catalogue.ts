import cy from "./cy.json";
import en from "./en.json";

/**
 * The translation catalogue: `en.json`/`cy.json` plus one pair of files per product area in
 * `areas/` (`<area>.en.json`, `<area>.cy.json`), so areas can grow their strings side by side.
 * Each area file holds whole top-level sections; two files may not define the same section.
 */
type Dictionary = Record<string, unknown>;

const AREA_FILES = import.meta.glob<Dictionary>("./areas/*.json", { eager: true, import: "default" });

export function areaSections(lang: "en" | "cy"): Record<string, Dictionary> {
  const suffix = `.${lang}.json`;
  return Object.fromEntries(
    Object.entries(AREA_FILES)
      .filter(([path]) => path.endsWith(suffix))
      .map(([path, sections]) => [path.slice("./areas/".length, -suffix.length), sections]),
  );
}

function merge(base: Dictionary, lang: "en" | "cy"): Dictionary {
  const merged: Dictionary = { ...base };
  for (const [area, sections] of Object.entries(areaSections(lang))) {
    for (const [section, strings] of Object.entries(sections)) {
      if (section in merged) throw new Error(`i18n: section "${section}" of area "${area}" is defined twice`);
      merged[section] = strings;
    }
  }
  return merged;
}

export const catalogue = { en: merge(en, "en"), cy: merge(cy, "cy") } as const;
