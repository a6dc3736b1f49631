import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { usePublicSession } from "../../api/publishing";
import { currentLanguage } from "../../i18n";
import { formatDateTime, pickText, pickedLanguage } from "../../lib/format";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading } from "../../ui/Status";
import { PublicInitiatives } from "./PublicInitiatives";
import { PublicTableCard } from "./PublicTableCard";
import "./publishing.css";

/** A published session as anyone sees it, without signing in: what each table chose,
 *  storyboarded and pitched, and what came of it. No names, nothing personal. */
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
  const title = pickText(session.title, lang);
  const challenge = pickText(session.challenge, lang);
  return (
    <Page title={title || t("publishing.public.untitled")} titleLang={title ? pickedLanguage(session.title, lang) : undefined}>
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
      <p className="muted">{t("publishing.public.privacy")}</p>
      <section aria-labelledby="choices-heading">
        <h2 id="choices-heading">{t("publishing.public.choices")}</h2>
        <ul className="public-cards">
          {session.tables.map((table) => (
            <PublicTableCard key={table.number} table={table} />
          ))}
        </ul>
      </section>
      <PublicInitiatives sessionId={sessionId} />
      <p className="hint">{t("publishing.public.published", { date: formatDateTime(session.published_at, lang) })}</p>
    </Page>
  );
}
