import { useTranslation } from "react-i18next";
import { useRecordMeasurement, type Indicator } from "../../api/outcomes";
import { currentLanguage } from "../../i18n";
import { maxLength, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextArea, TextField } from "../../ui/Field";
import { useForm } from "../../ui/useForm";
import { formatValue, todayInput } from "./format";
import { isNumber, parseNumber } from "./indicatorFormModel";

/** A dated measurement of one indicator, in the indicator's unit, with where it came from. */
export function MeasurementForm({ initiativeId, indicator, onDone }: { initiativeId: string; indicator: Indicator; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const record = useRecordMeasurement(initiativeId, indicator.id);
  const prefix = `measure-${indicator.id}`;
  const form = useForm(
    { value: "", measured_on: todayInput(), source: "", note: "" },
    { value: [required, isNumber], measured_on: [required], source: [required, maxLength(300)], note: [maxLength(2000)] },
    { idPrefix: prefix },
  );
  const unitName = indicator.unit === "other" ? (indicator.unit_label ?? "") : t(`outcomes.units.${indicator.unit}`);
  return (
    <section className="card outcome-form" aria-labelledby={`${prefix}-h`}>
      <h3 id={`${prefix}-h`}>{t("outcomes.measure.heading", { name: indicator.name })}</h3>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          const v = form.values;
          record.mutate(
            { value: parseNumber(v.value)!, unit: indicator.unit, measured_on: v.measured_on, source: v.source.trim(), note: v.note.trim() || null },
            { onSuccess: () => onDone(true), onError: form.showServerError },
          );
        }}
      >
        <TextField
          {...form.field("value")}
          inputMode="decimal"
          autoComplete="off"
          label={t("outcomes.measure.value", { unit: unitName })}
          hint={t("outcomes.measure.valueHint", { example: formatValue(t, indicator.latest_value ?? indicator.baseline_value ?? 42, indicator.unit, indicator.unit_label, lang) })}
          required
        />
        <TextField {...form.field("measured_on")} type="date" max={tomorrow()} label={t("outcomes.measure.date")} required />
        <TextField {...form.field("source")} label={t("outcomes.measure.source")} hint={t("outcomes.measure.sourceHint")} required />
        <TextArea {...form.field("note")} label={t("outcomes.measure.note")} rows={2} />
        <div className="actions">
          <Button type="submit" disabled={record.isPending}>
            {t("outcomes.measure.save")}
          </Button>
          <Button variant="quiet" onClick={() => onDone(false)}>
            {t("outcomes.form.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}

function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
