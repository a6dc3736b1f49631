import type { Direction, Indicator, IndicatorCreate, IndicatorUnit } from "../../api/outcomes";
import { maxLength, required, type Errors, type Invalid, type Rule, type Rules } from "../../lib/validation";

export type IndicatorField = "name" | "description" | "unit" | "unit_label" | "direction" | "baseline_value" | "baseline_on" | "target_value" | "target_on";
export type IndicatorValues = Record<IndicatorField, string>;

/** A number as people type it ("1,200.5" is fine), or null when it is not one. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, "");
  if (!cleaned) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

export const isNumber: Rule = (v) => (!v.trim() || parseNumber(v) !== null ? null : { key: "outcomes.validation.number" });

export const indicatorRules: Rules<IndicatorField> = {
  name: [required, maxLength(200)],
  description: [maxLength(2000)],
  unit_label: [maxLength(40)],
  baseline_value: [isNumber],
  target_value: [isNumber],
};

export function emptyIndicator(): IndicatorValues {
  return { name: "", description: "", unit: "percent", unit_label: "", direction: "increase", baseline_value: "", baseline_on: "", target_value: "", target_on: "" };
}

export function indicatorValues(i: Indicator): IndicatorValues {
  const text = (v: number | string | null) => (v === null ? "" : String(v));
  return {
    name: i.name,
    description: i.description ?? "",
    unit: i.unit,
    unit_label: i.unit_label ?? "",
    direction: i.direction,
    baseline_value: text(i.baseline_value),
    baseline_on: text(i.baseline_on),
    target_value: text(i.target_value),
    target_on: text(i.target_on),
  };
}

/** Checks across fields: the unit's name with "other", values and dates in pairs, the direction. */
export function crossCheck(v: IndicatorValues): Errors<IndicatorField> {
  const errors: Errors<IndicatorField> = {};
  if (v.unit === "other" && !v.unit_label.trim()) errors.unit_label = { key: "outcomes.validation.unitLabel" };
  for (const kind of ["baseline", "target"] as const) {
    const hasValue = Boolean(v[`${kind}_value`].trim());
    const hasDate = Boolean(v[`${kind}_on`]);
    if (hasValue && !hasDate) errors[`${kind}_on`] = { key: "outcomes.validation.pair" };
    if (hasDate && !hasValue) errors[`${kind}_value`] = { key: "outcomes.validation.pair" };
  }
  const baseline = parseNumber(v.baseline_value);
  const target = parseNumber(v.target_value);
  if (v.unit === "percent") {
    for (const field of ["baseline_value", "target_value"] as const) {
      const n = parseNumber(v[field]);
      if (n !== null && (n < 0 || n > 100)) errors[field] = { key: "outcomes.validation.percent" };
    }
  }
  if (baseline !== null && target !== null && !errors.target_value) {
    const wrong: Invalid | null =
      v.direction === "increase" && target <= baseline
        ? { key: "outcomes.validation.increase" }
        : v.direction === "decrease" && target >= baseline
          ? { key: "outcomes.validation.decrease" }
          : null;
    if (wrong) errors.target_value = wrong;
  }
  return errors;
}

export function toBody(v: IndicatorValues): IndicatorCreate {
  return {
    name: v.name.trim(),
    description: v.description.trim() || null,
    unit: v.unit as IndicatorUnit,
    unit_label: v.unit === "other" ? v.unit_label.trim() : null,
    direction: v.direction as Direction,
    baseline_value: parseNumber(v.baseline_value),
    baseline_on: v.baseline_on || null,
    target_value: parseNumber(v.target_value),
    target_on: v.target_on || null,
  };
}
