import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useVote, type CombinationPublic } from "../../api/combinations";
import { problemMessage } from "../../api/problem";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { Notice } from "../../ui/Status";

/** The count of the receiving table against the majority of its present members. */
export function CountLine({ c }: { c: CombinationPublic }) {
  const { t } = useTranslation();
  return (
    <p data-testid="combination-count">
      {t("combinations.count", { accept: c.count.accept_present, decline: c.count.decline_present, needed: c.count.needed, present: c.count.present })}
    </p>
  );
}

export function Outcome({ c }: { c: CombinationPublic }) {
  const { t } = useTranslation();
  return (
    <p data-testid="combination-status" data-status={c.status}>
      <strong>{t(`combinations.status.${c.status}`)}</strong>
      {c.decided_by && ` (${t(`combinations.decidedBy.${c.decided_by}`)})`}
      {c.status === "accepted" && <> {t("combinations.carryForward")}</>}
    </p>
  );
}

/** One proposal: both tables' ideas, the combined text, the count, and the vote when it is mine. */
export function ProposalCard({ c, received, open, say }: { c: CombinationPublic; received: boolean; open: boolean; say: (text: string) => void }) {
  const { t } = useTranslation();
  const vote = useVote();
  const [error, setError] = useState<string | null>(null);
  const titleId = `combination-${c.id}`;

  function cast(accept: boolean) {
    if (vote.isPending) return;
    setError(null);
    vote.mutate({ id: c.id, accept, key: randomId() }, { onSuccess: () => say(t("combinations.voted")), onError: (err) => setError(problemMessage(t, err)) });
  }

  return (
    <li>
      <article className="card" aria-labelledby={titleId} data-testid="combination" data-status={c.status}>
        <h3 id={titleId}>{received ? t("combinations.from", { number: c.proposer.number }) : t("combinations.to", { number: c.receiver.number })}</h3>
        <dl className="combination-ideas">
          <dt>{t("combinations.ideaOf", { number: c.proposer.number })}</dt>
          <dd>{c.proposer.idea_text}</dd>
          <dt>{t("combinations.ideaOf", { number: c.receiver.number })}</dt>
          <dd>{c.receiver.idea_text}</dd>
          <dt>{t("combinations.combined")}</dt>
          <dd className="combination-ideas__new">{c.text}</dd>
        </dl>
        <Outcome c={c} />
        <CountLine c={c} />
        {c.my_vote !== null && c.my_vote !== undefined && <p>{c.my_vote ? t("combinations.youVotedAccept") : t("combinations.youVotedDecline")}</p>}
        {open && c.can_vote && (
          <div className="actions">
            <Button onClick={() => cast(true)} aria-describedby={titleId} aria-disabled={vote.isPending || undefined} data-testid="combination-accept">
              {t("combinations.accept")}
            </Button>
            <Button variant="secondary" onClick={() => cast(false)} aria-describedby={titleId} aria-disabled={vote.isPending || undefined} data-testid="combination-decline">
              {t("combinations.decline")}
            </Button>
          </div>
        )}
        {error && (
          <Notice tone="error" live>
            <p>{error}</p>
          </Notice>
        )}
      </article>
    </li>
  );
}
