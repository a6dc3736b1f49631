import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../i18n";
import { formatDay } from "../outcomes/format";
import { PublicIndicatorView } from "./PublicIndicatorView";
import type { PublicInitiative, PublicPlan, PublicSteward } from "./usePublicInitiatives";

const STATUSES = ["done", "doing", "todo", "blocked"] as const;

/** An initiative that came from the session: who looks after it, its plan, and its outcomes. */
export function PublicInitiativeCard({ initiative }: { initiative: PublicInitiative }) {
  const { t } = useTranslation();
  const idPrefix = `initiative-${initiative.id}`;
  return (
    <li className="card public-initiative" data-testid="public-initiative">
      <h3 id={`${idPrefix}-heading`}>{initiative.title ?? t("publishing.public.initiativeWithheld")}</h3>
      <p className="muted">
        {[
          t("publishing.public.status", { status: t(`initiatives.status.${initiative.status}`) }),
          initiative.table_number !== null ? t("publishing.public.fromTable", { number: initiative.table_number }) : "",
        ]
          .filter(Boolean)
          .join(" · ")}
      </p>
      {initiative.summary && <p>{initiative.summary}</p>}
      <h4>{t("publishing.public.steward")}</h4>
      {initiative.steward ? <StewardView steward={initiative.steward} /> : <p className="muted">{t("publishing.public.noSteward")}</p>}
      <h4>{t("publishing.public.plan")}</h4>
      <PlanView plan={initiative.plan} />
      <h4>{t("publishing.public.outcomes")}</h4>
      {initiative.indicators.length === 0 ? (
        <p className="muted">{t("publishing.public.noIndicators")}</p>
      ) : (
        <ul className="public-indicators">
          {initiative.indicators.map((indicator) => (
            <PublicIndicatorView key={indicator.id} indicator={indicator} />
          ))}
        </ul>
      )}
    </li>
  );
}

function StewardView({ steward }: { steward: PublicSteward }) {
  const { t } = useTranslation();
  const kind = t(`initiatives.kind.${steward.kind}`);
  return (
    <>
      <p data-testid="public-steward">{steward.name ? t("publishing.public.stewardNamed", { kind, name: steward.name }) : kind}</p>
      {steward.members.length > 0 && (
        <ul className="public-list">
          {steward.members.map((member, index) => (
            <li key={index}>{member.named ? t("publishing.public.memberNamed", { name: member.label, role: member.role }) : member.role}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function PlanView({ plan }: { plan: PublicPlan }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (plan.action_count === 0) return <p className="muted">{t("publishing.public.noActions")}</p>;
  return (
    <>
      <p data-testid="public-plan">{t("publishing.public.actionsDone", { count: plan.action_count, done: plan.counts.done })}</p>
      <ul className="public-plan">
        {STATUSES.filter((status) => plan.counts[status] > 0).map((status) => (
          <li key={status}>
            {t(`initiatives.actionStatus.${status}`)}: {plan.counts[status]}
          </li>
        ))}
      </ul>
      {plan.next_due_on && <p>{t("publishing.public.nextDue", { date: formatDay(plan.next_due_on, lang) })}</p>}
    </>
  );
}
