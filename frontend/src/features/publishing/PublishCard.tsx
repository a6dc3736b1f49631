import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePublication, useSetPublished } from "../../api/publishing";
import { currentLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/Button";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";

/** Publishing is a choice (METHOD.md): the organiser publishes the session's results to its
 * public page and to partners, and can withdraw them again. */
export function PublishCard({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const state = usePublication(sessionId);
  const change = useSetPublished(sessionId);
  const publication = state.data;

  return (
    <section className="card" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t("publishing.heading")}</h2>
      {state.isPending && <Loading />}
      {state.isError && <ErrorNotice error={state.error} />}
      {publication && (
        <>
          <p>{publication.published ? t("publishing.isPublished") : t("publishing.notPublished")}</p>
          <p className="hint">{t("publishing.consentNote")}</p>
          {publication.published && publication.public_path && (
            <p>
              <Link to={publication.public_path}>{t("publishing.openPublicPage")}</Link>
            </p>
          )}
          {change.isError && <ErrorNotice error={change.error} />}
          {change.isSuccess && (
            <Notice tone="success" live>
              {publication.published ? t("publishing.nowPublished") : t("publishing.nowWithdrawn")}
            </Notice>
          )}
          <p>
            <Button
              variant={publication.published ? "secondary" : "primary"}
              disabled={change.isPending}
              onClick={() => change.mutate(!publication.published)}
            >
              {publication.published ? t("publishing.withdraw") : t("publishing.publish")}
            </Button>
          </p>
          {publication.history.length > 0 && (
            <details>
              <summary>{t("publishing.history")}</summary>
              <ul>
                {publication.history.map((entry) => (
                  <li key={`${entry.action}-${entry.created_at}`}>
                    {t(`publishing.action.${entry.action}`)} · {formatDateTime(entry.created_at, lang)}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
