import { formatDateTime, formatNumber } from "../../lib/format";
import { inLanguage, tableAnchor, tableName, useDoc } from "./doc";
import { CombinationsSection, FeedbackSection, InitiativesSection } from "./ForwardSections";
import { TableSection } from "./TableSection";
import type { SessionReport } from "./useReport";

/** The report itself, every label in the document's language. */
export function ReportDocument({ report }: { report: SessionReport }) {
  const doc = useDoc();
  const { t, lang } = doc;
  return (
    <article className="report" lang={lang} data-testid="report">
      <p className="report__meta">{t("report.generated", { date: formatDateTime(report.generated_at, lang) })}</p>
      <p className="report__privacy">{t("report.privacy")}</p>
      <nav className="report__contents" aria-labelledby="report-contents">
        <h2 id="report-contents">{t("report.contents")}</h2>
        <ol>
          <li>
            <a href="#report-session">{t("report.session.heading")}</a>
          </li>
          {report.tables.map((table) => (
            <li key={table.id}>
              <a href={`#${tableAnchor(table.number)}`}>{tableName(doc, table)}</a>
            </li>
          ))}
          <li>
            <a href="#report-combinations">{t("report.combinations.heading")}</a>
          </li>
          <li>
            <a href="#report-initiatives">{t("report.initiatives.heading")}</a>
          </li>
          <li>
            <a href="#report-feedback">{t("report.feedback.heading")}</a>
          </li>
        </ol>
      </nav>
      <SessionSection report={report} />
      {report.tables.map((table) => (
        <TableSection key={table.id} table={table} />
      ))}
      <CombinationsSection combinations={report.combinations} />
      <InitiativesSection initiatives={report.initiatives} />
      <FeedbackSection feedback={report.feedback} />
    </article>
  );
}

function SessionSection({ report }: { report: SessionReport }) {
  const { t, lang } = useDoc();
  const { session, rules } = report;
  const challenge = inLanguage(session.challenge, lang);
  const tieBreak = inLanguage(rules.tie_break_text, lang);
  return (
    <section className="report-section" aria-labelledby="report-session">
      <h2 id="report-session">{t("report.session.heading")}</h2>
      <h3>{t("report.session.challenge")}</h3>
      {challenge.text ? (
        <blockquote className="report-quote" lang={challenge.lang}>
          <p>{challenge.text}</p>
        </blockquote>
      ) : (
        <p>{t("report.session.noChallenge")}</p>
      )}
      <dl className="report-facts">
        <div>
          <dt>{t("report.session.when")}</dt>
          <dd>
            {formatDateTime(session.starts_at, lang)}
            {session.ends_at && ` – ${formatDateTime(session.ends_at, lang)}`}
          </dd>
        </div>
        <div>
          <dt>{t("report.session.where")}</dt>
          <dd>{session.mode === "online" ? t("report.session.online") : session.venue || t("report.session.noVenue")}</dd>
        </div>
        <div>
          <dt>{t("report.session.phase")}</dt>
          <dd>
            {t(`phases.${session.phase}`)} {session.archived && t("report.session.archived")}
          </dd>
        </div>
        <div>
          <dt>{t("report.session.people")}</dt>
          <dd>{formatNumber(session.participant_count, lang)}</dd>
        </div>
        <div>
          <dt>{t("report.session.tables")}</dt>
          <dd>{formatNumber(session.table_count, lang)}</dd>
        </div>
        <div>
          <dt>{t("report.session.ideas")}</dt>
          <dd>{formatNumber(session.idea_count, lang)}</dd>
        </div>
      </dl>
      <h3>{t("report.session.rules")}</h3>
      <p>{t("report.session.dots", { count: rules.dot_budget, cap: rules.dot_cap })}</p>
      <p>
        {t("report.session.shortlist", { size: rules.shortlist_size })}{" "}
        <span lang={tieBreak.lang}>{tieBreak.text}</span>
      </p>
      <p>{t("report.session.majority")}</p>
    </section>
  );
}
