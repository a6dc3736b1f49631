import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useChoice, type IdeaScores } from "../../api/reduction";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { Notice } from "../../ui/Status";
import { majorityText, nameOf, reductionProblem, shortIdea } from "./format";
import { ShortlistCard, type StageProps } from "./parts";
import { ScoresTable } from "./ScoringStage";
import { WithdrawAgreement } from "./WithdrawAgreement";

function Totals({ scores }: { scores: IdeaScores | undefined }) {
  const { t } = useTranslation();
  if (!scores) return null;
  const s = scores.totals;
  return (
    <p className="reduce-totals" data-testid="idea-total" data-total={s.overall}>
      <strong>{t("reduction.choosing.total", { total: s.overall })}</strong>
      <br />
      <span className="muted">{t("reduction.choosing.breakdown", { d: s.desirability, f: s.feasibility, v: s.viability })}</span>
    </p>
  );
}

/** The proposal (by default the best total), confirmations against the majority, other options. */
export function ChoosingStage({ state, writable, say }: StageProps) {
  const { t } = useTranslation();
  const choice = useChoice();
  const [error, setError] = useState<string | null>(null);
  const proposal = state.proposal;
  const meId = state.me?.participant_id;
  const scoresOf = (id: string) => state.scores.find((s) => s.idea_id === id);
  const confirmed = Boolean(meId && proposal?.confirmed_by.includes(meId));
  const others = [...state.shortlist]
    .filter((e) => e.idea_id !== proposal?.idea_id)
    .sort((a, b) => (scoresOf(b.idea_id)?.totals.overall ?? 0) - (scoresOf(a.idea_id)?.totals.overall ?? 0));

  function act(ideaId: string, action: "propose" | "confirm", text: string) {
    if (choice.isPending) return;
    setError(null);
    choice.mutate(
      { ideaId, action, key: randomId() },
      {
        onSuccess: () => say(action === "confirm" ? t("reduction.choosing.confirmed") : t("reduction.choosing.proposeLabel", { idea: shortIdea(text) })),
        onError: (err) => setError(reductionProblem(t, err)),
      },
    );
  }

  return (
    <>
      <section aria-labelledby="choosing-title">
        <h2 id="choosing-title">{t("reduction.choosing.title")}</h2>
        {proposal && (
          <article className="card reduce-proposal" aria-labelledby="proposal-text" data-testid="proposal" data-idea-id={proposal.idea_id}>
            <p className="reduce-proposal__label">{t("reduction.choosing.proposal")}</p>
            <h3 id="proposal-text" className="reduce-proposal__text">
              {proposal.text}
            </h3>
            <p className="muted">
              {proposal.proposed_by ? t("reduction.choosing.proposedBy", { name: nameOf(t, state, proposal.proposed_by, meId) }) : t("reduction.choosing.default")}
            </p>
            <Totals scores={scoresOf(proposal.idea_id)} />
            {state.agreement && (
              <p className="reduce-agree__count" role="status" data-testid="confirm-count">
                <span className="stat">{majorityText(t, state.agreement, true)}</span>
              </p>
            )}
            {writable &&
              (confirmed ? (
                <div className="actions">
                  <p className="reduce-agree__done" data-testid="confirm-done">
                    <span aria-hidden="true">✓ </span>
                    {t("reduction.choosing.confirmed")}
                  </p>
                  <WithdrawAgreement stage="choosing" say={say} />
                </div>
              ) : (
                <Button
                  className="button--block button--big"
                  onClick={() => act(proposal.idea_id, "confirm", proposal.text)}
                  aria-disabled={choice.isPending || undefined}
                  data-testid="confirm-button"
                >
                  {choice.isPending ? t("reduction.saving") : t("reduction.choosing.confirm")}
                </Button>
              ))}
            {error && (
              <Notice tone="error" live>
                <p>{error}</p>
              </Notice>
            )}
          </article>
        )}
        {others.length > 0 && (
          <>
            <h3>{t("reduction.choosing.others")}</h3>
            <ul className="plain-list">
              {others.map((e) => (
                <li key={e.idea_id} className="card" data-testid="other-idea" data-idea-id={e.idea_id}>
                  <p className="reduce-proposal__other" id={`other-${e.idea_id}`}>
                    {e.text}
                  </p>
                  <Totals scores={scoresOf(e.idea_id)} />
                  {writable && (
                    <Button
                      variant="secondary"
                      onClick={() => act(e.idea_id, "propose", e.text)}
                      aria-describedby={`other-${e.idea_id}`}
                      aria-disabled={choice.isPending || undefined}
                      data-testid="propose-button"
                    >
                      {t("reduction.choosing.propose")}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <ShortlistCard state={state} />
    </>
  );
}

/** The table's choice, celebrated, and how it was reached. */
export function ChosenStage({ state }: StageProps) {
  const { t } = useTranslation();
  const choice = state.choice;
  const meId = state.me?.participant_id;
  return (
    <>
      {choice && (
        <section className="card reduce-chosen" aria-labelledby="chosen-title" data-testid="chosen" data-decided-by={choice.decided_by}>
          <p className="reduce-chosen__burst" aria-hidden="true">
            ✦ ✦ ✦
          </p>
          <h2 id="chosen-title">{t("reduction.chosen.title")}</h2>
          <p className="reduce-chosen__text">{choice.text}</p>
          <p data-testid="chosen-how">{choice.decided_by === "facilitator" ? t("reduction.chosen.byFacilitator") : t("reduction.chosen.byMajority")}</p>
          <p className="muted">{t("reduction.chosen.next")}</p>
        </section>
      )}
      <ShortlistCard state={state} />
      {state.scores.length > 0 && (
        <section className="card" aria-labelledby="totals-title">
          <h2 id="totals-title">{t("reduction.record.totals")}</h2>
          {state.scores.map((s) => (
            <ScoresTable key={s.idea_id} state={state} scores={s} meId={meId} caption={shortIdea(s.text, 60)} />
          ))}
        </section>
      )}
    </>
  );
}
