import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useArchive, usePhaseHistory } from "../../api/sessions";
import { currentLanguage } from "../../i18n";
import { formatDateTime, pickText, pickedLanguage } from "../../lib/format";
import { Button } from "../../ui/Button";
import { ErrorNotice } from "../../ui/Status";
import { PublishCard } from "../publishing/PublishCard";
import { JoinCard } from "./JoinCard";
import { PhaseControl } from "./PhaseControl";
import { useSessionContext } from "./SessionLayout";
import { TimerControl } from "./TimerControl";

export default function OverviewPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const session = useSessionContext();
  const archive = useArchive(session.id);
  const history = usePhaseHistory(session.id);
  const challenge = pickText(session.challenge, lang);

  return (
    <div className="overview">
      <div className="overview__main">
        <PhaseControl session={session} />
        <TimerControl session={session} />
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">{t("session.overview")}</h2>
          <dl className="details">
            {challenge && (
              <>
                <dt>{t("session.challenge")}</dt>
                <dd lang={pickedLanguage(session.challenge, lang)}>{challenge}</dd>
              </>
            )}
            <dt>{t("session.when")}</dt>
            <dd>
              {formatDateTime(session.starts_at, lang)}
              {session.ends_at && ` – ${formatDateTime(session.ends_at, lang)}`}
            </dd>
            <dt>{t("session.venue")}</dt>
            <dd>{session.mode === "online" ? t("session.online") : session.venue || t("common.notSet")}</dd>
          </dl>
          {history.data && history.data.items.length > 0 && (
            <details>
              <summary>{t("session.history")}</summary>
              <ol>
                {history.data.items.map((h) => (
                  <li key={h.id}>
                    {t("session.historyItem", { from: t(`phases.${h.from_phase}`), to: t(`phases.${h.to_phase}`) })} · {formatDateTime(h.created_at, lang)}
                    {h.reason && <> · “{h.reason}”</>}
                  </li>
                ))}
              </ol>
            </details>
          )}
          {archive.isError && <ErrorNotice error={archive.error} />}
          <p>
            <Button variant="secondary" disabled={archive.isPending} onClick={() => archive.mutate(!session.archived)}>
              {session.archived ? t("session.unarchive") : t("session.archive")}
            </Button>
          </p>
        </section>
      </div>
      <div className="overview__side">
        <JoinCard session={session} />
        <PublishCard sessionId={session.id} />
        <p><Link to={`/sessions/${session.id}/report`}>{t("report.link")}</Link></p>
      </div>
    </div>
  );
}
