import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFlags, useResolveFlag, type FlagPublic, type SessionIdea } from "../../api/dashboard";
import { currentLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/Field";
import { ErrorNotice, Loading } from "../../ui/Status";

function ResolveForm({ sessionId, flag }: { sessionId: string; flag: FlagPublic }) {
  const { t } = useTranslation();
  const resolve = useResolveFlag(sessionId);
  const [note, setNote] = useState("");
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        resolve.mutate({ flagId: flag.id, note });
      }}
    >
      <TextArea id={`resolve-${flag.id}`} label={t("moderation.resolveNote")} hint={t("moderation.resolveNoteHint")} value={note} onChange={setNote} rows={2} maxLength={2000} />
      {resolve.isError && <ErrorNotice error={resolve.error} />}
      <Button type="submit" disabled={resolve.isPending} data-testid={`resolve-${flag.id}`}>
        {t("moderation.resolve")}
      </Button>
    </form>
  );
}

/** Safeguarding flags, open ones first; resolving one keeps a note. */
export function FlagsSection({
  sessionId,
  ideasById,
  nameOf,
  tableOf,
}: {
  sessionId: string;
  ideasById: Map<string, SessionIdea>;
  nameOf: (participantId: string | null | undefined) => string | null;
  tableOf: (tableId: string | null | undefined) => string | null;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const flags = useFlags(sessionId);
  const items = [...(flags.data ?? [])].sort((a, b) => {
    const open = Number(Boolean(a.resolved_at)) - Number(Boolean(b.resolved_at));
    return open || b.created_at.localeCompare(a.created_at);
  });
  const open = items.filter((f) => !f.resolved_at).length;
  return (
    <section className="card" aria-labelledby="flags-h" data-testid="flags">
      <h2 id="flags-h">{t("moderation.flagsHeading")}</h2>
      <p className={open ? "ld-pace ld-pace--stuck" : "muted"} data-testid="open-flags">
        {t("moderation.openFlags", { count: open })}
      </p>
      {flags.isPending && <Loading />}
      {flags.isError && <ErrorNotice error={flags.error} />}
      {items.length > 0 && (
        <ul className="plain-list">
          {items.map((f) => {
            const idea = f.idea_id ? ideasById.get(f.idea_id) : undefined;
            const who = nameOf(f.raised_by_participant_id) ?? (f.raised_by_user_id ? t("moderation.aFacilitator") : t("moderation.someone"));
            return (
              <li key={f.id} className={f.resolved_at ? "mod-flag" : "mod-flag mod-flag--open"} data-testid="flag-item">
                <p>
                  <strong>{f.resolved_at ? t("moderation.resolved") : t("moderation.open")}</strong>
                  {" · "}
                  {tableOf(f.table_id) ?? t("moderation.noTable")} · {t("moderation.raisedBy", { name: who })} · {formatDateTime(f.created_at, lang)}
                </p>
                <blockquote className="quote">{f.note}</blockquote>
                {idea && (
                  <p>
                    {t("moderation.aboutIdea")} <q className="idea__text">{idea.text}</q>
                  </p>
                )}
                {f.resolved_at ? (
                  <p className="muted">
                    {t("moderation.resolvedAt", { when: formatDateTime(f.resolved_at, lang) })}
                    {f.resolution_note && <> · “{f.resolution_note}”</>}
                  </p>
                ) : (
                  <ResolveForm sessionId={sessionId} flag={f} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
