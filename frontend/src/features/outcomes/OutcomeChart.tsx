import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Indicator, SeriesPoint } from "../../api/outcomes";
import { currentLanguage } from "../../i18n";
import { chartGeometry, type DatedValue } from "./chart";
import { formatDay, formatMonth, formatValue } from "./format";
import { ProgressSummary } from "./ProgressSummary";

const W = 600;
const H = 200;

function dated(value: number | null, date: string | null): DatedValue | null {
  return value !== null && date !== null ? { value, date } : null;
}

/** An indicator's measurements over time against its baseline and target: an SVG line chart
 *  (an image with a title and a description) and the same figures as a table. */
export function OutcomeChart({ indicator, points }: { indicator: Indicator; points: SeriesPoint[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const baseline = dated(indicator.baseline_value, indicator.baseline_on);
  const target = dated(indicator.target_value, indicator.target_on);
  const g = useMemo(
    () => chartGeometry(points.map((p) => ({ date: p.measured_on, value: p.value })), baseline, target, W, H),
    [points, baseline, target],
  );
  const value = (v: number | null | undefined) => formatValue(t, v, indicator.unit, indicator.unit_label, lang);
  const ids = { title: `chart-title-${indicator.id}`, desc: `chart-desc-${indicator.id}` };
  const showChart = points.length > 0 || baseline || target;

  return (
    <div className="outcome-chart" data-testid="outcome-chart">
      <ProgressSummary indicator={indicator} id={ids.desc} />
      {showChart && (
        <>
          <div className="outcome-chart__plot">
            <div className="outcome-chart__scale" aria-hidden="true">
              <span>{value(g.high)}</span>
              <span>{value(g.low)}</span>
            </div>
            <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-labelledby={ids.title} aria-describedby={ids.desc} className="outcome-chart__svg">
              <title id={ids.title}>{t("outcomes.chart.title", { name: indicator.name })}</title>
              {g.baselineY !== null && <line x1="0" x2={W} y1={g.baselineY} y2={g.baselineY} className="outcome-chart__baseline" vectorEffect="non-scaling-stroke" />}
              {g.targetY !== null && <line x1="0" x2={W} y1={g.targetY} y2={g.targetY} className="outcome-chart__target" vectorEffect="non-scaling-stroke" />}
              {g.line && <path d={g.line} className="outcome-chart__line" vectorEffect="non-scaling-stroke" />}
              {g.dots.map((d, i) => (
                // A zero-length line with round caps stays a round dot when the chart stretches.
                <line key={points[i]!.measurement_id} x1={d.x} y1={d.y} x2={d.x} y2={d.y} className="outcome-chart__dot" vectorEffect="non-scaling-stroke" />
              ))}
            </svg>
          </div>
          <div className="outcome-chart__axis" aria-hidden="true">
            <span>{formatMonth(new Date(g.start).toISOString().slice(0, 10), lang)}</span>
            <span>{formatMonth(new Date(g.end).toISOString().slice(0, 10), lang)}</span>
          </div>
          <ul className="outcome-chart__legend" aria-hidden="true">
            <li className="outcome-chart__key outcome-chart__key--line">{t("outcomes.chart.measured")}</li>
            {baseline && <li className="outcome-chart__key outcome-chart__key--baseline">{t("outcomes.chart.baseline", { value: value(baseline.value) })}</li>}
            {target && <li className="outcome-chart__key outcome-chart__key--target">{t("outcomes.chart.target", { value: value(target.value) })}</li>}
          </ul>
        </>
      )}
      <details>
        <summary>{t("outcomes.chart.tableToggle")}</summary>
        {/* Focusable, so that a table wider than a phone can be scrolled from the keyboard. */}
        <div className="table-wrap" role="region" tabIndex={0} aria-label={t("outcomes.chart.caption", { name: indicator.name })}>
          <table className="data-table" data-testid="outcome-table">
            <caption className="visually-hidden">{t("outcomes.chart.caption", { name: indicator.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("outcomes.chart.date")}</th>
                <th scope="col">{t("outcomes.chart.value")}</th>
                <th scope="col">{t("outcomes.chart.source")}</th>
              </tr>
            </thead>
            <tbody>
              {baseline && <FixedRow label={t("outcomes.chart.baselineRow")} date={baseline.date} value={value(baseline.value)} />}
              {points.map((p) => (
                <tr key={p.measurement_id}>
                  <th scope="row">{formatDay(p.measured_on, lang)}</th>
                  <td>{value(p.value)}</td>
                  <td>
                    {p.source}
                    {p.note && <span className="outcome-chart__note">{p.note}</span>}
                  </td>
                </tr>
              ))}
              {target && <FixedRow label={t("outcomes.chart.targetRow")} date={target.date} value={value(target.value)} />}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function FixedRow({ label, date, value }: { label: string; date: string; value: string }) {
  const lang = currentLanguage();
  return (
    <tr className="outcome-chart__fixed">
      <th scope="row">{formatDay(date, lang)}</th>
      <td>{value}</td>
      <td>{label}</td>
    </tr>
  );
}
