import { useTranslation } from "react-i18next";
import { ErrorNotice, Loading } from "../../ui/Status";
import { PublicInitiativeCard } from "./PublicInitiativeCard";
import { usePublicInitiatives } from "./usePublicInitiatives";

/** What happened next: the initiatives that came from the session and their outcomes. */
export function PublicInitiatives({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const query = usePublicInitiatives(sessionId);
  return (
    <section aria-labelledby="initiatives-heading" data-testid="public-initiatives">
      <h2 id="initiatives-heading">{t("publishing.public.initiatives")}</h2>
      <p>{t("publishing.public.initiativesLead")}</p>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} />}
      {query.data && query.data.items.length === 0 && <p className="muted">{t("publishing.public.noInitiatives")}</p>}
      {query.data && query.data.items.length > 0 && (
        <ul className="public-cards">
          {query.data.items.map((initiative) => (
            <PublicInitiativeCard key={initiative.id} initiative={initiative} />
          ))}
        </ul>
      )}
    </section>
  );
}
