import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useTimer } from "../../api/sessions";
import type { SessionPublic } from "../../api/types";
import { integerBetween, required } from "../../lib/validation";
import { Button } from "../../ui/Button";
import { Countdown } from "../../ui/Countdown";
import { TextField } from "../../ui/Field";
import { ErrorNotice } from "../../ui/Status";

export function TimerControl({ session }: { session: SessionPublic }) {
  const { t } = useTranslation();
  const timer = useTimer(session.id);
  const [minutes, setMinutes] = useState("10");
  const [error, setError] = useState<string | undefined>();
  const state = session.timer.state;
  const disabled = session.archived || timer.isPending;
  const active = state === "running" || state === "paused" || state === "expired";

  function start() {
    const problem = required(minutes) ?? integerBetween(1, 1440)(minutes);
    if (problem) return setError(t(problem.key, problem.values));
    setError(undefined);
    timer.mutate({ kind: "start", seconds: Number(minutes) * 60 });
  }

  return (
    <section className="card" aria-labelledby="timer-heading">
      <h2 id="timer-heading">{t("timer.heading")}</h2>
      {active ? <Countdown timer={session.timer} /> : <p className="muted">{t("timer.none")}</p>}
      {timer.isError && <ErrorNotice error={timer.error} />}
      {!active && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <TextField id="timer-minutes" type="number" inputMode="numeric" min={1} max={1440} label={t("timer.minutes")} value={minutes} onChange={setMinutes} error={error} className="input--short" />
          <Button type="submit" disabled={disabled}>
            {t("timer.start")}
          </Button>
        </form>
      )}
      {active && (
        <div className="actions">
          {state === "running" && (
            <Button disabled={disabled} onClick={() => timer.mutate({ kind: "pause" })}>
              {t("timer.pause")}
            </Button>
          )}
          {state === "paused" && (
            <Button disabled={disabled} onClick={() => timer.mutate({ kind: "resume" })}>
              {t("timer.resume")}
            </Button>
          )}
          {[1, 5].map((n) => (
            <Button key={n} variant="secondary" disabled={disabled} onClick={() => timer.mutate({ kind: "extend", seconds: n * 60 })}>
              {t("timer.extend", { count: n })}
            </Button>
          ))}
          <Button variant="secondary" disabled={disabled} onClick={() => timer.mutate({ kind: "stop" })}>
            {t("timer.stop")}
          </Button>
        </div>
      )}
    </section>
  );
}
