/** Which tables are falling behind: the pure rules, so that they can be tested. */

export interface PaceInput {
  table_id: string;
  total: number;
  target: number;
  last_five_minutes: number;
  members: { ideas: number }[];
}

export type PaceStatus = "ok" | "behind" | "stuck" | "done";

/** Below this share of the session's average, a table is "behind". */
export const BEHIND_SHARE = 0.6;
/** The average must be at least this before anyone is called behind (the first minutes). */
export const MIN_AVERAGE = 5;

export function averageTotal(tables: PaceInput[]): number {
  const seated = tables.filter((t) => t.members.length > 0);
  if (seated.length === 0) return 0;
  return seated.reduce((sum, t) => sum + t.total, 0) / seated.length;
}

/**
 * `stuck`: nothing in the last 5 minutes while ideating; `behind`: well under the session's
 * average; `done`: target reached. Tables with nobody seated are always `ok`.
 */
export function paceOf(table: PaceInput, average: number, ideating: boolean): PaceStatus {
  if (table.members.length === 0) return "ok";
  if (table.total >= table.target) return "done";
  if (!ideating) return "ok";
  if (table.last_five_minutes === 0) return "stuck";
  if (average >= MIN_AVERAGE && table.total < average * BEHIND_SHARE) return "behind";
  return "ok";
}

export function paceByTable(tables: PaceInput[], ideating: boolean): Map<string, PaceStatus> {
  const average = averageTotal(tables);
  return new Map(tables.map((t) => [t.table_id, paceOf(t, average, ideating)]));
}
