import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useInitiative } from "../../api/initiatives";
import { Page } from "../../ui/Page";
import { OutcomesSection } from "./OutcomesSection";

/** `/initiatives/:initiativeId/outcomes`: the initiative's outcome indicators on their own page. */
export default function OutcomesPage() {
  const { t } = useTranslation();
  const { initiativeId = "" } = useParams();
  const initiative = useInitiative(initiativeId);
  return (
    <Page title={t("outcomes.page.title")} lead={t("outcomes.page.lead")} wide>
      {initiative.data && (
        <p>
          <Link to={`/initiatives/${initiativeId}`}>{t("outcomes.page.backToInitiative", { title: initiative.data.title })}</Link>
        </p>
      )}
      <OutcomesSection initiativeId={initiativeId} />
    </Page>
  );
}
