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

/** Ideas created from `at` (ms since epoch) on, as the server's timeline counts them. */
export interface Sample {
  at: number;
  ideas: number;
}

/** The server's timeline buckets as samples. */
export function samplesOf(buckets: { start: string; ideas: number }[]): Sample[] {
  return buckets.map((b) => ({ at: Date.parse(b.start), ideas: b.ideas }));
}

/**
 * Even buckets from the first sample to `now` (fine samples, such as per-minute counts, are
 * added up into wider buckets); empty when there are no ideas.
 */
export function ideaSeries(samples: Sample[], now: number, maxPoints = 30): { step: number; points: Point[] } {
  const sorted = samples.filter((s) => s.ideas > 0).sort((a, b) => a.at - b.at);
  if (sorted.length === 0) return { step: MINUTE, points: [] };
  const first = sorted[0]!.at;
  const end = Math.max(now, sorted[sorted.length - 1]!.at);
  const step = bucketSize(end - first, maxPoints);
  const start = Math.floor(first / step) * step;
  const count = Math.floor((end - start) / step) + 1;
  const points: Point[] = Array.from({ length: count }, (_, i) => ({ at: start + i * step, added: 0, total: 0 }));
  for (const s of sorted) points[Math.min(count - 1, Math.floor((s.at - start) / step))]!.added += s.ideas;
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
