import type { SeriesPoint } from "../../api/outcomes";
import type { PublicIndicator } from "./usePublicInitiatives";

/** The measurements the outcomes chart can draw: suppressed ones (a count of fewer than five
 *  people) have no value to draw, and public measurements never carry a note. */
export function chartPoints(indicator: Pick<PublicIndicator, "measurements">): SeriesPoint[] {
  return indicator.measurements.flatMap((m) =>
    m.value === null ? [] : [{ measurement_id: m.id, measured_on: m.measured_on, value: m.value, source: m.source, note: null }],
  );
}
