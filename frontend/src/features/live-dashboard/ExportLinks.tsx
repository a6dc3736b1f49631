import { useTranslation } from "react-i18next";
import { exportUrl } from "../../api/dashboard";

/** Plain links: same-origin cookie auth works for a GET download. */
export function ExportLinks({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="export-h">
      <h2 id="export-h">{t("exports.heading")}</h2>
      <p className="muted">{t("exports.lead")}</p>
      <div className="actions">
        <a className="button button--secondary" href={exportUrl(sessionId, "csv")} download data-testid="export-csv">
          {t("exports.csv")}
        </a>
        <a className="button button--secondary" href={exportUrl(sessionId, "json")} download data-testid="export-json">
          {t("exports.json")}
        </a>
      </div>
    </section>
  );
}
