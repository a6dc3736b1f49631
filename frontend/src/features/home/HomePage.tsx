import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../ui/Page";

export default function HomePage() {
  const { t } = useTranslation();
  return (
    <Page title={t("home.title")} lead={t("home.lead")}>
      <section className="card" aria-labelledby="home-join">
        <h2 id="home-join">{t("home.join")}</h2>
        <p>{t("home.joinHint")}</p>
        <p className="actions">
          <Link className="button button--primary" to="/join">
            {t("home.join")}
          </Link>
          <Link to="/rejoin">{t("home.rejoin")}</Link>
        </p>
      </section>
      <section className="card" aria-labelledby="home-fac">
        <h2 id="home-fac">{t("home.facilitators")}</h2>
        <p className="actions">
          <Link className="button button--secondary" to="/signin">
            {t("home.signIn")}
          </Link>
          <Link to="/signup">{t("home.signUp")}</Link>
        </p>
      </section>
    </Page>
  );
}
