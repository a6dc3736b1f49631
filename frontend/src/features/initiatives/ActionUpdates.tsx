import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACTION_STATUSES, useActionUpdates, useAddUpdate, type ActionPublic, type ActionStatus } from "../../api/initiatives";
import { problemMessage } from "../../api/problem";
import { currentLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/Button";
import { SelectField, TextArea } from "../../ui/Field";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";

/** Record progress on an action (a note and/or a new status), and read its history. */
export function ActionUpdates({ initiativeId, action }: { initiativeId: string; action: ActionPublic }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const add = useAddUpdate(initiativeId);
  const history = useActionUpdates(initiativeId, action.id, open);
  const prefix = `update-${action.id}`;

  return (
    <>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { actionId: action.id, note: note.trim(), status: status === action.status ? undefined : status },
            {
              onSuccess: () => {
                setNote("");
                void history.refetch();
              },
            },
          );
        }}
      >
        <SelectField
          id={`${prefix}-status`}
          label={t("initiatives.fieldNewStatus")}
          value={status}
          onChange={(v) => setStatus(v as ActionStatus)}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`initiatives.actionStatus.${s}`) }))}
        />
        <TextArea id={`${prefix}-note`} label={t("initiatives.fieldNote")} value={note} onChange={setNote} rows={2} maxLength={4000} />
        <Button type="submit" disabled={add.isPending} aria-label={t("initiatives.addUpdateFor", { title: action.title })}>
          {t("initiatives.addUpdate")}
        </Button>
      </form>
      {add.isError && (
        <Notice tone="error" live>
          <p>{problemMessage(t, add.error)}</p>
        </Notice>
      )}
      <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{t("initiatives.history")}</summary>
        {history.isPending && open && <Loading />}
        {history.isError && <ErrorNotice error={history.error} />}
        {history.data && history.data.items.length === 0 && <p>{t("initiatives.noHistory")}</p>}
        <ol className="plain-list">
          {history.data?.items.map((u) => (
            <li key={u.id}>
              <p className="muted">
                {formatDateTime(u.created_at, lang)} · {u.author_name}
              </p>
              {u.to_status && (
                <p>
                  {t("initiatives.statusChange", {
                    from: t(`initiatives.actionStatus.${u.from_status ?? "todo"}`),
                    to: t(`initiatives.actionStatus.${u.to_status}`),
                  })}
                </p>
              )}
              {u.note && <p>{u.note}</p>}
            </li>
          ))}
        </ol>
      </details>
    </>
  );
}
