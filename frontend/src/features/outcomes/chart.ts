/** Geometry of an indicator's chart: measurements over time against its baseline and target. */

export interface DatedValue {
  /** An ISO date, "2025-06-01". */
  date: string;
  value: number;
}

export interface ChartGeometry {
  /** SVG path through the measurements, oldest first ("" without any). */
  line: string;
  dots: { x: number; y: number }[];
  baselineY: number | null;
  targetY: number | null;
  /** The value range shown, bottom and top of the plot. */
  low: number;
  high: number;
  /** The date range shown, left and right edge (ms since epoch). */
  start: number;
  end: number;
}

const DAY = 86_400_000;

export function dayOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

function valueRange(values: number[]): { low: number; high: number } {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const room = max === min ? Math.max(1, Math.abs(max) * 0.1) : (max - min) * 0.1;
  // Room around the line, but no negative axis for values that are never negative.
  return { low: min >= 0 ? Math.max(0, min - room) : min - room, high: max + room };
}

/**
 * Points scaled into a `width` x `height` box. The dates run from the earliest of the baseline and
 * the first measurement to the latest of the last measurement and the target date; the values
 * cover the measurements, the baseline and the target with a margin, so the lines never sit on
 * the edge.
 */
export function chartGeometry(points: DatedValue[], baseline: DatedValue | null, target: DatedValue | null, width: number, height: number): ChartGeometry {
  const dated = [...points, ...(baseline ? [baseline] : []), ...(target ? [target] : [])];
  const days = dated.map((p) => dayOf(p.date));
  const start = days.length ? Math.min(...days) : 0;
  const end = days.length ? Math.max(...days, start + DAY) : DAY;
  const { low, high } = dated.length ? valueRange(dated.map((p) => p.value)) : { low: 0, high: 1 };
  const x = (iso: string) => ((dayOf(iso) - start) / (end - start)) * width;
  const y = (v: number) => height - ((v - low) / (high - low)) * height;
  const dots = points.map((p) => ({ x: x(p.date), y: y(p.value) }));
  const line = dots.map((d, i) => `${i ? "L" : "M"}${d.x.toFixed(1)},${d.y.toFixed(1)}`).join(" ");
  return {
    line,
    dots,
    baselineY: baseline ? y(baseline.value) : null,
    targetY: target ? y(target.value) : null,
    low,
    high,
    start,
    end,
  };
}

/** What the summary says about progress from baseline (0) to target (1). */
export type ProgressState = { kind: "none" } | { kind: "reached" } | { kind: "backwards" } | { kind: "partway"; percent: number };

export function progressState(progress: number | null | undefined): ProgressState {
  if (progress === null || progress === undefined) return { kind: "none" };
  if (progress >= 1) return { kind: "reached" };
  if (progress < 0) return { kind: "backwards" };
  return { kind: "partway", percent: Math.round(progress * 100) };
}
