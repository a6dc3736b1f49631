import { useTranslation } from "react-i18next";
import type { PitchPublic } from "../../api/pitches";

/** A pitch as everyone reads it: the idea, why it matters, its barriers and its asks for help. */
export function PitchView({ pitch, headingLevel = 3, idPrefix }: { pitch: PitchPublic; headingLevel?: 2 | 3; idPrefix: string }) {
  const { t } = useTranslation();
  const H = headingLevel === 2 ? "h2" : "h3";
  const barriers = [...pitch.barrier_tags.map((tag) => t(`pitches.barrierTags.${tag}`)), ...pitch.barriers_other];
  return (
    <div className="pitch-view" data-testid="pitch-view">
      <H id={`${idPrefix}-what`}>{t("pitches.whatLabel")}</H>
      <p className="pitch-view__what">{pitch.what}</p>
      {pitch.why && (
        <>
          <H>{t("pitches.whyLabel")}</H>
          <p>{pitch.why}</p>
        </>
      )}
      <H>{t("pitches.barriersLabel")}</H>
      {barriers.length ? (
        <ul className="pitch-view__tags" data-testid="pitch-barriers">
          {barriers.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("pitches.noneGiven")}</p>
      )}
      <H>{t("pitches.asksLabel")}</H>
      {pitch.asks.length ? (
        <ul className="pitch-view__asks" data-testid="pitch-asks">
          {pitch.asks.map((a) => (
            <li key={a.capital}>
              <strong>{t(`capitals.${a.capital}`)}</strong>
              {a.note ? `: ${a.note}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("pitches.noneGiven")}</p>
      )}
      {pitch.updated_by_facilitator && <p className="muted">{t("pitches.byFacilitator")}</p>}
    </div>
  );
}
