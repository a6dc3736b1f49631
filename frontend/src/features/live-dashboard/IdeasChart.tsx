import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { IdeaTimeline } from "../../api/dashboard";
import { currentLanguage } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { ideaSeries, linePaths, samplesOf } from "./chart";

const W = 600;
const H = 160;

function clock(ms: number, lang: string): string {
  return new Intl.DateTimeFormat(lang === "cy" ? "cy-GB" : "en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(ms));
}

/** Ideas over time for the whole session (the server's per-minute counts, counted as progress
 * counts): a hand-drawn SVG area chart with a table alternative. */
export function IdeasChart({ timeline, now }: { timeline: IdeaTimeline | undefined; now: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { points, step } = useMemo(() => ideaSeries(samplesOf(timeline?.buckets ?? []), now, 30), [timeline, now]);
  const { line, area, max } = useMemo(() => linePaths(points, W, H), [points]);
  const n = (x: number) => formatNumber(x, lang);
  const total = points.at(-1)?.total ?? 0;
  const minutes = Math.round(step / 60_000);
  const recent = points.slice(-Math.max(1, Math.round((10 * 60_000) / step)));
  const recentAdded = recent.reduce((s, p) => s + p.added, 0);
  const peak = points.reduce((best, p) => (p.added > best.added ? p : best), points[0] ?? { at: 0, added: 0, total: 0 });
  const summary =
    points.length === 0
      ? t("liveDashboard.chart.empty")
      : t("liveDashboard.chart.summary", {
          total: n(total),
          from: clock(points[0]!.at, lang),
          recent: n(recentAdded),
          peak: n(peak.added),
          peakAt: clock(peak.at, lang),
        });

  return (
    <section className="card" aria-labelledby="chart-h" data-testid="ideas-chart">
      <h2 id="chart-h">{t("liveDashboard.chart.heading")}</h2>
      <p id="chart-summary" data-testid="chart-summary">
        {summary}
      </p>
      {points.length > 0 && (
        <>
          <div className="ld-chart">
            <span className="ld-chart__max" aria-hidden="true">
              {n(max)}
            </span>
            <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-labelledby="chart-h" aria-describedby="chart-summary" className="ld-chart__svg">
              <line x1="0" y1={H / 2} x2={W} y2={H / 2} className="ld-chart__grid" />
              <path d={area} className="ld-chart__area" />
              <path d={line} className="ld-chart__line" vectorEffect="non-scaling-stroke" />
            </svg>
            <div className="ld-chart__axis" aria-hidden="true">
              <span>{clock(points[0]!.at, lang)}</span>
              <span>{clock(points.at(-1)!.at, lang)}</span>
            </div>
          </div>
          <details>
            <summary>{t("liveDashboard.chart.tableToggle")}</summary>
            <div className="table-wrap">
              <table className="data-table" data-testid="chart-table">
                <caption className="visually-hidden">{t("liveDashboard.chart.caption", { minutes: n(minutes) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("liveDashboard.chart.time")}</th>
                    <th scope="col">{t("liveDashboard.chart.added")}</th>
                    <th scope="col">{t("liveDashboard.chart.total")}</th>
                  </tr>
                </thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.at}>
                      <th scope="row">{clock(p.at, lang)}</th>
                      <td>{n(p.added)}</td>
                      <td>{n(p.total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
