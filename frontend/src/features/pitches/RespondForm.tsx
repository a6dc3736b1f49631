import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMyTable } from "../../api/participants";
import { RESPONSE_KINDS, useRespond, type ResponseKind } from "../../api/pitches";
import { problemMessage } from "../../api/problem";
import { CAPITALS, type Capital } from "../../api/types";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { CheckboxGroup, RadioGroup } from "../../ui/Choice";
import { TextArea } from "../../ui/Field";
import { Notice } from "../../ui/Status";

/** An offer of help (from the table's pooled strengths), a question or a suggestion. */
export function RespondForm({ pitchId, tableNumber, say }: { pitchId: string; tableNumber: number; say: (text: string) => void }) {
  const { t } = useTranslation();
  const respond = useRespond(pitchId);
  const table = useMyTable();
  const pooled = table.data?.pooled_strengths;
  const offerable = CAPITALS.filter((c) => (pooled?.[c] ?? []).length > 0);
  const [kind, setKind] = useState<ResponseKind>(offerable.length ? "offer" : "question");
  const [body, setBody] = useState("");
  const [capitals, setCapitals] = useState<Capital[]>([]);
  const [errors, setErrors] = useState<{ body?: string; capitals?: string; form?: string }>({});
  // One key per response being written: a retry after a dropped connection never sends it twice.
  const [key, setKey] = useState(randomId);
  const prefix = `respond-${pitchId}`;

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (respond.isPending) return;
    const found: typeof errors = {};
    if (!body.trim()) found.body = t("pitches.respond.bodyRequired");
    if (kind === "offer" && capitals.length === 0) found.capitals = t("pitches.respond.capitalRequired");
    setErrors(found);
    if (found.body || found.capitals) {
      document.getElementById(found.body ? `${prefix}-body` : `${prefix}-capitals`)?.focus();
      return;
    }
    respond.mutate(
      { key, body: { kind, body, capitals: kind === "offer" ? capitals : [] } },
      {
        onSuccess: () => {
          setBody("");
          setCapitals([]);
          setKey(randomId());
          say(t("pitches.respond.sent"));
        },
        onError: (err) => setErrors({ form: problemMessage(t, err) }),
      },
    );
  }

  return (
    <form className="pitch-respond" onSubmit={onSubmit} noValidate aria-labelledby={`${prefix}-title`} data-testid="respond-form">
      <h4 id={`${prefix}-title`}>
        {t("pitches.respond.title")} <span className="visually-hidden">({t("pitches.tableName", { number: tableNumber })})</span>
      </h4>
      <RadioGroup
        id={`${prefix}-kind`}
        legend={t("pitches.respond.kind")}
        options={RESPONSE_KINDS.filter((k) => k !== "offer" || offerable.length > 0).map((k) => ({ value: k, label: t(`pitches.responses.kinds.${k}`) }))}
        value={kind}
        onChange={(v) => setKind(v as ResponseKind)}
      />
      {offerable.length === 0 && <p className="muted">{t("pitches.respond.noStrengths")}</p>}
      {kind === "offer" && offerable.length > 0 && (
        <CheckboxGroup
          id={`${prefix}-capitals`}
          legend={t("pitches.respond.capitals")}
          hint={t("pitches.respond.capitalsHint")}
          error={errors.capitals}
          options={offerable.map((c) => ({ value: c, label: t(`capitals.${c}`) }))}
          values={capitals}
          onChange={(v) => setCapitals(v as Capital[])}
        />
      )}
      <TextArea id={`${prefix}-body`} label={t("pitches.respond.body")} error={errors.body} value={body} onChange={setBody} rows={3} maxLength={2000} required />
      {errors.form && (
        <Notice tone="error" live>
          <p>{errors.form}</p>
        </Notice>
      )}
      <Button type="submit" aria-disabled={respond.isPending || undefined} data-testid="respond-send">
        {t("pitches.respond.send")}
      </Button>
    </form>
  );
}
