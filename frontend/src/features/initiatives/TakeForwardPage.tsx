import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCandidates, useSessionInitiatives, useTakeForward } from "../../api/initiatives";
import { problemMessage } from "../../api/problem";
import { Button } from "../../ui/Button";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { useSessionContext } from "../sessions/SessionLayout";

/** The session's "Initiatives" tab: take each table's chosen idea forward. */
export default function TakeForwardPage() {
  const { t } = useTranslation();
  const session = useSessionContext();
  const candidates = useCandidates(session.id);
  const forward = useTakeForward(session.id);
  const made = useSessionInitiatives(session.id);

  if (candidates.isPending) return <Loading />;
  if (candidates.isError) return <ErrorNotice error={candidates.error} />;
  const { open, items } = candidates.data;
  return (
    <section aria-labelledby="forward-title">
      <h2 id="forward-title">{t("initiatives.forwardTitle")}</h2>
      <p>{t("initiatives.forwardLead")}</p>
      {!open && (
        <Notice tone="warning">
          <p>{t("initiatives.forwardClosed")}</p>
        </Notice>
      )}
      {items.length === 0 && <p>{t("initiatives.noChoices")}</p>}
      <ul className="plain-list">
        {items.map((c) => (
          <li key={c.table_id} className="card">
            <h3 className="card__title">{c.table_name ?? t("initiatives.tableNumber", { number: c.table_number })}</h3>
            <p>{c.idea_text}</p>
            {c.initiative_id ? (
              <Link to={`/initiatives/${c.initiative_id}`}>{t("initiatives.openInitiative")}</Link>
            ) : (
              <Button
                disabled={!open || forward.isPending}
                aria-label={t("initiatives.takeForwardFor", { table: c.table_name ?? t("initiatives.tableNumber", { number: c.table_number }) })}
                onClick={() => forward.mutate(c.idea_id)}
              >
                {t("initiatives.takeForward")}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {forward.isError && (
        <Notice tone="error" live>
          <p>{problemMessage(t, forward.error)}</p>
        </Notice>
      )}
      <h2>{t("initiatives.fromSession")}</h2>
      {made.data && made.data.items.length === 0 && <p>{t("initiatives.noneFromSession")}</p>}
      <ul className="link-list">
        {made.data?.items.map((i) => (
          <li key={i.id}>
            <Link to={`/initiatives/${i.id}`}>{i.title}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/initiatives?organisation=${session.organisation_id}`}>{t("initiatives.allOfOrganisation")}</Link>
      </p>
    </section>
  );
}
