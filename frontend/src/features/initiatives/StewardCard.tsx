import { useTranslation } from "react-i18next";
import { STEWARD_KINDS, useSetSteward, type InitiativeDetail, type StewardKind } from "../../api/initiatives";
import { maxLength } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { ErrorSummary } from "../../ui/ErrorSummary";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { useForm } from "../../ui/useForm";
import { StewardMembers } from "./StewardMembers";

type F = "kind" | "name" | "description";

/** Who keeps the initiative going: a person, a committee or an independent party, and its members. */
export function StewardCard({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const steward = initiative.steward;
  const set = useSetSteward(initiative.id);
  const form = useForm<F>(
    { kind: steward?.kind ?? "person", name: steward?.name ?? "", description: steward?.description ?? "" },
    { name: [maxLength(200)], description: [maxLength(2000)] },
    {
      idPrefix: "steward",
      crossCheck: (v) => (v.kind !== "person" && !v.name.trim() ? { name: { key: "initiatives.stewardNameNeeded" } } : {}),
    },
  );

  return (
    <section className="card" aria-labelledby="steward-title">
      <h2 id="steward-title">{t("initiatives.stewardTitle")}</h2>
      {steward ? (
        <p>
          <strong>{t(`initiatives.kind.${steward.kind}`)}</strong>
          {steward.name && <> · {steward.name}</>}
        </p>
      ) : (
        <p>{t("initiatives.noSteward")}</p>
      )}
      {steward?.description && <p>{steward.description}</p>}
      {initiative.can_manage_steward && (
        <details>
          <summary>{steward ? t("initiatives.changeSteward") : t("initiatives.chooseSteward")}</summary>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!form.check()) return;
              const { kind, name, description } = form.values;
              set.mutate({ kind: kind as StewardKind, name: name.trim() || null, description: description.trim() || null }, { onError: form.showServerError });
            }}
          >
            <ErrorSummary ref={form.summaryRef} items={form.summary} />
            <SelectField
              {...form.field("kind")}
              label={t("initiatives.fieldKind")}
              options={STEWARD_KINDS.map((k) => ({ value: k, label: t(`initiatives.kind.${k}`) }))}
            />
            <TextField {...form.field("name")} label={t("initiatives.fieldStewardName")} hint={t("initiatives.fieldStewardNameHint")} />
            <TextArea {...form.field("description")} label={t("initiatives.fieldDescription")} rows={3} />
            <Button type="submit" disabled={set.isPending}>
              {t("initiatives.saveSteward")}
            </Button>
          </form>
        </details>
      )}
      {steward && <StewardMembers initiativeId={initiative.id} members={steward.members} canManage={initiative.can_manage_steward} />}
    </section>
  );
}
