import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useVote, type CombinationPublic } from "../../api/combinations";
import { problemMessage } from "../../api/problem";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { Notice } from "../../ui/Status";
import { SupportLine, TableActions } from "./TableActions";

/** The count of the receiving table against the majority of its present members. */
export function CountLine({ c }: { c: CombinationPublic }) {
  const { t } = useTranslation();
  return (
    <p data-testid="combination-count">
      {t("combinations.count", { accept: c.count.accept_present, decline: c.count.decline_present, needed: c.count.needed, present: c.count.present })}
    </p>
  );
}

/** Where it stands, and how each table's round closed (on record). */
export function Outcome({ c }: { c: CombinationPublic }) {
  const { t } = useTranslation();
  return (
    <>
      <p data-testid="combination-status" data-status={c.status}>
        <strong>{t(`combinations.status.${c.status}`)}</strong>
        {c.decided_by && ` (${t(`combinations.decidedBy.${c.decided_by}`)})`}
        {c.withdrawn_by && ` (${t(`combinations.withdrawnBy.${c.withdrawn_by}`)})`}
      </p>
      {c.status === "accepted" && <p>{t("combinations.carryForward")}</p>}
      {c.sent_by && <p className="muted">{t(`combinations.sentBy.${c.sent_by}`)}</p>}
    </>
  );
}

function VoteButtons({ c, titleId, done }: { c: CombinationPublic; titleId: string; done: (text: string, id: string) => void }) {
  const { t } = useTranslation();
  const vote = useVote();
  const [error, setError] = useState<string | null>(null);

  function cast(accept: boolean) {
    if (vote.isPending) return;
    setError(null);
    vote.mutate({ id: c.id, accept, key: randomId() }, { onSuccess: () => done(t("combinations.voted"), c.id), onError: (err) => setError(problemMessage(t, err)) });
  }

  return (
    <>
      <div className="actions">
        <Button onClick={() => cast(true)} aria-describedby={titleId} aria-disabled={vote.isPending || undefined} data-testid="combination-accept">
          {t("combinations.accept")}
        </Button>
        <Button variant="secondary" onClick={() => cast(false)} aria-describedby={titleId} aria-disabled={vote.isPending || undefined} data-testid="combination-decline">
          {t("combinations.decline")}
        </Button>
      </div>
      {error && (
        <Notice tone="error" live>
          <p>{error}</p>
        </Notice>
      )}
    </>
  );
}

/** One proposal: both tables' ideas, the combined text, each table's count, and what I can do:
 * support or withdraw it at the proposing table, vote on it at the receiving table. `done` says
 * what happened and takes focus to the proposal's heading, wherever the proposal now stands. */
export function ProposalCard({ c, proposing, open, done }: { c: CombinationPublic; proposing: boolean; open: boolean; done: (text: string, id: string) => void }) {
  const { t } = useTranslation();
  const titleId = `combination-${c.id}`;
  const live = c.status === "draft" || c.status === "open";

  return (
    <li>
      <article className="card" aria-labelledby={titleId} data-testid="combination" data-status={c.status}>
        <h3 id={titleId} tabIndex={-1}>
          {proposing ? t("combinations.to", { number: c.receiver.number }) : t("combinations.from", { number: c.proposer.number })}
        </h3>
        <dl className="combination-ideas">
          <dt>{t("combinations.ideaOf", { number: c.proposer.number })}</dt>
          <dd>{c.proposer.idea_text}</dd>
          <dt>{t("combinations.ideaOf", { number: c.receiver.number })}</dt>
          <dd>{c.receiver.idea_text}</dd>
          <dt>{t("combinations.combined")}</dt>
          <dd className="combination-ideas__new">{c.text}</dd>
        </dl>
        <Outcome c={c} />
        {c.drafted_by_me && <p className="muted">{t("combinations.youDrafted")}</p>}
        <SupportLine c={c} />
        {c.sent_at && <CountLine c={c} />}
        {c.my_vote !== null && c.my_vote !== undefined && <p>{c.my_vote ? t("combinations.youVotedAccept") : t("combinations.youVotedDecline")}</p>}
        {open && live && proposing && <TableActions c={c} titleId={titleId} done={done} />}
        {open && c.can_vote && <VoteButtons c={c} titleId={titleId} done={done} />}
      </article>
    </li>
  );
}
