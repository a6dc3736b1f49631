import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { ApiError } from "../../api/problem";
import { ErrorNotice, Notice } from "../../ui/Status";

/** Tabs between the organisation's API keys and webhooks. */
export function PartnersNav({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const base = `/organisations/${organisationId}`;
  return (
    <nav aria-label={t("partners.navLabel")}>
      <ul className="tabs">
        <li>
          <NavLink to={`${base}/api-keys`}>
            {t("partners.apiKeysTab")}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${base}/webhooks`}>
            {t("partners.webhooksTab")}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** A failed load: owners only (403) gets its own plain explanation. */
export function LoadProblem({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.code === "owner_required") {
    return <Notice tone="warning">{t("partners.ownersOnly")}</Notice>;
  }
  return <ErrorNotice error={error} />;
}
