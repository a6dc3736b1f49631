import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useConnectionState } from "../../api/live";
import { useMySession } from "../../api/participants";
import { Countdown } from "../../ui/Countdown";
import { STEP_PATHS, stepFor, stepLabelKeys } from "./steps";

/** The phase, its timer and the live connection, at the top of each step; points to the
 * phase's step when the session has moved on. */
export function PhaseBar() {
  const { t } = useTranslation();
  const session = useMySession();
  const state = useConnectionState();
  const { pathname } = useLocation();
  const phase = session.data?.phase;
  const step = stepFor(phase);
  const elsewhere = step && STEP_PATHS[step] !== pathname;
  return (
    <div className="phase-bar">
      <div className="phase-bar__row">
        {phase && <p className="phase-bar__phase">{t("myTable.phase", { phase: t(`phases.${phase}`) })}</p>}
        {state && (
          <p className={`connection connection--${state}`} data-testid="connection" data-state={state}>
            <span aria-hidden="true" className="connection__dot" /> {t(`connection.${state}`)}
          </p>
        )}
      </div>
      <Countdown timer={session.data?.timer} className="phase-bar__timer" />
      {elsewhere && (
        <p className="phase-bar__go">
          <Link className="button button--secondary" to={STEP_PATHS[step]}>
            {t(stepLabelKeys(step).goTo)}
          </Link>
        </p>
      )}
    </div>
  );
}
