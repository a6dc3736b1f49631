import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NETWORK_ROLES, PERSPECTIVES, type ParticipantAdmin } from "../../api/types";
import { email, maxLength, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { CheckboxGroup } from "../../ui/Choice";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { useForm } from "../../ui/useForm";

export interface PersonValues {
  display_name: string;
  email: string | null;
  perspective: string | null;
  network_roles: ("connector" | "maven" | "salesperson")[];
  access_needs: string | null;
}

interface Props {
  person?: ParticipantAdmin;
  /** The organisation's own perspectives (key → label), offered after the five built-in ones. */
  customLabels: ReadonlyMap<string, string>;
  submitLabel: string;
  saving: boolean;
  onSubmit: (values: PersonValues, onError: (e: unknown) => void) => void;
  onCancel: () => void;
}

/** Add or edit one person (facilitator side). */
export function PersonForm({ person, customLabels, submitLabel, saving, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [roles, setRoles] = useState<string[]>(person?.network_roles ?? []);
  const form = useForm(
    {
      display_name: person?.display_name ?? "",
      email: person?.email ?? "",
      perspective: person?.perspective ?? "",
      access_needs: person?.access_needs ?? "",
    },
    { display_name: [required, maxLength(80)], email: [email], access_needs: [maxLength(1000)] },
    { idPrefix: "person" },
  );
  const perspectiveOptions = [
    { value: "", label: t("perspectives.none") },
    ...PERSPECTIVES.map((p) => ({ value: p, label: t(`perspectives.${p}`) })),
    ...[...customLabels].map(([key, label]) => ({ value: key, label })),
  ];
  if (person?.perspective && !perspectiveOptions.some((o) => o.value === person.perspective)) {
    perspectiveOptions.push({ value: person.perspective, label: person.perspective });
  }

  return (
    <>
      <ErrorSummary ref={form.summaryRef} items={form.summary} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.check()) return;
          const v = form.values;
          onSubmit(
            {
              display_name: v.display_name.trim(),
              email: v.email.trim() || null,
              perspective: v.perspective || null,
              network_roles: roles as PersonValues["network_roles"],
              access_needs: v.access_needs.trim() || null,
            },
            form.showServerError,
          );
        }}
      >
        <TextField {...form.field("display_name")} label={t("participantsAdmin.name")} autoComplete="off" required />
        <TextField {...form.field("email")} type="email" label={t("participantsAdmin.email")} autoComplete="off" spellCheck={false} />
        <SelectField {...form.field("perspective")} label={t("perspectives.label")} options={perspectiveOptions} />
        <CheckboxGroup
          id="person-roles"
          legend={t("roles.label")}
          values={roles}
          onChange={setRoles}
          options={NETWORK_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`), hint: t(`roles.${r}_hint`) }))}
        />
        <TextArea {...form.field("access_needs")} label={t("participantsAdmin.accessNeeds")} hint={t("participantsAdmin.privateNote")} rows={2} />
        <div className="actions">
          <Button type="submit" disabled={saving}>
            {saving ? t("common.saving") : submitLabel}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </>
  );
}
