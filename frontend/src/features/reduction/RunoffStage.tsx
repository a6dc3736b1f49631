import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRunoffVote } from "../../api/reduction";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { Notice } from "../../ui/Status";
import { reductionProblem, shortIdea } from "./format";
import { AgreeCard, ShortlistCard, type StageProps } from "./parts";

/** The ideas tied at the cut-off only: one vote each, then close like the vote. */
export function RunoffStage(props: StageProps) {
  const { state, writable, say } = props;
  const { t } = useTranslation();
  const vote = useRunoffVote();
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runoff = state.runoff;
  if (!runoff) return null;
  const myVote = state.me?.runoff_vote ?? null;
  const votedFor = runoff.candidates.find((c) => c.idea_id === myVote);

  function onCast() {
    if (vote.isPending) return;
    if (!picked) return setError(t("reduction.runoff.pick"));
    setError(null);
    const idea = runoff!.candidates.find((c) => c.idea_id === picked);
    vote.mutate(
      { ideaId: picked, key: randomId() },
      {
        onSuccess: () => say(t("reduction.runoff.voted", { idea: shortIdea(idea?.text ?? "") })),
        onError: (err) => setError(reductionProblem(t, err)),
      },
    );
  }

  return (
    <>
      <ShortlistCard state={state} />
      <section className="card" aria-labelledby="runoff-title" data-testid="runoff">
        <h2 id="runoff-title">{t("reduction.runoff.title")}</h2>
        <p>{t("reduction.runoff.lead", { count: runoff.places })}</p>
        {writable && !myVote && (
          <fieldset className="field fieldset">
            <legend className="field__label">{t("reduction.runoff.legend")}</legend>
            {runoff.candidates.map((c) => (
              <div className="choice" key={c.idea_id}>
                <input type="radio" id={`runoff-${c.idea_id}`} name="runoff" value={c.idea_id} checked={picked === c.idea_id} onChange={() => setPicked(c.idea_id)} />
                <label htmlFor={`runoff-${c.idea_id}`}>{c.text}</label>
              </div>
            ))}
          </fieldset>
        )}
        {writable && !myVote && (
          <Button className="button--block button--big" onClick={onCast} aria-disabled={vote.isPending || undefined} data-testid="runoff-cast">
            {vote.isPending ? t("reduction.saving") : t("reduction.runoff.cast")}
          </Button>
        )}
        {votedFor && (
          <p className="reduce-agree__done" data-testid="runoff-voted">
            <span aria-hidden="true">✓ </span>
            {t("reduction.runoff.voted", { idea: votedFor.text })}
          </p>
        )}
        {error && (
          <Notice tone="error" live>
            <p>{error}</p>
          </Notice>
        )}
        <h3>{t("reduction.runoff.countsTitle")}</h3>
        <ul className="reduce-record" data-testid="runoff-counts">
          {runoff.candidates.map((c) => (
            <li key={c.idea_id} data-testid="runoff-count" data-votes={c.runoff_votes}>
              <span>{c.text}</span>: <strong>{t("reduction.runoff.votes", { count: c.runoff_votes })}</strong>
            </li>
          ))}
        </ul>
        <p className="muted">{t("reduction.runoff.voters", { count: runoff.voters })}</p>
      </section>
      <AgreeCard {...props} stage="runoff" />
    </>
  );
}
