import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionCreate } from "../../api/types";
import { Button } from "../../ui/Button";
import { CheckboxGroup, RadioGroup } from "../../ui/Choice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextArea, TextField } from "../../ui/Field";
import { useForm } from "../../ui/useForm";
import { crossCheck, serverPaths, sessionRules, toBody, type SessionValues } from "./sessionFormModel";

type Body = Omit<SessionCreate, "organisation_id">;

interface Props {
  initial: SessionValues;
  initialLanguages: ("en" | "cy")[];
  submitLabel: string;
  saving: boolean;
  onSubmit: (body: Body, onError: (e: unknown) => void) => void;
}

export function SessionForm({ initial, initialLanguages, submitLabel, saving, onSubmit }: Props) {
  const { t } = useTranslation();
  const [languages, setLanguages] = useState<string[]>(initialLanguages);
  const form = useForm(initial, sessionRules, { idPrefix: "session", serverPaths, crossCheck });
  const bilingual = (name: "title" | "challenge" | "consent", label: string, multiline: boolean, hint?: string) => {
    const Field = multiline ? TextArea : TextField;
    return (
      <fieldset className="field fieldset">
        <legend className="field__label">{label}</legend>
        {hint && <p className="field__hint">{hint}</p>}
        <div className="grid-2">
          <Field {...form.field(`${name}_en` as const)} label={t("common.inEnglish", { field: label })} lang="en" />
          <Field {...form.field(`${name}_cy` as const)} label={t("common.inWelsh", { field: label })} lang="cy" />
        </div>
      </fieldset>
    );
  };

  return (
    <>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          const langs = (languages.length ? languages : ["en", "cy"]) as ("en" | "cy")[];
          onSubmit(toBody(form.values, langs), form.showServerError);
        }}
      >
        <p className="muted">{t("sessionForm.bilingualHint")}</p>
        {bilingual("title", t("sessionForm.titleField"), false)}
        {bilingual("challenge", t("sessionForm.challenge"), true, t("sessionForm.challengeHint"))}
        {bilingual("consent", t("sessionForm.consentText"), true, t("sessionForm.consentHint"))}
        <h2>{t("sessionForm.whereWhen")}</h2>
        <RadioGroup
          id="session-mode"
          legend={t("sessionForm.mode")}
          value={form.values.mode}
          onChange={(v) => form.field("mode").onChange(v)}
          options={[
            { value: "venue", label: t("sessionForm.modeVenue") },
            { value: "online", label: t("sessionForm.modeOnline") },
          ]}
        />
        {form.values.mode === "venue" && <TextField {...form.field("venue")} label={t("sessionForm.venue")} />}
        <div className="grid-2">
          <TextField {...form.field("starts_at")} type="datetime-local" label={t("sessionForm.startsAt")} required />
          <TextField {...form.field("ends_at")} type="datetime-local" label={t("sessionForm.endsAt")} />
        </div>
        <CheckboxGroup
          id="session-languages"
          legend={t("sessionForm.languages")}
          values={languages}
          onChange={setLanguages}
          options={[
            { value: "en", label: t("common.english") },
            { value: "cy", label: t("common.welsh") },
          ]}
        />
        <h2>{t("sessionForm.targetsLegend")}</h2>
        <div className="grid-2">
          <TextField {...form.field("ideas_min")} type="number" inputMode="numeric" min={1} max={100} label={t("sessionForm.ideasMin")} className="input--short" />
          <TextField {...form.field("ideas_max")} type="number" inputMode="numeric" min={1} max={100} label={t("sessionForm.ideasMax")} className="input--short" />
          <TextField {...form.field("ideas_per_table")} type="number" inputMode="numeric" min={1} max={5000} label={t("sessionForm.ideasPerTable")} className="input--short" />
        </div>
        <div className="grid-2">
          <TextField {...form.field("table_min")} type="number" inputMode="numeric" min={2} max={20} label={t("sessionForm.tableMin")} className="input--short" />
          <TextField {...form.field("table_max")} type="number" inputMode="numeric" min={2} max={20} label={t("sessionForm.tableMax")} className="input--short" />
        </div>
        <Button type="submit" disabled={saving}>
          {saving ? t("common.saving") : submitLabel}
        </Button>
      </form>
    </>
  );
}
