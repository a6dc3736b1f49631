import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation, useOutletContext, useParams } from "react-router";
import { useSession } from "../../api/sessions";
import type { SessionPublic } from "../../api/types";
import { currentLanguage } from "../../i18n";
import { pickText, pickedLanguage } from "../../lib/format";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";

export function useSessionContext(): SessionPublic {
  return useOutletContext<SessionPublic>();
}

const TABS = [
  { to: "", key: "session.overview" },
  { to: "participants", key: "session.participants" },
  { to: "tables", key: "session.tables" },
  { to: "live", key: "liveDashboard.tab" },
  { to: "moderation", key: "moderation.tab" },
  { to: "feedback", key: "feedback.tab" },
  { to: "storyboards", key: "storyboards.facilitator.tab" },
  { to: "pitches", key: "pitchesAdmin.tab" },
  { to: "initiatives", key: "initiatives.tab" },
  { to: "edit", key: "session.edit" },
] as const;

/** A session's heading and its sections (overview, participants, tables, edit) as sub-routes. */
export default function SessionLayout() {
  const { t } = useTranslation();
  const { sessionId = "" } = useParams();
  const lang = currentLanguage();
  const session = useSession(sessionId);
  const location = useLocation();

  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorNotice error={session.error} />;
  const s = session.data;
  const title = pickText(s.title, lang);
  const current = TABS.find((tab) => location.pathname.endsWith(`/${tab.to}`) && tab.to) ?? TABS[0];

  return (
    <Page title={title} titleLang={pickedLanguage(s.title, lang)} documentTitle={`${t(current.key)} – ${title}`} wide>
      <nav aria-label={t("session.tabsLabel")}>
        <ul className="tabs">
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to ? `/sessions/${s.id}/${tab.to}` : `/sessions/${s.id}`} end>
                {t(tab.key)}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink to={`/sessions/${s.id}/projector`}>{t("session.projector")}</NavLink>
          </li>
          <li>
            <NavLink to={`/sessions/${s.id}/present`}>{t("presenter.title")}</NavLink>
          </li>
        </ul>
      </nav>
      {s.archived && (
        <Notice tone="warning">
          <p>{t("session.archivedNotice")}</p>
        </Notice>
      )}
      <Outlet context={s} />
    </Page>
  );
}
