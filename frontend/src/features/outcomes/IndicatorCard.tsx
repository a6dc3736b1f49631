import { useTranslation } from "react-i18next";
import { useSeries, useUpdateIndicator, type Indicator } from "../../api/outcomes";
import { Button } from "../../ui/Button";
import { ErrorNotice, Loading } from "../../ui/Status";
import { IndicatorForm } from "./IndicatorForm";
import { indicatorValues } from "./indicatorFormModel";
import { MeasurementForm } from "./MeasurementForm";
import { OutcomeChart } from "./OutcomeChart";

export type CardMode = "view" | "edit" | "measure";

interface Props {
  initiativeId: string;
  indicator: Indicator;
  mode: CardMode;
  onMode: (mode: CardMode, saved?: string) => void;
}

/** One indicator: what should change, its chart against baseline and target, and its forms. */
export function IndicatorCard({ initiativeId, indicator, mode, onMode }: Props) {
  const { t } = useTranslation();
  const series = useSeries(indicator.id);
  const update = useUpdateIndicator(initiativeId, indicator.id);
  const unitName = indicator.unit === "other" ? indicator.unit_label : t(`outcomes.units.${indicator.unit}`);

  return (
    <li className="card outcome-card" data-testid="indicator">
      <h3 className="outcome-card__name">{indicator.name}</h3>
      <p className="muted">{t("outcomes.card.meta", { unit: unitName, direction: t(`outcomes.directions.${indicator.direction}`) })}</p>
      {indicator.description && <p>{indicator.description}</p>}
      {series.isPending && <Loading />}
      {series.isError && <ErrorNotice error={series.error} />}
      {series.data && <OutcomeChart indicator={series.data.indicator} points={series.data.points} />}
      {mode === "view" && (
        <div className="actions">
          <Button variant="secondary" onClick={() => onMode("measure")}>
            {t("outcomes.card.addMeasurement")}
            <span className="visually-hidden">: {indicator.name}</span>
          </Button>
          <Button variant="quiet" onClick={() => onMode("edit")}>
            {t("outcomes.card.edit")}
            <span className="visually-hidden">: {indicator.name}</span>
          </Button>
        </div>
      )}
      {mode === "measure" && <MeasurementForm initiativeId={initiativeId} indicator={indicator} onDone={(saved) => onMode("view", saved ? t("outcomes.saved.measurement") : undefined)} />}
      {mode === "edit" && (
        <IndicatorForm
          idPrefix={`edit-${indicator.id}`}
          heading={t("outcomes.form.editHeading", { name: indicator.name })}
          initial={indicatorValues(indicator)}
          submitLabel={t("outcomes.form.saveChanges")}
          saving={update.isPending}
          onSubmit={(body, onError) => update.mutate(body, { onSuccess: () => onMode("view", t("outcomes.saved.indicator")), onError })}
          onCancel={() => onMode("view")}
        />
      )}
    </li>
  );
}
