import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Frame } from "../../api/storyboards";

interface Props {
  frame: Frame;
  /** Controls shown under the frame (the editor's), left out when printing. */
  children?: ReactNode;
}

/** One frame as everyone reads it (and as it prints): its place, title, picture and facts. */
export function FrameView({ frame, children }: Props) {
  const { t } = useTranslation();
  const facts = [
    ["whatHappens", frame.what_happens],
    ["who", frame.who],
    ["where", frame.where],
  ].filter(([, value]) => value);
  return (
    <article className="sb-frame" aria-labelledby={`frame-${frame.id}`} data-testid="frame">
      <h3 id={`frame-${frame.id}`} className="sb-frame__title" tabIndex={-1}>
        {t("storyboards.frameHeading", { position: frame.position, title: frame.title })}
      </h3>
      {frame.image && (
        <img
          className="sb-frame__picture"
          src={frame.image.url}
          alt={frame.image.alt}
          width={frame.image.width}
          height={frame.image.height}
          loading="lazy"
        />
      )}
      {facts.length > 0 && (
        <dl className="sb-frame__facts">
          {facts.map(([key, value]) => (
            <div key={key}>
              <dt>{t(`storyboards.${key}`)}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {frame.entered_by_facilitator && <p className="muted sb-frame__note">{t("storyboards.byFacilitator")}</p>}
      {children}
    </article>
  );
}
