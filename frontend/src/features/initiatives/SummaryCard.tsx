import { useState } from "react";
import { useTranslation } from "react-i18next";
import { INITIATIVE_STATUSES, useUpdateInitiative, type InitiativeDetail, type InitiativeStatus } from "../../api/initiatives";
import { maxLength, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { useForm } from "../../ui/useForm";

type F = "title" | "summary" | "status";

/** The initiative's summary and status, with an edit form (412 when someone else changed it). */
export function SummaryCard({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const update = useUpdateInitiative(initiative.id);
  const form = useForm<F>(
    { title: initiative.title, summary: initiative.summary ?? "", status: initiative.status },
    { title: [required, maxLength(300)], summary: [maxLength(4000)] },
    { idPrefix: "initiative" },
  );

  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title">{t("initiatives.summaryTitle")}</h2>
      {!editing && (
        <>
          <p>{initiative.summary || t("initiatives.noSummary")}</p>
          <Button
            variant="secondary"
            onClick={() => {
              form.setValues({ title: initiative.title, summary: initiative.summary ?? "", status: initiative.status });
              setEditing(true);
            }}
          >
            {t("initiatives.editSummary")}
          </Button>
        </>
      )}
      {editing && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!form.check()) return;
            const body = { title: form.values.title.trim(), summary: form.values.summary.trim(), status: form.values.status as InitiativeStatus };
            update.mutate({ version: initiative.version, body }, { onSuccess: () => setEditing(false), onError: form.showServerError });
          }}
        >
          <ErrorSummary ref={form.summaryRef} items={form.summary} />
          <TextField {...form.field("title")} label={t("initiatives.fieldTitle")} required />
          <TextArea {...form.field("summary")} label={t("initiatives.fieldSummary")} />
          <SelectField
            {...form.field("status")}
            label={t("initiatives.fieldStatus")}
            options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))}
          />
          <div className="actions">
            <Button type="submit" disabled={update.isPending}>
              {t("initiatives.save")}
            </Button>
            <Button variant="quiet" onClick={() => setEditing(false)}>
              {t("initiatives.cancel")}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
