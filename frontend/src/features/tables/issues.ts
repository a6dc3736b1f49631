import type { TFunction } from "i18next";
import type { AllocationIssue } from "../../api/types";

const KNOWN = new Set(["headcount_below_minimum", "size_out_of_bounds", "too_few_perspectives", "role_crowded", "role_sparse", "constraint_unsatisfiable"]);

function translateList(t: TFunction, prefix: string, values: unknown): string {
  if (!Array.isArray(values)) return "";
  return values.map((v) => t(`${prefix}.${String(v)}`, { defaultValue: String(v) })).join(", ");
}

/** One allocation issue as a sentence in the UI language (codes and params from the server). */
export function issueText(t: TFunction, issue: AllocationIssue): string {
  const params = { ...(issue.params as Record<string, unknown>) };
  if ("missing" in params) params.missing = translateList(t, "perspectives", params.missing);
  if (typeof params.role === "string") params.role = t(`roles.${params.role}`, { defaultValue: params.role });
  if (!KNOWN.has(issue.code)) return t("allocation.issue.unknown", { code: issue.code });
  return t(`allocation.issue.${issue.code}`, params);
}
