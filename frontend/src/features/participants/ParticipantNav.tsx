import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";

/** Links between a participant's own screens. */
export function ParticipantNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("nav.participant")} className="sub-nav">
      <ul className="tabs">
        <li>
          <NavLink to="/me" end>
            {t("nav.myProfile")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/me/table">{t("nav.myTable")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
