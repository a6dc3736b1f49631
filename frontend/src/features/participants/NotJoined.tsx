import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../ui/Page";

export function NotJoined({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title} lead={t("profile.notJoined")}>
      <p className="actions">
        <Link className="button button--primary" to="/join">
          {t("home.join")}
        </Link>
        <Link to="/rejoin">{t("home.rejoin")}</Link>
      </p>
    </Page>
  );
}
