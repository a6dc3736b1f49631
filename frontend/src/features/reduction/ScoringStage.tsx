import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useScore, type IdeaScores, type ScoreValues, type ShortlistEntry } from "../../api/reduction";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { Notice } from "../../ui/Status";
import { CRITERIA, decidedByKey, myScores, nameOf, reductionProblem, shortIdea, type Criterion } from "./format";
import { AgreeCard, type StageProps } from "./parts";

/** Each member scores the shortlist 1-5 on desirability, feasibility and viability; all see all. */
export function ScoringStage(props: StageProps) {
  const { state } = props;
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="scoring-title">
        <h2 id="scoring-title">{t("reduction.scoring.title")}</h2>
        <p>{t("reduction.scoring.lead")}</p>
        <ol className="plain-list">
          {state.shortlist.map((entry) => (
            <li key={entry.idea_id}>
              <ScoreIdea {...props} entry={entry} scores={state.scores.find((s) => s.idea_id === entry.idea_id)} />
            </li>
          ))}
        </ol>
      </section>
      <AgreeCard {...props} stage="scoring" />
    </>
  );
}

function ScoreIdea({ state, writable, say, entry, scores }: StageProps & { entry: ShortlistEntry; scores: IdeaScores | undefined }) {
  const { t } = useTranslation();
  const meId = state.me?.participant_id;
  const saved = myScores(scores, meId);
  const [values, setValues] = useState<Partial<ScoreValues>>(saved ?? {});
  const [error, setError] = useState<string | null>(null);
  const score = useScore();
  const headingId = `score-idea-${entry.idea_id}`;
  const complete = CRITERIA.every((c) => values[c] !== undefined);
  const changed = !saved || CRITERIA.some((c) => values[c] !== saved[c]);

  function onSave() {
    if (score.isPending) return;
    if (!complete) return setError(t("reduction.scoring.incomplete"));
    setError(null);
    score.mutate(
      { ideaId: entry.idea_id, values: values as ScoreValues, key: randomId() },
      {
        onSuccess: () => say(t("reduction.scoring.saved", { idea: shortIdea(entry.text) })),
        onError: (err) => setError(reductionProblem(t, err)),
      },
    );
  }

  return (
    <article className="card reduce-score" aria-labelledby={headingId} data-testid="score-idea" data-idea-id={entry.idea_id}>
      <p className="reduce-score__place">
        <span className="reduce-score__number" aria-hidden="true">
          {entry.place}
        </span>
        <span className={`decided decided--${entry.decided_by}`}>{t(decidedByKey(entry.decided_by))}</span>
      </p>
      <h3 id={headingId} className="reduce-score__text">
        {entry.text}
      </h3>
      {writable && (
        <div className="reduce-score__form">
          {CRITERIA.map((c) => (
            <ScaleField key={c} ideaId={entry.idea_id} criterion={c} value={values[c]} onChange={(v) => setValues((old) => ({ ...old, [c]: v }))} />
          ))}
          <Button onClick={onSave} className="button--block" aria-disabled={score.isPending || undefined} data-testid="score-save">
            {score.isPending ? t("reduction.saving") : saved ? t("reduction.scoring.update") : t("reduction.scoring.save")}
          </Button>
          {saved && !changed && !score.isPending && (
            <p className="reduce-agree__done" data-testid="score-saved">
              <span aria-hidden="true">✓ </span>
              {t("reduction.scoring.saved", { idea: shortIdea(entry.text, 40) })}
            </p>
          )}
          {error && (
            <Notice tone="error" live>
              <p>{error}</p>
            </Notice>
          )}
        </div>
      )}
      <ScoresTable state={state} scores={scores} meId={meId} caption={`${t("reduction.scoring.caption")}: ${shortIdea(entry.text, 40)}`} />
    </article>
  );
}

/** Five radio buttons in a row, with the question in plain words and the official term. */
function ScaleField({ ideaId, criterion, value, onChange }: { ideaId: string; criterion: Criterion; value: number | undefined; onChange: (v: number) => void }) {
  const { t } = useTranslation();
  const id = `score-${ideaId}-${criterion}`;
  return (
    <fieldset className="fieldset reduce-scale" aria-describedby={`${id}-hint`} data-testid={`scale-${criterion}`}>
      <legend className="field__label">
        {t(`reduction.criteria.${criterion}`)} <span className="reduce-scale__term">({t(`reduction.criteria.${criterion}Term`)})</span>
      </legend>
      <p id={`${id}-hint`} className="field__hint">
        {t("reduction.criteria.scale")}
      </p>
      <div className="reduce-scale__options">
        {[1, 2, 3, 4, 5].map((n) => (
          <span className="reduce-scale__option" key={n}>
            <input type="radio" id={`${id}-${n}`} name={id} value={n} checked={value === n} onChange={() => onChange(n)} />
            <label htmlFor={`${id}-${n}`}>{n}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}

/** Everyone's scores for one idea and the table's totals. */
export function ScoresTable({ state, scores, meId, caption }: { state: StageProps["state"]; scores: IdeaScores | undefined; meId: string | undefined; caption: string }) {
  const { t } = useTranslation();
  const captionId = useId();
  if (!scores || scores.scores.length === 0) return <p className="muted">{t("reduction.scoring.none")}</p>;
  return (
    // Focusable, so that a keyboard can scroll it on a narrow screen.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table reduce-scores" data-testid="scores-table">
        <caption id={captionId} className="reduce-scores__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("reduction.scoring.who")}</th>
            <th scope="col">
              <abbr title={t("reduction.criteria.desirabilityTerm")}>{t("reduction.scoring.want")}</abbr>
            </th>
            <th scope="col">
              <abbr title={t("reduction.criteria.feasibilityTerm")}>{t("reduction.scoring.doable")}</abbr>
            </th>
            <th scope="col">
              <abbr title={t("reduction.criteria.viabilityTerm")}>{t("reduction.scoring.lasts")}</abbr>
            </th>
            <th scope="col">{t("reduction.scoring.total")}</th>
          </tr>
        </thead>
        <tbody>
          {scores.scores.map((s) => (
            <tr key={s.participant_id}>
              <th scope="row">{s.participant_id === meId ? t("reduction.you") : s.display_name || nameOf(t, state, s.participant_id, meId)}</th>
              <td>{s.desirability}</td>
              <td>{s.feasibility}</td>
              <td>{s.viability}</td>
              <td>{s.total}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="scores-total" data-total={scores.totals.overall}>
            <th scope="row">{t("reduction.scoring.tableTotal")}</th>
            <td>{scores.totals.desirability}</td>
            <td>{scores.totals.feasibility}</td>
            <td>{scores.totals.viability}</td>
            <td>
              <strong>{scores.totals.overall}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
