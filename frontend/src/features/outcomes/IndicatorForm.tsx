import { useTranslation } from "react-i18next";
import { DIRECTIONS, UNITS, type IndicatorCreate } from "../../api/outcomes";
import { Button } from "../../ui/Button";
import { RadioGroup } from "../../ui/Choice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { useForm } from "../../ui/useForm";
import { crossCheck, indicatorRules, toBody, type IndicatorValues } from "./indicatorFormModel";

interface Props {
  idPrefix: string;
  heading: string;
  initial: IndicatorValues;
  submitLabel: string;
  saving: boolean;
  onSubmit: (body: IndicatorCreate, onError: (e: unknown) => void) => void;
  onCancel: () => void;
}

/** What should change for people, in which unit and direction, from which baseline to which target. */
export function IndicatorForm({ idPrefix, heading, initial, submitLabel, saving, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const form = useForm(initial, indicatorRules, { idPrefix, crossCheck });
  const numeric = { inputMode: "decimal" as const, autoComplete: "off" };
  return (
    <section className="card outcome-form" aria-labelledby={`${idPrefix}-h`}>
      <h3 id={`${idPrefix}-h`}>{heading}</h3>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (form.check()) onSubmit(toBody(form.values), form.showServerError);
        }}
      >
        <TextField {...form.field("name")} label={t("outcomes.form.name")} hint={t("outcomes.form.nameHint")} required />
        <TextArea {...form.field("description")} label={t("outcomes.form.description")} rows={3} />
        <div className="grid-2">
          <SelectField {...form.field("unit")} label={t("outcomes.form.unit")} options={UNITS.map((u) => ({ value: u, label: t(`outcomes.units.${u}`) }))} />
          {form.values.unit === "other" && <TextField {...form.field("unit_label")} label={t("outcomes.form.unitLabel")} hint={t("outcomes.form.unitLabelHint")} required />}
        </div>
        <RadioGroup
          id={form.idOf("direction")}
          legend={t("outcomes.form.direction")}
          value={form.values.direction}
          onChange={(v) => form.field("direction").onChange(v)}
          options={DIRECTIONS.map((d) => ({ value: d, label: t(`outcomes.directions.${d}`) }))}
        />
        <fieldset className="field fieldset">
          <legend className="field__label">{t("outcomes.form.baseline")}</legend>
          <p className="field__hint">{t("outcomes.form.baselineHint")}</p>
          <div className="grid-2">
            <TextField {...form.field("baseline_value")} {...numeric} label={t("outcomes.form.baselineValue")} />
            <TextField {...form.field("baseline_on")} type="date" label={t("outcomes.form.baselineDate")} />
          </div>
        </fieldset>
        <fieldset className="field fieldset">
          <legend className="field__label">{t("outcomes.form.target")}</legend>
          <div className="grid-2">
            <TextField {...form.field("target_value")} {...numeric} label={t("outcomes.form.targetValue")} />
            <TextField {...form.field("target_on")} type="date" label={t("outcomes.form.targetDate")} />
          </div>
        </fieldset>
        <div className="actions">
          <Button type="submit" disabled={saving}>
            {submitLabel}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t("outcomes.form.cancel")}
          </Button>
        </div>
      </form>
    </section>
  );
}
