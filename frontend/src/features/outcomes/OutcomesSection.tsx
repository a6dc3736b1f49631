import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCreateIndicator, useIndicators } from "../../api/outcomes";
import { Button } from "../../ui/Button";
import { ErrorNotice, Loading } from "../../ui/Status";
import { IndicatorCard, type CardMode } from "./IndicatorCard";
import { IndicatorForm } from "./IndicatorForm";
import { emptyIndicator } from "./indicatorFormModel";
import "./outcomes.css";

/** Which form is open: one at a time keeps the page calm (and its error summary unique). */
type Open = { kind: "new" } | { kind: CardMode; id: string } | null;

/** An initiative's outcome indicators, their charts, and adding indicators and measurements. */
export function OutcomesSection({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const indicators = useIndicators(initiativeId);
  const create = useCreateIndicator(initiativeId);
  const [open, setOpen] = useState<Open>(null);
  const [announcement, setAnnouncement] = useState("");
  const modeOf = (id: string): CardMode => (open && open.kind !== "new" && open.id === id ? open.kind : "view");

  return (
    <section className="outcomes" aria-labelledby="outcomes-h" data-testid="outcomes-section">
      <h2 id="outcomes-h">{t("outcomes.section.heading")}</h2>
      <p className="muted">{t("outcomes.section.lead")}</p>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {indicators.isPending && <Loading />}
      {indicators.isError && <ErrorNotice error={indicators.error} />}
      {indicators.data && indicators.data.items.length === 0 && <p>{t("outcomes.section.none")}</p>}
      {indicators.data && indicators.data.items.length > 0 && (
        <ul className="outcome-list">
          {indicators.data.items.map((indicator) => (
            <IndicatorCard
              key={indicator.id}
              initiativeId={initiativeId}
              indicator={indicator}
              mode={modeOf(indicator.id)}
              onMode={(mode, saved) => {
                setOpen(mode === "view" ? null : { kind: mode, id: indicator.id });
                setAnnouncement(saved ?? "");
              }}
            />
          ))}
        </ul>
      )}
      {open?.kind === "new" ? (
        <IndicatorForm
          idPrefix="new-indicator"
          heading={t("outcomes.form.newHeading")}
          initial={emptyIndicator()}
          submitLabel={t("outcomes.form.add")}
          saving={create.isPending}
          onSubmit={(body, onError) =>
            create.mutate(body, {
              onSuccess: () => {
                setOpen(null);
                setAnnouncement(t("outcomes.saved.indicator"));
              },
              onError,
            })
          }
          onCancel={() => setOpen(null)}
        />
      ) : (
        <Button onClick={() => setOpen({ kind: "new" })}>{t("outcomes.section.add")}</Button>
      )}
    </section>
  );
}
