import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { joinQrUrl, useSession } from "../../api/sessions";
import { currentLanguage } from "../../i18n";
import { pickText, pickedLanguage } from "../../lib/format";
import { Countdown } from "../../ui/Countdown";
import { LanguageSwitch } from "../../ui/LanguageSwitch";
import { ErrorNotice, Loading } from "../../ui/Status";

/** "cyd.example.org/join" from the session's join URL, for people typing it by hand. */
function joinPageOf(joinUrl: string): string {
  try {
    const url = new URL(joinUrl, window.location.origin);
    return `${url.host}/join`;
  } catch {
    return joinUrl;
  }
}

/** Full-screen, high-contrast screen for a projector: code, QR, phase and timer. */
export default function ProjectorPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { sessionId = "" } = useParams();
  const session = useSession(sessionId, 5_000);
  const s = session.data;

  useEffect(() => {
    document.title = `${t("projector.title")} · Cyd`;
  }, [t]);

  return (
    <div className="projector">
      <header className="projector__bar actions">
        <Link className="button button--quiet" to={`/sessions/${sessionId}`}>
          {t("projector.exit")}
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main">
        {session.isPending && <Loading />}
        {session.isError && <ErrorNotice error={session.error} />}
        {s && (
          <>
            <div>
              <h1>
                {t("projector.title")}: <span lang={pickedLanguage(s.title, lang)}>{pickText(s.title, lang)}</span>
              </h1>
              <p className="projector__url">
                {t("projector.goTo")} <strong className="projector__host">{joinPageOf(s.join_url)}</strong> {t("projector.enterCode")}
              </p>
              <p className="projector__code" data-testid="join-code" aria-label={`${t("session.joinCode")}: ${s.join_code.split("").join(" ")}`}>
                {s.join_code}
              </p>
              <div className="projector__meta">
                <p>{t("projector.phase", { phase: t(`phases.${s.phase}`) })}</p>
                <Countdown timer={s.timer} />
              </div>
            </div>
            <figure className="projector__qr">
              <img src={joinQrUrl(s.id)} alt={t("session.qrAlt")} key={s.join_code} />
              <figcaption className="visually-hidden">{t("projector.scan")}</figcaption>
            </figure>
          </>
        )}
      </main>
    </div>
  );
}
