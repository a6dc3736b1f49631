import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionCreate, ActionPublic } from "../../api/initiatives";
import { maxLength, required, type Rule } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Choice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { TextArea, TextField } from "../../ui/Field";
import { useForm } from "../../ui/useForm";

type F = "title" | "description" | "owner_role" | "owner_name" | "due_on";

const isoDay: Rule = (v) => {
  if (!v) return null;
  const [y] = v.split("-").map(Number);
  return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && y! >= 2000 && y! <= 2100 ? null : { key: "initiatives.dueInvalid" };
};

interface Props {
  idPrefix: string;
  action?: ActionPublic;
  pending: boolean;
  submitLabel: string;
  onSubmit: (body: ActionCreate, done: () => void, fail: (error: unknown) => void) => void;
  onCancel?: () => void;
}

/** Add or edit an action: what, who owns it (by role, named only if they agreed), by when. */
export function ActionForm({ idPrefix, action, pending, submitLabel, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const initial = {
    title: action?.title ?? "",
    description: action?.description ?? "",
    owner_role: action?.owner_role ?? "",
    owner_name: action?.owner_name ?? "",
    due_on: action?.due_on ?? "",
  };
  const [named, setNamed] = useState(action?.owner_agreed_to_be_named ?? false);
  const form = useForm<F>(
    initial,
    { title: [required, maxLength(300)], description: [maxLength(4000)], owner_role: [required, maxLength(120)], owner_name: [maxLength(120)], due_on: [isoDay] },
    { idPrefix },
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!form.check()) return;
        const v = form.values;
        const body: ActionCreate = {
          title: v.title.trim(),
          description: v.description.trim() || null,
          owner_role: v.owner_role.trim(),
          owner_name: v.owner_name.trim() || null,
          owner_agreed_to_be_named: named,
          due_on: v.due_on || null,
        };
        onSubmit(
          body,
          () => {
            if (!action) form.setValues(initial);
          },
          form.showServerError,
        );
      }}
    >
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <TextField {...form.field("title")} label={t("initiatives.fieldActionTitle")} required />
      <TextArea {...form.field("description")} label={t("initiatives.fieldActionDescription")} rows={3} />
      <TextField {...form.field("owner_role")} label={t("initiatives.fieldOwnerRole")} hint={t("initiatives.fieldOwnerRoleHint")} required />
      <TextField {...form.field("owner_name")} label={t("initiatives.fieldOwnerName")} />
      <Checkbox id={`${idPrefix}-named`} label={t("initiatives.fieldOwnerNamed")} checked={named} onChange={setNamed} />
      <TextField {...form.field("due_on")} type="date" label={t("initiatives.fieldDue")} hint={t("initiatives.fieldDueHint")} />
      <div className="actions">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="quiet" onClick={onCancel}>
            {t("initiatives.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
