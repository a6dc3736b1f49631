import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useMyParticipant, useMySession, useMyTable } from "../../api/participants";
import { CAPITALS } from "../../api/types";
import { currentLanguage } from "../../i18n";
import { pickText, pickedLanguage } from "../../lib/format";
import { Countdown } from "../../ui/Countdown";
import { Page } from "../../ui/Page";
import { PerspectiveBadge } from "../../ui/PerspectiveBadge";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { NotJoined } from "./NotJoined";
import { ParticipantNav } from "./ParticipantNav";
import { STEP_PATHS, stepFor, stepLabelKeys } from "./steps";

export default function MyTablePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMyParticipant();
  const joined = Boolean(me.data);
  const mine = useMyTable(joined);
  const session = useMySession(joined);
  const step = stepFor(session.data?.phase);
  const welcome = (useLocation().state as { welcome?: string } | null)?.welcome;

  if (me.isPending) return <Loading />;
  if (!me.data) return <NotJoined title={t("myTable.title")} />;

  const table = mine.data?.table;
  const heading = table ? (table.name ? t("myTable.tableNamed", { number: table.number, name: table.name }) : t("myTable.tableName", { number: table.number })) : null;

  return (
    <Page title={t("myTable.title")}>
      <ParticipantNav />
      {welcome && (
        <Notice tone="success" live>
          <p>{t("rejoin.welcomeBack", { name: welcome })}</p>
        </Notice>
      )}
      {session.data && (
        <section className="card" aria-labelledby="my-session">
          <h2 id="my-session" lang={pickedLanguage(session.data.title, lang)}>
            {pickText(session.data.title, lang)}
          </h2>
          <p className="stat">{t("myTable.phase", { phase: t(`phases.${session.data.phase}`) })}</p>
          <Countdown timer={session.data.timer} />
          {step && (
            <p>
              <Link className="button button--primary" to={STEP_PATHS[step]}>
                {t(stepLabelKeys(step).goTo)}
              </Link>
            </p>
          )}
        </section>
      )}
      {mine.isPending && <Loading />}
      {mine.isError && <ErrorNotice error={mine.error} />}
      {mine.data && !table && (
        <Notice>
          <p>{t("myTable.notSeated")}</p>
        </Notice>
      )}
      {mine.data && table && (
        <>
          <section className="card" aria-labelledby="my-table">
            <h2 id="my-table" className="table-heading">
              {heading}
            </h2>
            <p className="muted">{t("myTable.perspectivesPresent", { count: mine.data.perspectives_present })}</p>
            <h3>{t("myTable.tablemates")}</h3>
            <ul className="plain-list">
              {mine.data.tablemates.map((m) => (
                <li key={m.id}>
                  <span className="member__name">{m.display_name}</span> {m.is_me && <span className="muted">{t("myTable.you")}</span>}{" "}
                  <PerspectiveBadge perspective={m.perspective} hiddenLabel />
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="pooled">
            <h2 id="pooled">{t("myTable.pooled")}</h2>
            {CAPITALS.map((c) => {
              const items = mine.data.pooled_strengths[c] ?? [];
              return (
                <div key={c}>
                  <h3>
                    {t(`capitals.${c}`)} <span className="muted">– {t(`capitals.${c}_hint`)}</span>
                  </h3>
                  {items.length ? (
                    <ul>
                      {items.map((s, i) => (
                        <li key={i}>{s}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t("myTable.pooledEmpty")}</p>
                  )}
                </div>
              );
            })}
          </section>
        </>
      )}
      <p>
        <Link to="/me">{t("myTable.editProfile")}</Link>
      </p>
    </Page>
  );
}
