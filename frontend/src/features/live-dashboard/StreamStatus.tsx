import { useTranslation } from "react-i18next";
import type { StreamState } from "../../api/facilitatorLive";
import { dashboardAnnouncer } from "../../api/facilitatorLive";
import { useAnnouncement } from "../../ui/announcer";

/** "Live" / "Reconnecting…" in words, and the throttled spoken summary (one every ~10 s). */
export function StreamStatus({ state }: { state: StreamState }) {
  const { t } = useTranslation();
  const message = useAnnouncement(dashboardAnnouncer);
  return (
    <>
      <p className={`connection connection--${state}`} data-testid="stream-state">
        <span className="connection__dot" aria-hidden="true" /> {t(`liveDashboard.stream.${state}`)}
      </p>
      <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-testid="dashboard-announcer">
        {message}
      </div>
    </>
  );
}
