import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../../ui/Page";

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")} lead={t("notFound.lead")}>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </Page>
  );
}
