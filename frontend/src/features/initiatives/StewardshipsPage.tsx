import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useStewardships } from "../../api/initiatives";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading } from "../../ui/Status";

/** The initiatives the signed-in person stewards. */
export default function StewardshipsPage() {
  const { t } = useTranslation();
  const mine = useStewardships();
  return (
    <Page title={t("initiatives.stewardshipsTitle")}>
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorNotice error={mine.error} />}
      {mine.isSuccess && mine.data.items.length === 0 && <p>{t("initiatives.noStewardships")}</p>}
      <ul className="plain-list">
        {mine.data?.items.map((s) => (
          <li key={s.member_id} className="session-item">
            <h2 className="session-item__title">
              <Link to={`/initiatives/${s.initiative_id}`}>{s.initiative_title}</Link>
            </h2>
            <p className="muted">
              {s.organisation_name} · {s.role_label} · {t(`initiatives.status.${s.initiative_status}`)}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
