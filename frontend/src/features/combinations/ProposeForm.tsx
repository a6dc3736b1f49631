import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePropose, type TableIdea } from "../../api/combinations";
import { problemMessage } from "../../api/problem";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { SelectField, TextArea } from "../../ui/Field";
import { Notice } from "../../ui/Status";

/** Draft a combination of the table's idea with another table's, with the combined idea's text:
 * it goes to that table once most of this table supports it. */
export function ProposeForm({ candidates, say }: { candidates: TableIdea[]; say: (text: string) => void }) {
  const { t } = useTranslation();
  const propose = usePropose();
  const [tableId, setTableId] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<{ table?: string; text?: string; form?: string }>({});
  const [key, setKey] = useState(randomId);

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (propose.isPending) return;
    const found: typeof errors = {};
    if (!tableId) found.table = t("combinations.tableRequired");
    if (!text.trim()) found.text = t("combinations.textRequired");
    setErrors(found);
    if (found.table || found.text) {
      document.getElementById(found.table ? "combine-table" : "combine-text")?.focus();
      return;
    }
    const number = candidates.find((c) => c.table_id === tableId)?.number;
    propose.mutate(
      { tableId, text, key },
      {
        onSuccess: (made) => {
          setText("");
          setTableId("");
          setKey(randomId());
          say(t(made.status === "draft" ? "combinations.proposed" : "combinations.proposedSent", { number }));
        },
        onError: (err) => setErrors({ form: problemMessage(t, err) }),
      },
    );
  }

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="propose-title" data-testid="propose-form">
      <h2 id="propose-title">{t("combinations.proposeTitle")}</h2>
      <p className="muted">{t("combinations.proposeHint")}</p>
      <SelectField
        id="combine-table"
        label={t("combinations.table")}
        error={errors.table}
        value={tableId}
        onChange={setTableId}
        options={[{ value: "", label: t("combinations.choose") }, ...candidates.map((c) => ({ value: c.table_id, label: t("combinations.tableOption", { number: c.number, idea: c.idea_text }) }))]}
      />
      <TextArea id="combine-text" label={t("combinations.text")} hint={t("combinations.textHint")} error={errors.text} value={text} onChange={setText} rows={3} maxLength={500} required />
      {errors.form && (
        <Notice tone="error" live>
          <p>{errors.form}</p>
        </Notice>
      )}
      <Button type="submit" aria-disabled={propose.isPending || undefined} data-testid="propose-send">
        {t("combinations.propose")}
      </Button>
    </form>
  );
}
