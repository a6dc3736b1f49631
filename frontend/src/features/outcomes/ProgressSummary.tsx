import { useTranslation } from "react-i18next";
import type { Indicator } from "../../api/outcomes";
import { currentLanguage } from "../../i18n";
import { progressState } from "./chart";
import { formatDay, formatValue } from "./format";

/** The chart in words: the latest figure and how far it has come from baseline to target. */
export function ProgressSummary({ indicator, id }: { indicator: Indicator; id: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const value = (v: number | null | undefined) => formatValue(t, v, indicator.unit, indicator.unit_label, lang);
  const latest =
    indicator.latest_value === null
      ? t("outcomes.summary.noMeasurements")
      : t("outcomes.summary.latest", { value: value(indicator.latest_value), date: formatDay(indicator.latest_on, lang) });
  const state = progressState(indicator.progress);
  const progress =
    state.kind === "partway"
      ? t("outcomes.summary.partway", { percent: state.percent })
      : state.kind === "reached"
        ? t("outcomes.summary.reached")
        : state.kind === "backwards"
          ? t("outcomes.summary.backwards")
          : "";
  const frame = [
    indicator.baseline_value !== null ? t("outcomes.summary.baseline", { value: value(indicator.baseline_value), date: formatDay(indicator.baseline_on, lang) }) : "",
    indicator.target_value !== null ? t("outcomes.summary.target", { value: value(indicator.target_value), date: formatDay(indicator.target_on, lang) }) : "",
  ];
  return (
    <p id={id} className="outcome-summary" data-testid="outcome-summary">
      {[latest, progress, ...frame].filter(Boolean).join(" ")}
    </p>
  );
}
