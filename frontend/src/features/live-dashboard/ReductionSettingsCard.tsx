import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useReductionSettings, useUpdateReductionSettings } from "../../api/dashboard";
import { fieldProblems } from "../../api/problem";
import { currentLanguage } from "../../i18n";
import { pickText, pickedLanguage } from "../../lib/format";
import { Button } from "../../ui/Button";
import { RadioGroup } from "../../ui/Choice";
import { TextField } from "../../ui/Field";
import { ErrorNotice, Notice } from "../../ui/Status";

/** Dot budget, per-idea cap and tie-break: editable until anyone has voted. */
export function ReductionSettingsCard({ sessionId, disabled }: { sessionId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const settings = useReductionSettings(sessionId);
  const update = useUpdateReductionSettings(sessionId);
  const [budget, setBudget] = useState("");
  const [cap, setCap] = useState("");
  const [tieBreak, setTieBreak] = useState("runoff");
  const [errors, setErrors] = useState<{ budget?: string; cap?: string }>({});
  const [saved, setSaved] = useState(false);
  const s = settings.data;

  useEffect(() => {
    if (!s) return;
    setBudget(String(s.dot_budget));
    setCap(String(s.dot_cap));
    setTieBreak(s.tie_break);
  }, [s]);

  if (settings.isError) return <ErrorNotice error={settings.error} />;
  if (!s) return null;
  const locked = s.locked || disabled;

  function submit() {
    const b = Number(budget);
    const c = Number(cap);
    const next: typeof errors = {};
    if (!/^\d+$/.test(budget) || b < 1 || b > 50) next.budget = t("liveDashboard.settings.budgetRange");
    if (!/^\d+$/.test(cap) || c < 1 || c > Math.min(50, b || 50)) next.cap = t("liveDashboard.settings.capRange", { max: Math.min(50, b || 50) });
    setErrors(next);
    setSaved(false);
    if (next.budget || next.cap) return;
    update.mutate(
      { dot_budget: b, dot_cap: c, tie_break: tieBreak as "runoff" | "earliest" },
      {
        onSuccess: () => setSaved(true),
        onError: (err) => {
          const f = fieldProblems(t, err);
          setErrors({ budget: f.dot_budget, cap: f.dot_cap });
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="rs-h" data-testid="reduction-settings">
      <h2 id="rs-h">{t("liveDashboard.settings.heading")}</h2>
      <p lang={pickedLanguage(s.tie_break_text, lang)}>{pickText(s.tie_break_text, lang)}</p>
      <p className="muted">{t("liveDashboard.settings.shortlist", { size: s.shortlist_size })}</p>
      {s.locked ? (
        <Notice tone="info">
          <p>{t("liveDashboard.settings.locked", { budget: s.dot_budget, cap: s.dot_cap })}</p>
        </Notice>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="grid-2">
            <TextField id="rs-budget" type="number" inputMode="numeric" min={1} max={50} label={t("liveDashboard.settings.budget")} value={budget} onChange={setBudget} error={errors.budget} className="input--short" />
            <TextField id="rs-cap" type="number" inputMode="numeric" min={1} max={50} label={t("liveDashboard.settings.cap")} value={cap} onChange={setCap} error={errors.cap} className="input--short" />
          </div>
          <RadioGroup
            id="rs-tie"
            legend={t("liveDashboard.settings.tieBreak")}
            value={tieBreak}
            onChange={setTieBreak}
            options={[
              { value: "runoff", label: t("liveDashboard.settings.runoff"), hint: t("liveDashboard.settings.runoffHint") },
              { value: "earliest", label: t("liveDashboard.settings.earliest"), hint: t("liveDashboard.settings.earliestHint") },
            ]}
          />
          {update.isError && !errors.budget && !errors.cap && <ErrorNotice error={update.error} />}
          {saved && (
            <Notice tone="success" live>
              <p>{t("liveDashboard.settings.saved")}</p>
            </Notice>
          )}
          <Button type="submit" disabled={locked || update.isPending} data-testid="save-reduction-settings">
            {t("liveDashboard.settings.save")}
          </Button>
        </form>
      )}
    </section>
  );
}
