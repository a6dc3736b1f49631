import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Frame, FrameInput } from "../../api/storyboards";
import { Button } from "../../ui/Button";
import { TextArea, TextField } from "../../ui/Field";
import { PictureField, type Picture } from "./PictureField";

const LIMITS = { title: 120, what_happens: 2000, who: 300, where: 300 } as const;
type TextKey = keyof typeof LIMITS;

interface Props {
  /** The frame being edited; a new frame when absent. */
  frame?: Frame;
  heading: string;
  /** h2 for the "add" form after the list, h3 for a frame edited in the list. */
  level: 2 | 3;
  busy: boolean;
  /** Resolves once saved (a new frame's form is then emptied); rejects to keep what was typed. */
  onSubmit: (values: FrameInput) => Promise<unknown>;
  onCancel?: () => void;
}

/** Title, what happens, who, where and an optional picture with its description. Checked here
 * before sending: a title, the lengths the server allows, and alt text with a picture. */
export function FrameForm({ frame, heading, level, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState<Record<TextKey, string>>({
    title: frame?.title ?? "",
    what_happens: frame?.what_happens ?? "",
    who: frame?.who ?? "",
    where: frame?.where ?? "",
  });
  const [picture, setPicture] = useState<Picture | null>(frame?.image ? { id: frame.image.id, url: frame.image.url } : null);
  const [alt, setAlt] = useState(frame?.image?.alt ?? "");
  const [errors, setErrors] = useState<Partial<Record<TextKey | "alt", string>>>({});
  // Bumped when a new frame's form is emptied, so the picture field starts afresh too.
  const [round, setRound] = useState(0);
  const idPrefix = frame ? `edit-${frame.id}` : "new-frame";
  const Heading = level === 2 ? "h2" : "h3";

  function check(): boolean {
    const found: typeof errors = {};
    if (!text.title.trim()) found.title = t("validation.required");
    for (const key of Object.keys(LIMITS) as TextKey[]) {
      if (text[key].trim().length > LIMITS[key]) found[key] = t("validation.maxLength", { count: LIMITS[key] });
    }
    if (picture && !alt.trim()) found.alt = t("storyboards.picture.altRequired");
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) document.getElementById(`${idPrefix}-${first === "alt" ? "picture-alt" : first}`)?.focus();
    return !first;
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !check()) return;
    const values = {
      title: text.title.trim(),
      what_happens: text.what_happens.trim(),
      who: text.who.trim(),
      where: text.where.trim(),
      image_id: picture?.id ?? null,
      image_alt: picture ? alt.trim() : null,
    };
    onSubmit(values).then(
      () => {
        if (frame) return;
        setText({ title: "", what_happens: "", who: "", where: "" });
        setPicture(null);
        setAlt("");
        setRound((n) => n + 1);
      },
      () => undefined, // the page says what went wrong; what was typed stays
    );
  }

  const field = (key: TextKey) => ({
    id: `${idPrefix}-${key}`,
    value: text[key],
    error: errors[key],
    onChange: (value: string) => setText((old) => ({ ...old, [key]: value })),
  });

  return (
    <form className="card sb-form no-print" noValidate onSubmit={submit} aria-labelledby={`${idPrefix}-heading`} data-testid="frame-form">
      <Heading id={`${idPrefix}-heading`} className="card__title" tabIndex={-1}>
        {heading}
      </Heading>
      <TextField {...field("title")} label={t("storyboards.form.title")} hint={t("storyboards.form.titleHint")} maxLength={LIMITS.title + 20} required />
      <TextArea {...field("what_happens")} label={t("storyboards.form.whatHappens")} hint={t("storyboards.form.whatHappensHint")} rows={4} />
      <TextField {...field("who")} label={t("storyboards.form.who")} />
      <TextField {...field("where")} label={t("storyboards.form.where")} />
      <PictureField key={round} idPrefix={idPrefix} picture={picture} alt={alt} altError={errors.alt} onPicture={setPicture} onAlt={setAlt} />
      <div className="actions">
        <Button type="submit" aria-disabled={busy || undefined}>
          {busy ? t("storyboards.saving") : frame ? t("storyboards.form.save") : t("storyboards.form.add")}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {t("storyboards.form.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
