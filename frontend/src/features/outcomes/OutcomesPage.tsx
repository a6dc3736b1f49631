import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page } from "../../ui/Page";
import { OutcomesSection } from "./OutcomesSection";

/** `/initiatives/:initiativeId/outcomes`: the initiative's outcome indicators on their own page. */
export default function OutcomesPage() {
  const { t } = useTranslation();
  const { initiativeId = "" } = useParams();
  return (
    <Page title={t("outcomes.page.title")} lead={t("outcomes.page.lead")} wide>
      <OutcomesSection initiativeId={initiativeId} />
    </Page>
  );
}
