import { useTranslation } from "react-i18next";
import { catalogueKey, useDeliveries } from "../../api/partners";
import { currentLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { ErrorNotice, Loading } from "../../ui/Status";

/** The webhook's latest deliveries, newest first, refreshed while any is waiting. */
export function DeliveriesTable({ organisationId, webhookId }: { organisationId: string; webhookId: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const deliveries = useDeliveries(organisationId, webhookId);
  if (deliveries.isPending) return <Loading />;
  if (deliveries.isError) return <ErrorNotice error={deliveries.error} />;
  if (deliveries.data.items.length === 0) return <p>{t("partners.hook.logEmpty")}</p>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="deliveries-caption" tabIndex={0}>
      <table className="data-table" data-testid="deliveries">
        <caption id="deliveries-caption" className="visually-hidden">
          {t("partners.hook.logCaption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("partners.hook.colEvent")}</th>
            <th scope="col">{t("partners.hook.colStatus")}</th>
            <th scope="col">{t("partners.hook.colAttempts")}</th>
            <th scope="col">{t("partners.hook.colResponse")}</th>
            <th scope="col">{t("partners.hook.colTime")}</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.data.items.map((d) => (
            <tr key={d.id} data-status={d.status}>
              <th scope="row">
                {t(`partners.event.${catalogueKey(d.kind)}`, { defaultValue: d.kind })}
                <br />
                <code className="muted">{d.event_id}</code>
              </th>
              <td>
                {t(`partners.hook.statusValue.${d.status}`)}
                {d.next_attempt_at && d.attempts > 0 && (
                  <span className="muted"> ({t("partners.hook.nextTry", { when: formatDateTime(d.next_attempt_at, lang) })})</span>
                )}
              </td>
              <td>{d.attempts}</td>
              <td>
                {d.last_status_code ?? (d.attempts > 0 ? t("partners.hook.noResponse") : "")}
                {(d.last_response_excerpt || d.last_error) && <span className="muted"> — {d.last_response_excerpt ?? d.last_error}</span>}
              </td>
              <td>{formatDateTime(d.delivered_at ?? d.last_attempt_at ?? d.created_at, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
