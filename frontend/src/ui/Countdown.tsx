import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDuration } from "../lib/format";

export interface TimerLike {
  state: string;
  ends_at?: string | null;
  remaining_seconds?: number | null;
  server_now: string;
}

/** Seconds left on a timer, ticking each second, corrected for this device's clock. */
export function useRemaining(timer: TimerLike | null | undefined): number | null {
  const offset = useMemo(() => (timer ? Date.parse(timer.server_now) - Date.now() : 0), [timer]);
  const [now, setNow] = useState(() => Date.now());
  const running = timer?.state === "running" && Boolean(timer.ends_at);
  useEffect(() => {
    if (!running) return;
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, [running]);
  if (!timer) return null;
  if (running) return Math.max(0, (Date.parse(timer.ends_at!) - (now + offset)) / 1000);
  if (timer.state === "expired") return 0;
  return timer.remaining_seconds ?? null;
}

export function Countdown({ timer, className }: { timer: TimerLike | null | undefined; className?: string }) {
  const { t } = useTranslation();
  const remaining = useRemaining(timer);
  if (!timer || remaining === null || timer.state === "stopped" || timer.state === "off") return null;
  const expired = remaining <= 0;
  const text = formatDuration(remaining);
  return (
    <div className={className}>
      <p role="timer" aria-label={t("timer.label", { time: text })} className={expired ? "countdown countdown--expired" : "countdown"}>
        {text}
      </p>
      {expired && (
        <p role="status" className="countdown__note">
          {t("timer.expired")}
        </p>
      )}
      {timer.state === "paused" && <p className="countdown__note">{t("timer.paused")}</p>}
    </div>
  );
}
