import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useInitiative, useMomentum } from "../../api/initiatives";
import { currentLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading } from "../../ui/Status";
import { ActionPlan } from "./ActionPlan";
import { MomentumBadges } from "./MomentumBadges";
import { StewardCard } from "./StewardCard";
import { SummaryCard } from "./SummaryCard";

/** One initiative: its summary and status, its steward, its action plan. */
export default function InitiativePage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { initiativeId = "" } = useParams();
  const initiative = useInitiative(initiativeId);
  const momentum = useMomentum(initiativeId);

  if (initiative.isPending) return <Loading />;
  if (initiative.isError) {
    return (
      <Page title={t("initiatives.initiative")}>
        <ErrorNotice error={initiative.error} />
      </Page>
    );
  }
  const i = initiative.data;
  return (
    <Page title={i.title} documentTitle={`${i.title} – ${t("initiatives.initiative")}`} wide>
      <p className="muted">
        {t(`initiatives.status.${i.status}`)} · {t("initiatives.lastActivity", { when: formatDateTime(i.last_activity_at, lang) })}{" "}
        {momentum.data && <MomentumBadges overdue={momentum.data.overdue_actions.length} quiet={momentum.data.quiet} />}
      </p>
      <p>
        <Link to={`/initiatives/${i.id}/outcomes`}>{t("outcomes.page.openFromInitiative")}</Link>
      </p>
      <SummaryCard initiative={i} />
      <StewardCard initiative={i} />
      <ActionPlan initiativeId={i.id} />
    </Page>
  );
}
