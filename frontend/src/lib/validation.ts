/** Checks run before a form is sent. Each returns an i18n key (with values) or null. */
export interface Invalid {
  key: string;
  values?: Record<string, string | number>;
}
export type Rule = (value: string) => Invalid | null;

export const required: Rule = (v) => (v.trim() ? null : { key: "validation.required" });

export const email: Rule = (v) =>
  !v.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : { key: "validation.email" };

export const minLength =
  (n: number): Rule =>
  (v) =>
    !v || v.length >= n ? null : { key: "validation.minLength", values: { count: n } };

export const maxLength =
  (n: number): Rule =>
  (v) =>
    v.length <= n ? null : { key: "validation.maxLength", values: { count: n } };

export const integerBetween =
  (min: number, max: number): Rule =>
  (v) => {
    if (!v.trim()) return null;
    const n = Number(v);
    return Number.isInteger(n) && n >= min && n <= max
      ? null
      : { key: "validation.between", values: { min, max } };
  };

/** Join codes are letters and digits; spaces and dashes people type are ignored. */
export function normaliseJoinCode(v: string): string {
  return v.replace(/[\s-]/g, "").toUpperCase();
}
export const joinCode: Rule = (v) =>
  !v.trim() || /^[A-Z0-9]{4,12}$/.test(normaliseJoinCode(v)) ? null : { key: "validation.joinCode" };

export const sameAs =
  (other: string): Rule =>
  (v) =>
    v === other ? null : { key: "validation.mismatch" };

export type Rules<F extends string> = Partial<Record<F, Rule[]>>;
export type Errors<F extends string> = Partial<Record<F, Invalid>>;

export function validate<F extends string>(values: Record<F, string>, rules: Rules<F>): Errors<F> {
  const errors: Errors<F> = {};
  for (const field of Object.keys(rules) as F[]) {
    for (const rule of rules[field] ?? []) {
      const problem = rule(values[field] ?? "");
      if (problem) {
        errors[field] = problem;
        break;
      }
    }
  }
  return errors;
}

export function hasErrors(errors: object): boolean {
  return Object.keys(errors).length > 0;
}
