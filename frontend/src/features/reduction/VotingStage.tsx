import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useTableIdeas, useThemes } from "../../api/ideas";
import { useSetDots, type TallyEntry } from "../../api/reduction";
import { randomId } from "../../lib/ids";
import { Notice } from "../../ui/Status";
import { reductionProblem, shortIdea } from "./format";
import { AgreeCard, type StageProps } from "./parts";

/** Dot voting: my dots left, every active idea with − / +, the table's live tally. */
export function VotingStage(props: StageProps) {
  const { state, writable, say } = props;
  const { t } = useTranslation();
  const ideas = useTableIdeas();
  const themes = useThemes();
  const change = useSetDots();
  const [error, setError] = useState<{ ideaId: string; text: string } | null>(null);
  const budget = state.settings.dot_budget;
  const left = state.me?.dots_left ?? budget;
  const mine = state.me?.votes ?? {};

  // Ideas stay where they are while the counts change (nothing jumps under a thumb): by theme,
  // then oldest first. The leaders are listed apart.
  const themeOf = new Map((ideas.data?.items ?? []).map((i) => [i.id, i.theme_id]));
  const themeList = themes.data?.items ?? [];
  const byAge = [...state.tally].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.idea_id.localeCompare(b.idea_id));
  const sections = [
    ...themeList.map((th) => ({ id: th.id, name: th.name, items: byAge.filter((e) => themeOf.get(e.idea_id) === th.id) })),
    { id: "none", name: themeList.length ? t("reduction.voting.noTheme") : t("reduction.voting.allIdeas"), items: byAge.filter((e) => !themeList.some((th) => th.id === themeOf.get(e.idea_id))) },
  ].filter((s) => s.items.length > 0);
  const leaders = state.tally.filter((e) => e.dots > 0).slice(0, Math.max(5, state.settings.shortlist_size));

  function onChange(entry: TallyEntry, delta: 1 | -1) {
    if (!writable || change.isPending) return;
    const had = mine[entry.idea_id] ?? 0;
    if (delta === -1 && had === 0) return;
    setError(null);
    change.mutate(
      { ideaId: entry.idea_id, dots: had + delta, key: randomId() },
      {
        onSuccess: (receipt) => say(t("reduction.voting.changed", { idea: shortIdea(entry.text), mine: receipt.my_dots, left: receipt.dots_left })),
        onError: (err) => setError({ ideaId: entry.idea_id, text: reductionProblem(t, err) }),
      },
    );
  }

  return (
    <>
      <section className="card reduce-dots" aria-labelledby="dots-title">
        <h2 id="dots-title">{t("reduction.voting.title")}</h2>
        {state.me && (
          <p className="reduce-dots__left" data-testid="dots-left" data-left={left}>
            <span className="reduce-dots__marks" aria-hidden="true">
              {"●".repeat(Math.min(left, 50))}
              {"○".repeat(Math.min(Math.max(budget - left, 0), 50))}
            </span>{" "}
            <strong>{t("reduction.voting.dotsLeft", { count: left, budget })}</strong>
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="leaders-title" data-testid="leaders">
        <h2 id="leaders-title">{t("reduction.voting.leading")}</h2>
        {leaders.length === 0 ? (
          <p className="muted">{t("reduction.voting.noDotsYet")}</p>
        ) : (
          <ol className="reduce-leaders">
            {leaders.map((e, i) => (
              <li key={e.idea_id} className={i === state.settings.shortlist_size - 1 ? "reduce-leaders__cut" : undefined}>
                <span className="reduce-leaders__text">{e.text}</span>{" "}
                <span className="reduce-leaders__dots">{t("reduction.voting.tableDots", { count: e.dots })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>

      {state.tally.length === 0 && <p>{t("reduction.voting.noIdeas")}</p>}
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`vote-theme-${section.id}`} className="reduce-theme">
          <h2 id={`vote-theme-${section.id}`} className="reduce-theme__title">
            {section.name} <span className="muted">({t("reduction.voting.ideas", { count: section.items.length })})</span>
          </h2>
          <ul className="plain-list reduce-ideas" data-testid="vote-list">
            {section.items.map((entry) => {
              const n = mine[entry.idea_id] ?? 0;
              const name = shortIdea(entry.text);
              const busy = change.isPending && change.variables?.ideaId === entry.idea_id;
              return (
                <li key={entry.idea_id} className={n > 0 ? "reduce-idea reduce-idea--mine" : "reduce-idea"} data-testid="vote-idea" data-idea-id={entry.idea_id}>
                  <p className="reduce-idea__text">{entry.text}</p>
                  <div className="reduce-idea__row">
                    <p className="reduce-idea__tally" data-testid="idea-tally" data-dots={entry.dots}>
                      <strong>{t("reduction.voting.tableDots", { count: entry.dots })}</strong>{" "}
                      <span className="muted">{t("reduction.voting.voters", { count: entry.voters })}</span>
                    </p>
                    {writable && (
                      <div className="reduce-stepper" role="group" aria-label={name}>
                        <button
                          type="button"
                          className="button button--secondary reduce-stepper__btn"
                          aria-label={t("reduction.voting.remove", { idea: name })}
                          aria-disabled={n === 0 || change.isPending || undefined}
                          onClick={() => onChange(entry, -1)}
                          data-testid="dot-remove"
                        >
                          −
                        </button>
                        <span className="reduce-stepper__count" data-testid="my-dots" data-dots={n} aria-busy={busy || undefined}>
                          {t("reduction.voting.mine", { count: n })}
                        </span>
                        <button
                          type="button"
                          className="button button--primary reduce-stepper__btn"
                          aria-label={t("reduction.voting.add", { idea: name })}
                          aria-disabled={change.isPending || undefined}
                          onClick={() => onChange(entry, 1)}
                          data-testid="dot-add"
                        >
                          +
                        </button>
                      </div>
                    )}
                  </div>
                  {error?.ideaId === entry.idea_id && (
                    <Notice tone="error" live>
                      <p data-testid="vote-error">{error.text}</p>
                    </Notice>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}

      <AgreeCard {...props} stage="voting" />
    </>
  );
}
