import { useTranslation } from "react-i18next";
import { OutcomeChart } from "../outcomes/OutcomeChart";
import "../outcomes/outcomes.css";
import { chartPoints } from "./chartPoints";
import type { PublicIndicator } from "./usePublicInitiatives";

/** One outcome indicator: what should change for people, and the outcomes chart with its table. */
export function PublicIndicatorView({ indicator }: { indicator: PublicIndicator }) {
  const { t } = useTranslation();
  const suppressed = indicator.measurements.filter((m) => m.suppressed).length;
  const baselineSuppressed = indicator.unit === "people" && indicator.baseline_value === null && indicator.baseline_on !== null;
  const unitName = indicator.unit === "other" ? indicator.unit_label : t(`outcomes.units.${indicator.unit}`);
  return (
    <li className="public-indicator" data-testid="public-indicator">
      <h5 className="public-indicator__name">{indicator.name}</h5>
      <p className="muted">{t("outcomes.card.meta", { unit: unitName, direction: t(`outcomes.directions.${indicator.direction}`) })}</p>
      {indicator.description && <p>{indicator.description}</p>}
      <OutcomeChart indicator={indicator} points={chartPoints(indicator)} />
      {(suppressed > 0 || baselineSuppressed) && (
        <p className="muted" data-testid="public-suppressed">
          {[baselineSuppressed ? t("publishing.public.baselineSuppressed") : "", suppressed > 0 ? t("publishing.public.suppressed", { count: suppressed }) : ""]
            .filter(Boolean)
            .join(" ")}
        </p>
      )}
    </li>
  );
}
