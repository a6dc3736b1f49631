import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useQueryClient } from "@tanstack/react-query";
import { BARRIER_TAGS, pitchKeys, useSaveMyPitch, type Ask, type BarrierTag, type MyPitch, type PitchPublic } from "../../api/pitches";
import { api } from "../../api/client";
import { ApiError, problemMessage, unwrap } from "../../api/problem";
import { CAPITALS, type Capital } from "../../api/types";
import { Button } from "../../ui/Button";
import { CheckboxGroup, Checkbox } from "../../ui/Choice";
import { TextArea } from "../../ui/Field";
import { Notice } from "../../ui/Status";

interface Draft {
  what: string;
  why: string;
  tags: BarrierTag[];
  other: string;
  asks: Partial<Record<Capital, string>>;
}

function draftOf(pitch: PitchPublic | null | undefined): Draft {
  return {
    what: pitch?.what ?? "",
    why: pitch?.why ?? "",
    tags: pitch?.barrier_tags ?? [],
    other: (pitch?.barriers_other ?? []).join("\n"),
    asks: Object.fromEntries((pitch?.asks ?? []).map((a) => [a.capital, a.note ?? ""])),
  };
}

/** The table's pitch form: barrier tags as checkboxes plus free text, one ask per kind of capital. */
export function PitchEditor({ pitch, say }: { pitch: PitchPublic | null | undefined; say: (text: string) => void }) {
  const { t } = useTranslation();
  const save = useSaveMyPitch();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(pitch));
  const [version, setVersion] = useState(pitch?.version ?? 0);
  const [error, setError] = useState<string | null>(null);
  const [whatError, setWhatError] = useState<string | undefined>();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (save.isPending) return;
    setError(null);
    if (!draft.what.trim()) {
      setWhatError(t("pitches.whatRequired"));
      document.getElementById("pitch-what")?.focus();
      return;
    }
    setWhatError(undefined);
    const asks: Ask[] = CAPITALS.filter((c) => draft.asks[c] !== undefined).map((c) => ({ capital: c, note: draft.asks[c] ?? "" }));
    const other = draft.other
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    save.mutate(
      { version, what: draft.what, why: draft.why, barrier_tags: draft.tags, barriers_other: other, asks },
      {
        onSuccess: (mine) => {
          setVersion(mine.pitch?.version ?? version);
          say(t("pitches.saved"));
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === "pitch_changed") {
            // A tablemate saved first: show theirs (never overwrite it unseen), then merge.
            void unwrap(api.GET("/api/v1/me/pitch")).then((latest: MyPitch) => {
              qc.setQueryData(pitchKeys.mine, latest);
              setDraft(draftOf(latest.pitch));
              setVersion(latest.pitch?.version ?? 0);
            });
            setError(t("pitches.changed"));
            return;
          }
          setError(problemMessage(t, err));
        },
      },
    );
  }

  return (
    <form className="card pitch-editor" onSubmit={onSubmit} noValidate aria-labelledby="pitch-editor-title" data-testid="pitch-editor">
      <h2 id="pitch-editor-title">{t("pitches.title")}</h2>
      <TextArea id="pitch-what" label={t("pitches.what")} hint={t("pitches.whatHint")} error={whatError} value={draft.what} onChange={(what) => set({ what })} maxLength={2000} required rows={3} />
      <TextArea id="pitch-why" label={t("pitches.why")} value={draft.why} onChange={(why) => set({ why })} maxLength={2000} rows={3} />
      <CheckboxGroup
        id="pitch-barriers"
        legend={t("pitches.barriers")}
        hint={t("pitches.barriersHint")}
        options={BARRIER_TAGS.map((tag) => ({ value: tag, label: t(`pitches.barrierTags.${tag}`) }))}
        values={draft.tags}
        onChange={(tags) => set({ tags: tags as BarrierTag[] })}
      />
      <TextArea id="pitch-other-barriers" label={t("pitches.otherBarriers")} hint={t("pitches.otherBarriersHint")} value={draft.other} onChange={(other) => set({ other })} rows={2} />
      <fieldset className="field fieldset" aria-describedby="pitch-asks-hint">
        <legend className="field__label">{t("pitches.asks")}</legend>
        <p id="pitch-asks-hint" className="field__hint">
          {t("pitches.asksHint")}
        </p>
        {CAPITALS.map((c) => {
          const on = draft.asks[c] !== undefined;
          return (
            <div key={c} className="pitch-ask">
              <Checkbox
                id={`pitch-ask-${c}`}
                label={t(`capitals.${c}`)}
                hint={t(`capitals.${c}_hint`)}
                checked={on}
                onChange={(checked) => {
                  const asks = { ...draft.asks };
                  if (checked) asks[c] = asks[c] ?? "";
                  else delete asks[c];
                  set({ asks });
                }}
              />
              {on && (
                <TextArea
                  id={`pitch-ask-note-${c}`}
                  label={t("pitches.askNote", { capital: t(`capitals.${c}`) })}
                  value={draft.asks[c] ?? ""}
                  onChange={(note) => set({ asks: { ...draft.asks, [c]: note } })}
                  maxLength={500}
                  rows={2}
                />
              )}
            </div>
          );
        })}
      </fieldset>
      {error && (
        <Notice tone="error" live>
          <p>{error}</p>
        </Notice>
      )}
      <Button type="submit" className="button--block button--big" aria-disabled={save.isPending || undefined} data-testid="pitch-save">
        {save.isPending ? t("pitches.saving") : t("pitches.save")}
      </Button>
    </form>
  );
}

