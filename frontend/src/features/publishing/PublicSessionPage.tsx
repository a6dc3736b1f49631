import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { usePublicSession } from "../../api/publishing";
import { currentLanguage } from "../../i18n";
import { formatDateTime, pickText, pickedLanguage } from "../../lib/format";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading } from "../../ui/Status";

/** A published session as anyone sees it, without signing in: no names, nothing personal. */
export default function PublicSessionPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { sessionId = "" } = useParams();
  const query = usePublicSession(sessionId);
  const session = query.data;

  if (query.isPending) return <Loading />;
  if (query.isError || !session) {
    return (
      <Page title={t("publishing.public.unavailableTitle")}>
        <ErrorNotice error={query.error} />
      </Page>
    );
  }
  const challenge = pickText(session.challenge, lang);
  return (
    <Page title={pickText(session.title, lang) ?? t("publishing.public.untitled")}>
      {challenge && (
        <section aria-labelledby="challenge-heading">
          <h2 id="challenge-heading">{t("publishing.public.challenge")}</h2>
          <p lang={pickedLanguage(session.challenge, lang)}>{challenge}</p>
        </section>
      )}
      <p>
        {t("publishing.public.when", { date: formatDateTime(session.starts_at, lang) })}
        {session.participant_count !== null && <> · {t("common.people", { count: session.participant_count })}</>}
      </p>
      <section aria-labelledby="choices-heading">
        <h2 id="choices-heading">{t("publishing.public.choices")}</h2>
        <ul className="public-tables">
          {session.tables.map((table) => (
            <li key={table.number} className="card">
              <h3>{table.name || t("publishing.public.table", { number: table.number })}</h3>
              <p>{t("publishing.public.ideaCount", { count: table.idea_count })}</p>
              {table.chosen_idea === null && <p>{t("publishing.public.notChosen")}</p>}
              {table.chosen_idea?.withheld && <p>{t("publishing.public.withheld")}</p>}
              {table.chosen_idea?.text && (
                <blockquote>
                  <p>{table.chosen_idea.text}</p>
                </blockquote>
              )}
            </li>
          ))}
        </ul>
      </section>
      <p className="hint">{t("publishing.public.published", { date: formatDateTime(session.published_at, lang) })}</p>
    </Page>
  );
}
