import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemMessage } from "../../api/problem";
import { useChangePhase } from "../../api/sessions";
import { PHASES, type Phase, type SessionPublic } from "../../api/types";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/Field";
import { ModalDialog } from "../../ui/ModalDialog";
import { ErrorNotice } from "../../ui/Status";

export function PhaseControl({ session }: { session: SessionPublic }) {
  const { t } = useTranslation();
  const change = useChangePhase(session.id);
  const index = PHASES.indexOf(session.phase);
  const next: Phase | undefined = PHASES[index + 1];
  const prev: Phase | undefined = index > 0 ? PHASES[index - 1] : undefined;
  const [backOpen, setBackOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  const disabled = session.archived || change.isPending;

  return (
    <section className="card" aria-labelledby="phase-heading">
      <h2 id="phase-heading">{t("session.phaseHeading")}</h2>
      <ol className="phase-steps" aria-label={t("session.phaseStep", { step: index + 1, total: PHASES.length })}>
        {PHASES.map((p) => (
          <li key={p} aria-current={p === session.phase ? "step" : undefined}>
            {t(`phases.${p}`)}
          </li>
        ))}
      </ol>
      <p className="stat" aria-live="polite">
        {t("session.currentPhase", { phase: t(`phases.${session.phase}`) })}
      </p>
      {change.isError && !backOpen && <ErrorNotice error={change.error} />}
      <div className="actions">
        {next && (
          <Button disabled={disabled} onClick={() => change.mutate({ to: next })}>
            {t("session.nextPhase", { phase: t(`phases.${next}`) })}
          </Button>
        )}
        {prev && (
          <Button
            variant="secondary"
            disabled={disabled}
            onClick={() => {
              change.reset();
              setReason("");
              setReasonError(undefined);
              setBackOpen(true);
            }}
          >
            {t("session.prevPhase", { phase: t(`phases.${prev}`) })}
          </Button>
        )}
      </div>
      {prev && (
        <ModalDialog isOpen={backOpen} onClose={() => setBackOpen(false)} title={t("session.backDialogTitle", { phase: t(`phases.${prev}`) })}>
          <p>{t("session.backDialogLead")}</p>
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (!reason.trim()) return setReasonError(t("validation.reasonRequired"));
              setReasonError(undefined);
              change.mutate(
                { to: prev, reason: reason.trim() },
                { onSuccess: () => setBackOpen(false), onError: (err) => setReasonError(problemMessage(t, err)) },
              );
            }}
          >
            <TextArea id="phase-reason" label={t("session.reason")} value={reason} onChange={setReason} error={reasonError} rows={3} maxLength={1000} required />
            <div className="actions">
              <Button type="submit" disabled={change.isPending}>
                {t("session.confirmBack")}
              </Button>
              <Button variant="secondary" onClick={() => setBackOpen(false)}>
                {t("common.cancel")}
              </Button>
            </div>
          </form>
        </ModalDialog>
      )}
    </section>
  );
}
