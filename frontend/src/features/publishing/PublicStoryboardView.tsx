import { useTranslation } from "react-i18next";
import type { PublicStoryboard } from "./usePublicInitiatives";

/** A table's storyboard from entry point to completion, or a word on why its words are withheld. */
export function PublicStoryboardView({ storyboard, idPrefix }: { storyboard: PublicStoryboard; idPrefix: string }) {
  const { t } = useTranslation();
  const headingId = `${idPrefix}-storyboard`;
  return (
    <section aria-labelledby={headingId} className="public-part" data-testid="public-storyboard">
      <h4 id={headingId}>
        {t("publishing.public.storyboard")} <span className="public-part__count">({t("publishing.public.frames", { count: storyboard.frame_count })})</span>
      </h4>
      {storyboard.words_withheld ? (
        <p className="muted">{t("publishing.public.storyboardWithheld")}</p>
      ) : (
        <ol className="public-frames">
          {storyboard.frames.map((frame) => {
            const facts = [
              ["whatHappens", frame.what_happens],
              ["who", frame.who],
              ["where", frame.where],
            ].filter(([, value]) => value);
            return (
              <li key={frame.position} className="public-frame">
                <h5 className="public-frame__title">{t("publishing.public.frameHeading", { position: frame.position, title: frame.title })}</h5>
                {frame.picture && (
                  <img className="public-frame__picture" src={frame.picture.url} alt={frame.picture.alt} width={frame.picture.width} height={frame.picture.height} loading="lazy" />
                )}
                {facts.length > 0 && (
                  <dl className="public-frame__facts">
                    {facts.map(([key, value]) => (
                      <div key={key}>
                        <dt>{t(`publishing.public.${key}`)}</dt>
                        <dd>{value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
