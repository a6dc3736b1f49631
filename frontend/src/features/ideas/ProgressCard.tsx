import { useTranslation } from "react-i18next";
import { useProgress } from "../../api/ideas";
import { currentLanguage } from "../../i18n";
import { formatNumber } from "../../lib/format";

function Bar({ value, max }: { value: number; max: number }) {
  const pct = Math.min(100, max > 0 ? (value / max) * 100 : 0);
  return (
    <div className="bar" aria-hidden="true">
      <div className={value >= max ? "bar__fill bar__fill--done" : "bar__fill"} style={{ width: `${pct}%` }} />
    </div>
  );
}

/** My ideas against the per-person range (10-15) and the table's against its target (100+). */
export function ProgressCard({ meId, queued = 0 }: { meId: string; queued?: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const progress = useProgress();
  const p = progress.data;
  if (!p) return null;
  const mine = p.members.find((m) => m.participant_id === meId);
  const n = (x: number) => formatNumber(x, lang);
  return (
    <section className="card progress" aria-labelledby="progress-h" data-testid="progress">
      <h2 id="progress-h" className="visually-hidden">
        {t("progress.title")}
      </h2>
      {mine && (
        <div className="progress__row">
          <p className="progress__label" data-testid="my-progress">
            {t("progress.mine", { count: mine.ideas, n: n(mine.ideas), min: n(mine.target_min), max: n(mine.target_max) })}
          </p>
          <Bar value={mine.ideas} max={mine.target_min} />
          {mine.ideas >= mine.target_max ? (
            <p className="muted">{t("progress.mineBeyond")}</p>
          ) : (
            mine.reached_min && <p className="muted">{t("progress.mineReached")}</p>
          )}
        </div>
      )}
      <div className="progress__row">
        <p className="progress__label" data-testid="table-progress">
          {t("progress.table", { count: p.total, n: n(p.total), target: n(p.target) })}
        </p>
        <Bar value={p.total} max={p.target} />
      </div>
      {queued > 0 && <p className="muted">{t("progress.notCounted", { count: queued })}</p>}
    </section>
  );
}
