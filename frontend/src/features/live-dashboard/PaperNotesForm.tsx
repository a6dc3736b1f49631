import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { newIdempotencyKey, useBulkIdeas, type MemberProgress } from "../../api/dashboard";
import { ApiError, problemMessage } from "../../api/problem";
import { Button } from "../../ui/Button";
import { ErrorSummary, type SummaryItem } from "../../ui/ErrorSummary";
import { TextArea } from "../../ui/Field";
import { Notice } from "../../ui/Status";
import { useFocusAfterRender } from "../../ui/useFocusAfterRender";

const MAX_LINES = 200;
const MAX_CHARS = 500;

/** "Type in paper notes": one idea per line, an optional author per line, all lines or none. */
export function PaperNotesForm({ sessionId, tableId, tableLabel, members }: { sessionId: string; tableId: string; tableLabel: string; members: MemberProgress[] }) {
  const { t } = useTranslation();
  const bulk = useBulkIdeas(sessionId);
  const [text, setText] = useState("");
  const [authors, setAuthors] = useState<Record<number, string>>({});
  const [problems, setProblems] = useState<Record<number, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  // One key per content: a retry after a dropped connection is the same request, never a duplicate.
  const key = useRef<{ body: string; key: string } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusSummary = useFocusAfterRender(summaryRef);
  const lines = useMemo(() => text.split("\n").map((l) => l.trim()).filter(Boolean), [text]);
  const idPrefix = `paper-${tableId}`;

  function submit() {
    setAdded(null);
    setFormError(null);
    const found: Record<number, string> = {};
    if (lines.length === 0) {
      setProblems({});
      setFormError(t("moderation.paper.empty"));
      focusSummary();
      return;
    }
    if (lines.length > MAX_LINES) {
      setFormError(t("moderation.paper.tooMany", { max: MAX_LINES }));
      focusSummary();
      return;
    }
    lines.forEach((l, i) => {
      if (l.length > MAX_CHARS) found[i] = t("moderation.paper.tooLong", { max: MAX_CHARS });
    });
    setProblems(found);
    if (Object.keys(found).length) return focusSummary();
    const body = lines.map((l, i) => ({ text: l, author_id: authors[i] || null }));
    const serialized = JSON.stringify(body);
    if (key.current?.body !== serialized) key.current = { body: serialized, key: newIdempotencyKey() };
    bulk.mutate(
      { tableId, lines: body, key: key.current.key },
      {
        onSuccess: (result) => {
          setAdded(result.items.length);
          setText("");
          setAuthors({});
          setProblems({});
          key.current = null;
        },
        onError: (err) => {
          const perLine: Record<number, string> = {};
          if (err instanceof ApiError) {
            for (const p of err.fieldProblems) {
              const [, field, index, sub] = p.loc;
              if (field === "lines" && typeof index === "number") {
                perLine[index] = t(`moderation.paper.problem.${sub === "author_id" ? "author" : "text"}`);
              }
            }
          }
          setProblems(perLine);
          if (!Object.keys(perLine).length) setFormError(problemMessage(t, err));
          focusSummary();
        },
      },
    );
  }

  const summary: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...Object.entries(problems).map(([i, message]) => ({
      fieldId: `${idPrefix}-author-${i}`,
      message: t("moderation.paper.lineProblem", { line: Number(i) + 1, problem: message }),
    })),
  ];

  return (
    <section aria-labelledby={`${idPrefix}-h`} data-testid="paper-notes">
      <h3 id={`${idPrefix}-h`}>{t("moderation.paper.heading", { table: tableLabel })}</h3>
      <p className="muted">{t("moderation.paper.lead")}</p>
      <ErrorSummary ref={summaryRef} items={summary} />
      {added !== null && (
        <Notice tone="success" live>
          <p data-testid="paper-added">{t("moderation.paper.added", { count: added, table: tableLabel })}</p>
        </Notice>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextArea id={`${idPrefix}-text`} label={t("moderation.paper.lines")} hint={t("moderation.paper.linesHint", { max: MAX_LINES })} value={text} onChange={setText} rows={8} />
        {lines.length > 0 && (
          <fieldset className="fieldset">
            <legend className="field__label">{t("moderation.paper.authorsLegend")}</legend>
            <ol className="paper-lines">
              {lines.map((line, i) => (
                <li key={i} className={problems[i] ? "paper-line paper-line--error" : "paper-line"}>
                  <span className="idea__text" id={`${idPrefix}-line-${i}`}>
                    <span className="muted">{i + 1}. </span>
                    {line}
                    {problems[i] && <span className="field__error"> {problems[i]}</span>}
                  </span>
                  <div className="field">
                    <label className="visually-hidden" htmlFor={`${idPrefix}-author-${i}`}>
                      {t("moderation.paper.authorOf", { line: i + 1 })}
                    </label>
                    <select
                      id={`${idPrefix}-author-${i}`}
                      className="input select"
                      value={authors[i] ?? ""}
                      aria-describedby={`${idPrefix}-line-${i}`}
                      aria-invalid={problems[i] ? true : undefined}
                      onChange={(e) => setAuthors((a) => ({ ...a, [i]: e.target.value }))}
                    >
                      <option value="">{t("moderation.paper.unknownAuthor")}</option>
                      {members.map((m) => (
                        <option key={m.participant_id} value={m.participant_id}>
                          {m.display_name}
                        </option>
                      ))}
                    </select>
                  </div>
                </li>
              ))}
            </ol>
          </fieldset>
        )}
        <Button type="submit" disabled={bulk.isPending} data-testid="paper-submit">
          {bulk.isPending ? t("common.saving") : t("moderation.paper.submit")}
        </Button>
      </form>
    </section>
  );
}
