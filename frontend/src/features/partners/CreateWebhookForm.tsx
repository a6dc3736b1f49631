import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { catalogueKey, useCreateWebhook, useEventKinds, type WebhookCreated } from "../../api/partners";
import { fieldProblems, problemMessage } from "../../api/problem";
import { Button } from "../../ui/Button";
import { CheckboxGroup } from "../../ui/Choice";
import { ErrorSummary, type SummaryItem } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/Field";
import { useFocusAfterRender } from "../../ui/useFocusAfterRender";
import { looksLikeWebhookUrl } from "./webhookUrl";

/** URL, events and a description; checked before sending. */
export function CreateWebhookForm({ organisationId, onCreated }: { organisationId: string; onCreated: (hook: WebhookCreated) => void }) {
  const { t } = useTranslation();
  const kinds = useEventKinds();
  const create = useCreateWebhook(organisationId);
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const focusSummary = useFocusAfterRender(summary);
  const fieldError = (id: string) => problems.find((p) => p.fieldId === id)?.message;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: SummaryItem[] = [];
    if (!looksLikeWebhookUrl(url.trim())) found.push({ fieldId: "hook-url", message: t("partners.hooks.urlInvalid") });
    if (chosen.length === 0) found.push({ fieldId: "hook-event_kinds", message: t("partners.hooks.eventsRequired") });
    setProblems(found);
    if (found.length > 0) return focusSummary();
    create.mutate(
      { url: url.trim(), event_kinds: chosen, description: description.trim() || null },
      {
        onSuccess: (hook) => {
          setUrl("");
          setDescription("");
          setChosen([]);
          onCreated(hook);
        },
        onError: (error) => {
          const items = Object.entries(fieldProblems(t, error)).map(([path, message]) => ({ fieldId: `hook-${path.split(".")[0]}`, message }));
          setProblems(items.length ? items : [{ fieldId: "hook-url", message: problemMessage(t, error) }]);
          focusSummary();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-labelledby="create-hook-heading">
      <h2 id="create-hook-heading">{t("partners.hooks.createHeading")}</h2>
      <ErrorSummary ref={summary} items={problems} />
      <TextField
        id="hook-url"
        type="url"
        inputMode="url"
        autoComplete="off"
        label={t("partners.hooks.url")}
        hint={t("partners.hooks.urlHint")}
        value={url}
        onChange={setUrl}
        maxLength={2000}
        error={fieldError("hook-url")}
      />
      <CheckboxGroup
        id="hook-event_kinds"
        legend={t("partners.hooks.events")}
        error={fieldError("hook-event_kinds")}
        options={(kinds.data ?? []).map((k) => ({ value: k.name, label: t(`partners.event.${catalogueKey(k.name)}`, { defaultValue: k.description }), hint: k.name }))}
        values={chosen}
        onChange={setChosen}
      />
      <TextField id="hook-description" label={t("partners.hooks.description")} value={description} onChange={setDescription} maxLength={300} error={fieldError("hook-description")} />
      <div className="actions">
        <Button type="submit" disabled={create.isPending}>
          {t("partners.hooks.create")}
        </Button>
      </div>
    </form>
  );
}
