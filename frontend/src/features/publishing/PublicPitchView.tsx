import { useTranslation } from "react-i18next";
import type { PublicPitch } from "./usePublicInitiatives";

/** A table's pitch: the idea, why it matters, the barriers it faces and its asks for help. */
export function PublicPitchView({ pitch, idPrefix }: { pitch: PublicPitch; idPrefix: string }) {
  const { t } = useTranslation();
  const headingId = `${idPrefix}-pitch`;
  const barriers = [...pitch.barrier_tags.map((tag) => t(`pitches.barrierTags.${tag}`)), ...pitch.barriers_other];
  const unseenBarriers = pitch.words_withheld ? pitch.other_barrier_count : 0;
  return (
    <section aria-labelledby={headingId} className="public-part" data-testid="public-pitch">
      <h4 id={headingId}>{t("publishing.public.pitch")}</h4>
      {pitch.words_withheld && <p className="muted">{t("publishing.public.pitchWithheld")}</p>}
      {pitch.what && (
        <>
          <h5>{t("publishing.public.pitchWhat")}</h5>
          <p className="public-pitch__what">{pitch.what}</p>
        </>
      )}
      {pitch.why && (
        <>
          <h5>{t("publishing.public.pitchWhy")}</h5>
          <p>{pitch.why}</p>
        </>
      )}
      <h5>{t("publishing.public.barriers")}</h5>
      {barriers.length > 0 && (
        <ul className="public-list">
          {barriers.map((barrier) => (
            <li key={barrier}>{barrier}</li>
          ))}
        </ul>
      )}
      {unseenBarriers > 0 && <p className="muted">{t("publishing.public.ownWordsBarriers", { count: unseenBarriers })}</p>}
      {barriers.length === 0 && unseenBarriers === 0 && <p className="muted">{t("publishing.public.noneGiven")}</p>}
      <h5>{t("publishing.public.asks")}</h5>
      {pitch.asks.length > 0 ? (
        <ul className="public-list">
          {pitch.asks.map((ask) => (
            <li key={ask.capital}>
              <strong>{t(`capitals.${ask.capital}`)}</strong>
              {ask.note ? `: ${ask.note}` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("publishing.public.noneGiven")}</p>
      )}
    </section>
  );
}
