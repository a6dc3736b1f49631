import { useTranslation } from "react-i18next";
import type { StoryboardPublic } from "../../api/pitches";

/** A table's storyboard frames in order, large enough for the back of the room. */
export function StoryboardFrames({ storyboard }: { storyboard: StoryboardPublic | undefined }) {
  const { t } = useTranslation();
  const frames = [...(storyboard?.frames ?? [])].sort((a, b) => a.position - b.position);
  if (frames.length === 0) return <p className="muted">{t("presenter.noStoryboard")}</p>;
  return (
    <ol className="presenter-frames" data-testid="presenter-frames">
      {frames.map((frame, i) => (
        <li key={frame.id} className="presenter-frame">
          <h3>
            <span className="presenter-frame__n">{t("presenter.frame", { n: i + 1 })}</span> {frame.title}
          </h3>
          {frame.image && <img src={frame.image.url} alt={frame.image.alt ?? ""} className="presenter-frame__image" />}
          {frame.what_happens && <p>{frame.what_happens}</p>}
          {(frame.who || frame.where) && (
            <dl className="presenter-frame__meta">
              {frame.who && (
                <>
                  <dt>{t("presenter.who")}</dt>
                  <dd>{frame.who}</dd>
                </>
              )}
              {frame.where && (
                <>
                  <dt>{t("presenter.where")}</dt>
                  <dd>{frame.where}</dd>
                </>
              )}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}
