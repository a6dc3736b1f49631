/** Ideas over time: cumulative counts in even time buckets, for the dashboard's chart. */

export interface Point {
  /** Start of the bucket (ms since epoch). */
  at: number;
  /** Ideas created in this bucket. */
  added: number;
  /** Ideas created up to the end of this bucket. */
  total: number;
}

const MINUTE = 60_000;
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 240].map((m) => m * MINUTE);

/** A bucket size giving at most `maxPoints` buckets over the span. */
export function bucketSize(spanMs: number, maxPoints: number): number {
  for (const step of STEPS) if (spanMs / step <= maxPoints) return step;
  return Math.ceil(spanMs / maxPoints / MINUTE) * MINUTE;
}

/** Buckets from the first idea to `now`; empty when there are no ideas. */
export function ideaSeries(createdAt: number[], now: number, maxPoints = 30): { step: number; points: Point[] } {
  if (createdAt.length === 0) return { step: MINUTE, points: [] };
  const sorted = [...createdAt].sort((a, b) => a - b);
  const step = bucketSize(Math.max(now, sorted[sorted.length - 1]!) - sorted[0]!, maxPoints);
  const start = Math.floor(sorted[0]! / step) * step;
  const end = Math.max(now, sorted[sorted.length - 1]!);
  const count = Math.floor((end - start) / step) + 1;
  const points: Point[] = Array.from({ length: count }, (_, i) => ({ at: start + i * step, added: 0, total: 0 }));
  for (const t of sorted) points[Math.min(count - 1, Math.floor((t - start) / step))]!.added++;
  let total = 0;
  for (const p of points) {
    total += p.added;
    p.total = total;
  }
  return { step, points };
}

/** SVG path data for the cumulative line (and the area under it) in a width x height box. */
export function linePaths(points: Point[], width: number, height: number): { line: string; area: string; max: number } {
  const max = Math.max(1, ...points.map((p) => p.total));
  if (points.length === 0) return { line: "", area: "", max };
  const x = (i: number) => (points.length === 1 ? width : (i / (points.length - 1)) * width);
  // A little room at the top so that the line at the maximum is not cut in half.
  const top = Math.min(4, height / 10);
  const y = (v: number) => height - (v / max) * (height - top);
  const coords = points.map((p, i) => `${x(i).toFixed(1)},${y(p.total).toFixed(1)}`);
  const line = `M${points.length === 1 ? `0,${height} L` : ""}${coords.join(" L")}`;
  const area = `${line} L${x(points.length - 1).toFixed(1)},${height} L0,${height} Z`;
  return { line, area, max };
}
