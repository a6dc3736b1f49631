import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useModerate, useModerationLog, type SessionIdea } from "../../api/dashboard";
import { fieldProblems, problemMessage } from "../../api/problem";
import { currentLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/Button";
import { SelectField, TextArea } from "../../ui/Field";
import { ModalDialog } from "../../ui/ModalDialog";

function AuditTrail({ sessionId, idea }: { sessionId: string; idea: SessionIdea }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [open, setOpen] = useState(false);
  const log = useModerationLog(sessionId, idea.id, open);
  return (
    <details className="ld-audit" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t("moderation.audit")}</summary>
      {log.data &&
        (log.data.items.length === 0 ? (
          <p className="muted">{t("moderation.auditEmpty")}</p>
        ) : (
          <ol data-testid="audit-trail">
            {log.data.items.map((m) => (
              <li key={m.id}>
                {t(`moderation.action.${m.action}`)} · {formatDateTime(m.created_at, lang)} · “{m.reason}”
              </li>
            ))}
          </ol>
        ))}
    </details>
  );
}

function ModerateDialog({ sessionId, idea, onClose }: { sessionId: string; idea: SessionIdea; onClose: () => void }) {
  const { t } = useTranslation();
  const moderate = useModerate(sessionId);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const action = idea.status === "hidden" ? "unhide" : "hide";
  return (
    <ModalDialog isOpen onClose={onClose} title={t(`moderation.${action}Title`)}>
      <p>{t(`moderation.${action}Lead`)}</p>
      <blockquote className="quote">{idea.text}</blockquote>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim().length < 3) return setError(t("moderation.reasonRequired"));
          setError(undefined);
          moderate.mutate(
            { ideaId: idea.id, action, reason: reason.trim() },
            { onSuccess: onClose, onError: (err) => setError(fieldProblems(t, err).reason ?? problemMessage(t, err)) },
          );
        }}
      >
        <TextArea id="moderation-reason" label={t("moderation.reason")} hint={t("moderation.reasonHint")} value={reason} onChange={setReason} error={error} rows={3} maxLength={500} required />
        <div className="actions">
          <Button type="submit" variant={action === "hide" ? "danger" : "primary"} disabled={moderate.isPending} data-testid="confirm-moderation">
            {t(`moderation.${action}`)}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

const STATUSES = ["all", "active", "hidden", "combined"] as const;

/** One table's ideas, hidden ones included: hide (with a reason) or show again, and the trail. */
export function IdeasBrowser({ sessionId, ideas, nameOf }: { sessionId: string; ideas: SessionIdea[]; nameOf: (id: string | null | undefined) => string | null }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>("all");
  const [acting, setActing] = useState<SessionIdea | null>(null);
  const shown = [...ideas].filter((i) => status === "all" || i.status === status).reverse();
  return (
    <section aria-labelledby="ideas-browser-h" data-testid="ideas-browser">
      <h3 id="ideas-browser-h">{t("moderation.ideasHeading", { n: ideas.length })}</h3>
      <SelectField
        id="ideas-status"
        label={t("moderation.statusFilter")}
        value={status}
        onChange={(v) => setStatus(v as (typeof STATUSES)[number])}
        options={STATUSES.map((s) => ({ value: s, label: t(`moderation.status.${s}`) }))}
      />
      {shown.length === 0 ? (
        <p className="muted">{t("moderation.noIdeas")}</p>
      ) : (
        <ul className="mod-ideas">
          {shown.map((idea) => (
            <li key={idea.id} className={idea.status === "hidden" ? "mod-idea mod-idea--hidden" : "mod-idea"} data-testid="mod-idea">
              <p className="mod-idea__text">{idea.text}</p>
              <p className="muted">
                {idea.status !== "active" && <strong>{t(`moderation.status.${idea.status}`)} · </strong>}
                {nameOf(idea.author_id) ?? t("moderation.noAuthor")} · {t(`moderation.source.${idea.source}`)} · {formatDateTime(idea.created_at, lang)}
              </p>
              <div className="actions">
                {idea.status !== "combined" && (
                  <Button variant={idea.status === "hidden" ? "secondary" : "quiet"} onClick={() => setActing(idea)} aria-label={t(idea.status === "hidden" ? "moderation.unhideIdea" : "moderation.hideIdea", { text: idea.text.slice(0, 60) })}>
                    {t(idea.status === "hidden" ? "moderation.unhide" : "moderation.hide")}
                  </Button>
                )}
                <AuditTrail sessionId={sessionId} idea={idea} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {acting && <ModerateDialog sessionId={sessionId} idea={acting} onClose={() => setActing(null)} />}
    </section>
  );
}
