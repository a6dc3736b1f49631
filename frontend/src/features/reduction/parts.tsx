import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAgreeToClose, type ClosableStage, type ReductionState } from "../../api/reduction";
import { currentLanguage } from "../../i18n";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { Notice } from "../../ui/Status";
import { WithdrawAgreement } from "./WithdrawAgreement";
import { closureText, decidedByKey, majorityText, reductionProblem, stagesShown, tieBreakText } from "./format";

/** What a stage screen needs from the page. */
export interface StageProps {
  state: ReductionState;
  /** Votes, scores and choices can be written (reduce phase, a member of the table). */
  writable: boolean;
  /** Says something in the page's polite status region. */
  say: (text: string) => void;
}

/** The voting rules and the tie-break, stated before anything else. */
export function RulesCard({ state, compact }: { state: ReductionState; compact?: boolean }) {
  const { t } = useTranslation();
  const s = state.settings;
  const tieBreak = tieBreakText(t, s, currentLanguage());
  if (compact) {
    return (
      <p className="reduce-rule-line" data-testid="tie-break-rule">
        {tieBreak}
      </p>
    );
  }
  return (
    <section className="card reduce-rules" aria-labelledby="reduce-rules-title" data-testid="reduce-rules">
      <h2 id="reduce-rules-title">{t("reduction.rules.title")}</h2>
      <p className="reduce-rules__tie" data-testid="tie-break-rule">
        <strong>{tieBreak}</strong>
      </p>
      <ul className="reduce-rules__list">
        <li>{t("reduction.rules.dots", { count: s.dot_budget })}</li>
        <li>{t("reduction.rules.cap", { count: s.dot_cap })}</li>
        <li>{t("reduction.rules.shortlist", { size: s.shortlist_size })}</li>
        <li>{t("reduction.rules.majority")}</li>
      </ul>
    </section>
  );
}

/** Vote → (run-off) → score → choose → chosen, with the current one marked. */
export function StageProgress({ state }: { state: ReductionState }) {
  const { t } = useTranslation();
  const stages = stagesShown(state);
  const at = stages.indexOf(state.stage);
  return (
    <nav aria-label={t("reduction.progress")}>
      <ol className="reduce-steps" data-testid="reduce-steps">
        {stages.map((stage, i) => (
          <li
            key={stage}
            className={i === at ? "reduce-steps__item reduce-steps__item--now" : i < at ? "reduce-steps__item reduce-steps__item--done" : "reduce-steps__item"}
            aria-current={i === at ? "step" : undefined}
          >
            <span aria-hidden="true" className="reduce-steps__mark">
              {i < at ? "✓" : i + 1}
            </span>{" "}
            {t(`reduction.stages.${stage}`)}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** "I'm ready to close …" and the live count of who agrees, against the majority needed. */
export function AgreeCard({ state, stage, writable, say }: StageProps & { stage: ClosableStage }) {
  const { t } = useTranslation();
  const agree = useAgreeToClose();
  const [error, setError] = useState<string | null>(null);
  const agreement = state.agreement;
  const agreed = Boolean(state.me?.agreed);
  const reached = agreement ? agreement.agreed_present >= agreement.needed : false;

  function onAgree() {
    if (agree.isPending || agreed) return;
    setError(null);
    agree.mutate(
      { stage, key: randomId() },
      {
        onSuccess: () => say(t("reduction.agree.done")),
        onError: (err) => setError(reductionProblem(t, err)),
      },
    );
  }

  return (
    <section className="card reduce-agree" aria-labelledby={`agree-${stage}`} data-testid="agree-card">
      <h2 id={`agree-${stage}`} className="visually-hidden">
        {t(`reduction.agree.ready_${stage}`)}
      </h2>
      {agreement && (
        <p className="reduce-agree__count" role="status" data-testid="agree-count">
          <span className={reached ? "stat stat--ok" : "stat"}>{majorityText(t, agreement)}</span>
        </p>
      )}
      <div className="bar reduce-agree__bar" aria-hidden="true">
        <div className="bar__fill" style={{ width: `${agreement ? Math.min(100, (100 * agreement.agreed_present) / Math.max(1, agreement.needed)) : 0}%` }} />
      </div>
      <p className="muted">{t("reduction.agree.hint")}</p>
      {writable &&
        (agreed ? (
          <div className="actions">
            <p className="reduce-agree__done" data-testid="agree-done">
              <span aria-hidden="true">✓ </span>
              {t("reduction.agree.done")}
            </p>
            <WithdrawAgreement stage={stage} say={say} />
          </div>
        ) : (
          <Button className="button--block button--big" onClick={onAgree} aria-disabled={agree.isPending || undefined} data-testid="agree-button">
            {agree.isPending ? t("reduction.saving") : t(`reduction.agree.ready_${stage}`)}
          </Button>
        ))}
      {error && (
        <Notice tone="error" live>
          <p>{error}</p>
        </Notice>
      )}
    </section>
  );
}

/** The shortlist of 3, each with how its place was decided. */
export function ShortlistCard({ state }: { state: ReductionState }) {
  const { t } = useTranslation();
  if (state.shortlist.length === 0) return null;
  return (
    <section className="card" aria-labelledby="shortlist-title" data-testid="shortlist">
      <h2 id="shortlist-title">{t("reduction.shortlist.title")}</h2>
      <ol className="reduce-shortlist">
        {state.shortlist.map((e) => (
          <li key={e.idea_id} data-testid="shortlist-item" data-decided-by={e.decided_by}>
            <span className="reduce-shortlist__text">{e.text}</span>
            <span className="reduce-shortlist__meta">
              {t("reduction.shortlist.dots", { count: e.dots })} · <span className={`decided decided--${e.decided_by}`}>{t(decidedByKey(e.decided_by))}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** How each closed round was closed: by a majority, or by a facilitator when time was up. */
export function RecordCard({ state, showRule = true }: { state: ReductionState; showRule?: boolean }) {
  const { t } = useTranslation();
  if (state.closures.length === 0) return null;
  return (
    <section className="card" aria-labelledby="record-title" data-testid="reduce-record">
      <h2 id="record-title">{t("reduction.record.title")}</h2>
      {showRule && <RulesCard state={state} compact />}
      <ul className="reduce-record">
        {state.closures.map((c) => (
          <li key={`${c.stage}-${c.closed_at}`} data-testid="closure" data-decided-by={c.decided_by}>
            {closureText(t, c)}
          </li>
        ))}
      </ul>
    </section>
  );
}
