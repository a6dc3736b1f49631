import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { Page } from "../../ui/Page";
import { Notice } from "../../ui/Status";
import { CopyButton } from "../../ui/CopyButton";

interface SavedState {
  rejoinUrl?: string | null;
  recoveryCode?: string | null;
}

/** Shown once after joining: the personal rejoin link and the recovery code. */
export default function SavedPage() {
  const { t } = useTranslation();
  const state = (useLocation().state ?? {}) as SavedState;

  return (
    <Page title={t("saved.title")} lead={t("saved.lead")}>
      {state.rejoinUrl && (
        <section className="card" aria-labelledby="saved-link">
          <h2 id="saved-link">{t("saved.link")}</h2>
          <p className="field__hint">{t("saved.linkHint")}</p>
          <p className="secret">
            <a href={state.rejoinUrl}>{state.rejoinUrl}</a>
          </p>
          <CopyButton text={state.rejoinUrl} label={`${t("common.copy")}: ${t("saved.link")}`} />
        </section>
      )}
      {state.recoveryCode && (
        <section className="card" aria-labelledby="saved-code">
          <h2 id="saved-code">{t("saved.code")}</h2>
          <p className="field__hint">{t("saved.codeHint")}</p>
          <p className="secret" data-testid="recovery-code">
            {state.recoveryCode}
          </p>
          <CopyButton text={state.recoveryCode} label={`${t("common.copy")}: ${t("saved.code")}`} />
        </section>
      )}
      <Notice tone="warning">
        <p>{t("saved.private")}</p>
      </Notice>
      <p className="spaced">
        <Link className="button button--primary" to="/me">
          {t("saved.confirm")}
        </Link>
      </p>
    </Page>
  );
}
