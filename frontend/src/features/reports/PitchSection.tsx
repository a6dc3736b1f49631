import { tableName, useDoc } from "./doc";
import { Words } from "./parts";
import type { ReportPitch, ReportTable } from "./useReport";

/** What the table pitched (cooperatively: no ranking) and what other tables answered. */
export function PitchSection({ table }: { table: ReportTable }) {
  const { t } = useDoc();
  return (
    <>
      <h3>{t("report.pitch.heading")}</h3>
      {table.pitches.length === 0 && <p>{t("report.pitch.none")}</p>}
      {table.pitches.map((pitch, i) => (
        <Pitch key={pitch.idea?.id ?? i} pitch={pitch} />
      ))}
    </>
  );
}

function Pitch({ pitch }: { pitch: ReportPitch }) {
  const doc = useDoc();
  const { t } = doc;
  const barriers = pitch.barrier_tags.map((tag) => t(`report.barriers.${tag}`));
  return (
    <div className="report-pitch" data-testid="report-pitch">
      <dl className="report-facts">
        {pitch.idea && (
          <div>
            <dt>{t("report.pitch.idea")}</dt>
            <dd>
              <Words text={pitch.idea.text} withheld={pitch.idea.withheld} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t("report.pitch.what")}</dt>
          <dd>
            <Words text={pitch.what} withheld={pitch.words_withheld} table />
          </dd>
        </div>
        {pitch.why && (
          <div>
            <dt>{t("report.pitch.why")}</dt>
            <dd>{pitch.why}</dd>
          </div>
        )}
        <div>
          <dt>{t("report.pitch.barriers")}</dt>
          <dd>
            {barriers.length === 0 && pitch.other_barrier_count === 0 ? (
              t("report.pitch.noBarriers")
            ) : (
              <ul className="report-inline-list">
                {barriers.map((label) => (
                  <li key={label}>{label}</li>
                ))}
                {pitch.barriers_other.map((label) => (
                  <li key={`other-${label}`}>{label}</li>
                ))}
                {pitch.words_withheld && pitch.other_barrier_count > 0 && (
                  <li>{t("report.pitch.otherBarriers", { count: pitch.other_barrier_count })}</li>
                )}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("report.pitch.asks")}</dt>
          <dd>
            {pitch.asks.length === 0 ? (
              t("report.pitch.noAsks")
            ) : (
              <ul className="report-inline-list">
                {pitch.asks.map((ask) => (
                  <li key={ask.capital}>
                    {t(`capitals.${ask.capital}`)}
                    {ask.note && `: ${ask.note}`}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <h4>{t("report.pitch.responses")}</h4>
      {pitch.responses.length === 0 ? (
        <p>{t("report.pitch.noResponses")}</p>
      ) : (
        <ul className="report-responses">
          {pitch.responses.map((r, i) => (
            <li key={i} data-testid="report-response">
              <p className="report-responses__head">
                <strong>{t("report.pitch.from", { kind: t(`report.responseKinds.${r.kind}`), table: tableName(doc, r.from_table) })}</strong>{" "}
                {r.by_facilitator && t("report.pitch.byFacilitator")}
              </p>
              {r.capitals.length > 0 && <p>{t("report.pitch.offering", { capitals: r.capitals.map((c) => t(`capitals.${c}`)).join(", ") })}</p>}
              <p>
                <Words text={r.body} withheld={r.withheld} />
              </p>
              {r.reply && <p>{t("report.pitch.reply", { reply: r.reply })}</p>}
              {r.reply_withheld && <p>{t("report.pitch.replyWithheld")}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
