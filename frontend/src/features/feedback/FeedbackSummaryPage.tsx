import { useTranslation } from "react-i18next";
import { useFeedbackSummary, type QuestionSummary } from "../../api/feedback";
import { currentLanguage } from "../../i18n";
import { formatNumber } from "../../lib/format";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { useSessionContext } from "../sessions/SessionLayout";

/** `/sessions/:id/feedback`: how participants felt, in aggregate, only from five responses on. */
export default function FeedbackSummaryPage() {
  const { t } = useTranslation();
  const session = useSessionContext();
  const summary = useFeedbackSummary(session.id);

  if (summary.isPending) return <Loading />;
  if (summary.isError) return <ErrorNotice error={summary.error} />;
  const s = summary.data;
  return (
    <section aria-labelledby="feedback-summary-h" data-testid="feedback-summary">
      <h2 id="feedback-summary-h">{t("feedback.summary.heading")}</h2>
      <p>{t("feedback.summary.count", { count: s.response_count })}</p>
      {s.suppressed ? (
        <Notice>
          <p>{t("feedback.summary.suppressed", { count: s.minimum_responses })}</p>
        </Notice>
      ) : (
        <>
          {s.questions.map((q) => (
            <Question key={q.question} summary={q} />
          ))}
          <h3>{t("feedback.summary.comments")}</h3>
          {s.comments && s.comments.length > 0 ? (
            <ul className="feedback-comments">
              {s.comments.map((comment, i) => (
                <li key={i}>{comment}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("feedback.summary.noComments")}</p>
          )}
        </>
      )}
    </section>
  );
}

function Question({ summary }: { summary: QuestionSummary }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = `q-${summary.question}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id}>{t(`feedback.questions.${summary.question}`)}</h3>
      <p>{t("feedback.summary.mean", { mean: formatNumber(summary.mean ?? 0, lang) })}</p>
      <div className="table-wrap" role="region" tabIndex={0} aria-label={`${t(`feedback.questions.${summary.question}`)} ${t("feedback.summary.distribution")}`}>
        <table className="data-table">
          <caption className="visually-hidden">{t("feedback.summary.distribution")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("feedback.summary.score")}</th>
              {[1, 2, 3, 4, 5].map((n) => (
                <th scope="col" key={n}>
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("feedback.summary.people")}</th>
              {(summary.distribution ?? []).map((count, i) => (
                <td key={i}>{formatNumber(count, lang)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
