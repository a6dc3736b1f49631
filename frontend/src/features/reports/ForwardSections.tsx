import { formatNumber } from "../../lib/format";
import { ideaLabel, tableName, useDoc } from "./doc";
import { DataTable, Words } from "./parts";
import type { SessionReport } from "./useReport";

type Combination = SessionReport["combinations"][number];
type Initiative = SessionReport["initiatives"][number];
type Feedback = SessionReport["feedback"];

/** Ideas combined across tables: who proposed to whom, and how the other table decided. */
export function CombinationsSection({ combinations }: { combinations: Combination[] }) {
  const doc = useDoc();
  const { t } = doc;
  return (
    <section className="report-section report-break" aria-labelledby="report-combinations">
      <h2 id="report-combinations">{t("report.combinations.heading")}</h2>
      {combinations.length === 0 ? (
        <p>{t("report.combinations.none")}</p>
      ) : (
        <DataTable
          id="combinations"
          caption={t("report.combinations.caption")}
          head={[t("report.combinations.proposal"), t("report.combinations.between"), t("report.combinations.ideas"), t("report.combinations.outcome")]}
        >
          {combinations.map((c, i) => (
            <tr key={i}>
              <th scope="row">{c.text}</th>
              <td>{t("report.combinations.tables", { from: tableName(doc, c.proposer), to: tableName(doc, c.receiver) })}</td>
              <td>
                <ul className="report-inline-list">
                  {[c.proposer_idea, c.receiver_idea].map(
                    (idea) =>
                      idea && (
                        <li key={idea.id}>
                          {ideaLabel(doc, idea)}: <Words text={idea.text} withheld={idea.withheld} />
                        </li>
                      ),
                  )}
                </ul>
              </td>
              <td>
                {t(`report.combinations.status.${c.status}`)}
                {c.decided_by && ` (${t(`report.combinations.decidedBy.${c.decided_by}`)})`}
                {c.combined_idea && (
                  <>
                    <br />
                    {t("report.combinations.newIdea", { idea: ideaLabel(doc, c.combined_idea) })}
                  </>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** What went forward: each initiative with its steward (people by role unless they agreed to be
 * named). */
export function InitiativesSection({ initiatives }: { initiatives: Initiative[] }) {
  const doc = useDoc();
  const { t } = doc;
  return (
    <section className="report-section" aria-labelledby="report-initiatives">
      <h2 id="report-initiatives">{t("report.initiatives.heading")}</h2>
      {initiatives.length === 0 && <p>{t("report.initiatives.none")}</p>}
      {initiatives.map((item) => (
        <section key={item.id} className="report-initiative" aria-labelledby={`initiative-${item.id}`} data-testid="report-initiative">
          <h3 id={`initiative-${item.id}`}>{item.title ?? t("report.initiatives.withheldTitle")}</h3>
          {item.summary && <p>{item.summary}</p>}
          <dl className="report-facts">
            <div>
              <dt>{t("report.initiatives.status")}</dt>
              <dd>{t(`initiatives.status.${item.status}`)}</dd>
            </div>
            {item.table && (
              <div>
                <dt>{t("report.initiatives.from")}</dt>
                <dd>{tableName(doc, item.table)}</dd>
              </div>
            )}
            {item.idea && (
              <div>
                <dt>{t("report.initiatives.idea")}</dt>
                <dd>
                  {ideaLabel(doc, item.idea)}: <Words text={item.idea.text} withheld={item.idea.withheld} />
                </dd>
              </div>
            )}
            <div>
              <dt>{t("report.initiatives.steward")}</dt>
              <dd>
                {item.steward ? (
                  <>
                    {t(`initiatives.kind.${item.steward.kind}`)}
                    {item.steward.name && `: ${item.steward.name}`}
                    {item.steward.members.length > 0 && (
                      <ul>
                        {item.steward.members.map((m, i) => (
                          <li key={i}>{m.named ? t("report.initiatives.member", { label: m.label, role: m.role }) : m.role}</li>
                        ))}
                      </ul>
                    )}
                  </>
                ) : (
                  t("report.initiatives.noSteward")
                )}
              </dd>
            </div>
          </dl>
        </section>
      ))}
    </section>
  );
}

/** How people felt, only from five responses on (so nobody can be identified). */
export function FeedbackSection({ feedback }: { feedback: Feedback }) {
  const { t, lang } = useDoc();
  return (
    <section className="report-section" aria-labelledby="report-feedback">
      <h2 id="report-feedback">{t("report.feedback.heading")}</h2>
      <p>{t("report.feedback.responses", { count: feedback.response_count })}</p>
      {feedback.suppressed ? (
        <p>{t("report.feedback.suppressed", { minimum: feedback.minimum_responses })}</p>
      ) : (
        <>
          <DataTable
            id="feedback"
            caption={t("report.feedback.caption")}
            head={[t("report.feedback.question"), t("report.feedback.average"), ...[1, 2, 3, 4, 5].map((score) => t("report.feedback.answered", { score }))]}
          >
            {feedback.questions.map((q) => (
              <tr key={q.question}>
                <th scope="row">{t(`feedback.questions.${q.question}`)}</th>
                <td>{q.mean === null ? "" : formatNumber(q.mean, lang)}</td>
                {(q.distribution ?? []).map((count, i) => (
                  <td key={i}>{formatNumber(count, lang)}</td>
                ))}
              </tr>
            ))}
          </DataTable>
          <h3>{t("report.feedback.comments")}</h3>
          {feedback.comments && feedback.comments.length > 0 ? (
            <ul>
              {feedback.comments.map((comment, i) => (
                <li key={i}>{comment}</li>
              ))}
            </ul>
          ) : (
            <p>{t("report.feedback.noComments")}</p>
          )}
        </>
      )}
    </section>
  );
}
