import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useMyParticipant, useMySession } from "../../api/participants";
import { STEP_PATHS, stepFor, stepLabelKeys, stepsOpen } from "./steps";

/** Links between a participant's own screens; the current phase's step is marked "now". */
export function ParticipantNav() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const session = useMySession(Boolean(me.data));
  const phase = session.data?.phase;
  const now = stepFor(phase);
  return (
    <nav aria-label={t("nav.participant")} className="sub-nav">
      <ul className="tabs">
        {stepsOpen(phase).map((step) => (
          <li key={step}>
            <NavLink to={STEP_PATHS[step]}>
              {t(stepLabelKeys(step).name)}
              {step === now && <span className="tab-now"> {t("steps.now")}</span>}
            </NavLink>
          </li>
        ))}
        <li>
          <NavLink to="/me/table">{t("nav.myTable")}</NavLink>
        </li>
        <li>
          <NavLink to="/me" end>
            {t("nav.myProfile")}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
