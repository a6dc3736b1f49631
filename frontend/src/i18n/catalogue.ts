/**
 * The translation catalogue, built from one pair of files per product area in `areas/`
 * (`<area>.en.json`, `<area>.cy.json`: `core` for the strings shared across screens, then
 * `accounts`, `sessionSetup`, `joining`, `ideas`, `reduction`, `facilitatorLive`, `partners`…),
 * so areas can grow their strings side by side. Each area file holds whole top-level sections;
 * two files may not define the same section.
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

function build(lang: "en" | "cy"): Dictionary {
  const merged: Dictionary = {};
  for (const [area, sections] of Object.entries(areaSections(lang))) {
    for (const [section, strings] of Object.entries(sections)) {
      if (section in merged) throw new Error(`i18n: section "${section}" of area "${area}" is defined twice`);
      merged[section] = strings;
    }
  }
  return merged;
}

export const catalogue = { en: build("en"), cy: build("cy") } as const;
