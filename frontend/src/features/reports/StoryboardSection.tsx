import { useDoc } from "./doc";
import { Words } from "./parts";
import type { ReportTable } from "./useReport";

/** The chosen idea walked through, frame by frame, with its pictures (never split on paper). */
export function StoryboardSection({ table }: { table: ReportTable }) {
  const { t } = useDoc();
  const board = table.storyboard;
  return (
    <>
      <h3>{t("report.storyboard.heading")}</h3>
      {!board && <p>{t("report.storyboard.none")}</p>}
      {board && (
        <>
          {board.frame_count > 0 && <p>{t("report.storyboard.frames", { count: board.frame_count })}</p>}
          {board.words_withheld && (
            <p>
              <Words text={null} withheld table />
            </p>
          )}
          {board.frame_count === 0 && <p>{t("report.storyboard.noFrames")}</p>}
          {board.frames.length > 0 && (
            <ol className="report-frames">
              {board.frames.map((frame) => (
                <li key={frame.position} className="report-frame" data-testid="report-frame">
                  <h4>{t("report.storyboard.frame", { position: frame.position, title: frame.title })}</h4>
                  {frame.picture && (
                    <img
                      className="report-frame__picture"
                      src={frame.picture.url}
                      alt={frame.picture.alt}
                      width={frame.picture.width}
                      height={frame.picture.height}
                    />
                  )}
                  <dl className="report-facts">
                    {frame.what_happens && (
                      <div>
                        <dt>{t("report.storyboard.what")}</dt>
                        <dd>{frame.what_happens}</dd>
                      </div>
                    )}
                    {frame.who && (
                      <div>
                        <dt>{t("report.storyboard.who")}</dt>
                        <dd>{frame.who}</dd>
                      </div>
                    )}
                    {frame.where && (
                      <div>
                        <dt>{t("report.storyboard.where")}</dt>
                        <dd>{frame.where}</dd>
                      </div>
                    )}
                  </dl>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}
