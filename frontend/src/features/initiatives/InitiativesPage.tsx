import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMe } from "../../api/auth";
import { INITIATIVE_STATUSES, useOrganisationInitiatives, type InitiativeStatus } from "../../api/initiatives";
import { currentLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/Button";
import { SelectField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { MomentumBadges } from "./MomentumBadges";

/** An organisation's initiatives with what needs attention: overdue actions, quiet initiatives. */
export default function InitiativesPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [params] = useSearchParams();
  const memberships = useMe().data?.memberships ?? [];
  const [orgId, setOrgId] = useState<string | undefined>(() => params.get("organisation") ?? memberships[0]?.organisation_id);
  const [status, setStatus] = useState<InitiativeStatus | "">("");
  const list = useOrganisationInitiatives(orgId, status || undefined);
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page title={t("initiatives.title")} wide actions={<Link to="/stewardships">{t("initiatives.myStewardships")}</Link>}>
      {memberships.length === 0 && (
        <Notice>
          <p>{t("initiatives.noOrganisation")}</p>
        </Notice>
      )}
      {memberships.length > 1 && (
        <SelectField
          id="initiatives-org"
          label={t("initiatives.organisation")}
          value={orgId ?? ""}
          onChange={setOrgId}
          options={memberships.map((m) => ({ value: m.organisation_id, label: m.organisation_name }))}
        />
      )}
      <SelectField
        id="initiatives-status"
        label={t("initiatives.filterStatus")}
        value={status}
        onChange={(v) => setStatus(v as InitiativeStatus | "")}
        options={[{ value: "", label: t("initiatives.allStatuses") }, ...INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiatives.status.${s}`) }))]}
      />
      {list.isPending && orgId && <Loading />}
      {list.isError && <ErrorNotice error={list.error} />}
      {first && (
        <p aria-live="polite">
          {t("initiatives.totals", { count: first.initiatives })} · {t("initiatives.overdue", { count: first.overdue_actions })} ·{" "}
          {t("initiatives.quietCount", { count: first.quiet_initiatives, days: first.quiet_days })}
        </p>
      )}
      {list.isSuccess && items.length === 0 && <p>{t("initiatives.empty")}</p>}
      <ul className="plain-list">
        {items.map((i) => (
          <li key={i.initiative_id} className="session-item">
            <h2 className="session-item__title">
              <Link to={`/initiatives/${i.initiative_id}`}>{i.title}</Link>
            </h2>
            <p className="muted">
              {t(`initiatives.status.${i.status}`)} · {t("initiatives.lastActivity", { when: formatDateTime(i.last_activity_at, lang) })}
            </p>
            <MomentumBadges overdue={i.overdue_actions.length} quiet={i.quiet} />
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t("initiatives.loadMore")}
        </Button>
      )}
    </Page>
  );
}
