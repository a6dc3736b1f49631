import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../i18n";
import { formatDateTime, formatNumber } from "../../lib/format";
import { Button } from "../../ui/Button";
import { ErrorNotice, Loading } from "../../ui/Status";
import { useDeliveryAttempts, type Attempt } from "./useDeliveryAttempts";

interface Props {
  organisationId: string;
  webhookId: string;
  deliveryId: string;
  attempts: number;
}

/** Every attempt of one delivery, oldest first: when, how long, and the answer or why none came. */
export function AttemptList({ organisationId, webhookId, deliveryId, attempts }: Props) {
  const { t } = useTranslation();
  const query = useDeliveryAttempts(organisationId, webhookId, deliveryId, attempts);
  if (attempts === 0) return <p>{t("partners.hook.notTriedYet")}</p>;
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice error={query.error} />;
  const items = query.data.pages.flatMap((page) => page.items);
  return (
    <>
      <ol className="attempt-list" data-testid="attempts">
        {items.map((attempt) => (
          <AttemptItem key={attempt.number} attempt={attempt} />
        ))}
      </ol>
      {query.hasNextPage && (
        <Button variant="secondary" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {t("partners.hook.moreAttempts")}
        </Button>
      )}
    </>
  );
}

function AttemptItem({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <li className="attempt" data-outcome={attempt.status_code ?? attempt.error_kind ?? ""}>
      <p className="attempt__head">
        <strong>{t("partners.hook.attemptNumber", { number: attempt.number })}</strong>{" "}
        {t("partners.hook.attemptWhen", { when: formatDateTime(attempt.started_at, lang), ms: formatNumber(attempt.duration_ms, lang) })}
      </p>
      <p>
        {attempt.status_code !== null
          ? t("partners.hook.answered", { code: attempt.status_code })
          : t(`partners.hook.errorKind.${attempt.error_kind ?? "network"}`)}
      </p>
      {attempt.error && (
        <p className="muted attempt__error">
          <code>{attempt.error}</code>
        </p>
      )}
      {attempt.response_excerpt && (
        <figure className="attempt__answer">
          <figcaption>{attempt.response_truncated ? t("partners.hook.excerptCut") : t("partners.hook.excerpt")}</figcaption>
          <pre>{attempt.response_excerpt}</pre>
        </figure>
      )}
    </li>
  );
}
