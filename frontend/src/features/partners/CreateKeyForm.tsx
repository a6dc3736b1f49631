import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { catalogueKey, usePartnerScopes, useCreateApiKey, type ApiKeyCreated } from "../../api/partners";
import { fieldProblems, problemMessage } from "../../api/problem";
import { Button } from "../../ui/Button";
import { CheckboxGroup } from "../../ui/Choice";
import { ErrorSummary, type SummaryItem } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { useFocusAfterRender } from "../../ui/useFocusAfterRender";

/** Name, scopes and an optional last day; checked before sending. */
export function CreateKeyForm({ organisationId, onCreated }: { organisationId: string; onCreated: (key: ApiKeyCreated) => void }) {
  const { t } = useTranslation();
  const scopes = usePartnerScopes();
  const create = useCreateApiKey(organisationId);
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [expires, setExpires] = useState("");
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const focusSummary = useFocusAfterRender(summary);
  const fieldError = (id: string) => problems.find((p) => p.fieldId === id)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: SummaryItem[] = [];
    if (!name.trim()) found.push({ fieldId: "key-name", message: t("partners.keys.nameRequired") });
    if (chosen.length === 0) found.push({ fieldId: "key-scopes", message: t("partners.keys.scopesRequired") });
    setProblems(found);
    if (found.length > 0) return focusSummary();
    const expires_at = expires ? new Date(`${expires}T23:59:59`).toISOString() : null;
    create.mutate(
      { name: name.trim(), scopes: chosen, expires_at },
      {
        onSuccess: (key) => {
          setName("");
          setChosen([]);
          setExpires("");
          onCreated(key);
        },
        onError: (error) => {
          const byField = fieldProblems(t, error);
          const items = Object.entries(byField).map(([path, message]) => ({ fieldId: `key-${path.split(".")[0]}`, message }));
          setProblems(items.length ? items : [{ message: problemMessage(t, error) }]);
          focusSummary();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="create-key-heading">
      <h2 id="create-key-heading">{t("partners.keys.createHeading")}</h2>
      <ErrorSummary ref={summary} items={problems} />
      <TextField id="key-name" label={t("partners.keys.name")} hint={t("partners.keys.nameHint")} value={name} onChange={setName} maxLength={100} error={fieldError("key-name")} />
      <CheckboxGroup
        id="key-scopes"
        legend={t("partners.keys.scopes")}
        error={fieldError("key-scopes")}
        options={(scopes.data ?? []).map((s) => ({ value: s.name, label: t(`partners.scope.${catalogueKey(s.name)}`, { defaultValue: s.description }), hint: s.name }))}
        values={chosen}
        onChange={setChosen}
      />
      <TextField id="key-expires_at" type="date" className="input--short" label={t("partners.keys.expires")} hint={t("partners.keys.expiresHint")} value={expires} onChange={setExpires} error={fieldError("key-expires_at")} />
      <div className="actions">
        <Button type="submit" disabled={create.isPending}>
          {t("partners.keys.create")}
        </Button>
      </div>
    </form>
  );
}
