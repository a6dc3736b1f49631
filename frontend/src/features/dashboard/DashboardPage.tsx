import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMe } from "../../api/auth";
import { useSessions } from "../../api/sessions";
import { currentLanguage } from "../../i18n";
import { formatDateTime, pickText, pickedLanguage } from "../../lib/format";
import { Button } from "../../ui/Button";
import { Checkbox } from "../../ui/Choice";
import { SelectField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";

/** The organisation's pages beyond its sessions; keys and webhooks are for owners. */
function OrganisationLinks({ organisationId, owner }: { organisationId: string; owner: boolean }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("dashboard.orgNav")}>
      <ul className="inline-list">
        <li>
          <Link to="/initiatives">{t("dashboard.initiatives")}</Link>
        </li>
        {owner && (
          <>
            <li>
              <Link to={`/organisations/${organisationId}/api-keys`}>{t("dashboard.apiKeys")}</Link>
            </li>
            <li>
              <Link to={`/organisations/${organisationId}/webhooks`}>{t("dashboard.webhooks")}</Link>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const [orgId, setOrgId] = useState<string | undefined>(() => memberships[0]?.organisation_id);
  const [archived, setArchived] = useState(false);
  const sessions = useSessions(orgId, archived);
  const items = sessions.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title={t("dashboard.title")}
      wide
      actions={
        orgId && (
          <Link className="button button--primary" to={`/sessions/new?organisation=${orgId}`}>
            {t("dashboard.newSession")}
          </Link>
        )
      }
    >
      {memberships.length === 0 && (
        <Notice>
          <p>{t("dashboard.noOrganisation")}</p>
        </Notice>
      )}
      {memberships.length > 1 && (
        <SelectField
          id="dashboard-org"
          label={t("dashboard.organisation")}
          value={orgId ?? ""}
          onChange={setOrgId}
          options={memberships.map((m) => ({ value: m.organisation_id, label: m.organisation_name }))}
        />
      )}
      {memberships.length === 1 && <p className="muted">{memberships[0]!.organisation_name}</p>}
      {orgId && <OrganisationLinks organisationId={orgId} owner={memberships.find((m) => m.organisation_id === orgId)?.role === "owner"} />}
      <Checkbox id="dashboard-archived" label={t("dashboard.showArchived")} checked={archived} onChange={setArchived} />
      {sessions.isPending && orgId && <Loading />}
      {sessions.isError && <ErrorNotice error={sessions.error} />}
      {sessions.isSuccess && items.length === 0 && <p>{t("dashboard.empty")}</p>}
      {items.length > 0 && (
        <ul className="session-list plain-list">
          {items.map((s) => (
            <li key={s.id} className="session-item">
              <h2 className="session-item__title">
                <Link to={`/sessions/${s.id}`} lang={pickedLanguage(s.title, lang)}>
                  {pickText(s.title, lang)}
                </Link>
                {s.archived && <span className="badge badge--none"> {t("dashboard.archived")}</span>}
              </h2>
              <p className="muted">
                {formatDateTime(s.starts_at, lang)} · {t("dashboard.phase")}: {t(`phases.${s.phase}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {sessions.hasNextPage && (
        <Button variant="secondary" onClick={() => void sessions.fetchNextPage()} disabled={sessions.isFetchingNextPage}>
          {t("dashboard.loadMore")}
        </Button>
      )}
    </Page>
  );
}
