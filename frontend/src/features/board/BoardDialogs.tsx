import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StaleIdeaError, useCombineIdeas, useDeleteTheme, useEditIdea, useRenameTheme, useRepurposeIdea } from "../../api/ideas";
import { problemMessage } from "../../api/problem";
import type { IdeaPublic, ThemePublic } from "../../api/types";
import { Button } from "../../ui/Button";
import { SelectField, TextArea, TextField } from "../../ui/Field";
import { ModalDialog } from "../../ui/ModalDialog";
import { Notice } from "../../ui/Status";

const MAX = 500;

export function themeOptions(t: TFunction, themes: ThemePublic[]) {
  return [{ value: "", label: t("board.noTheme") }, ...themes.map((th) => ({ value: th.id, label: th.name }))];
}

function textError(t: TFunction, text: string): string | undefined {
  if (!text.trim()) return t("validation.required");
  if (text.trim().length > MAX) return t("validation.maxLength", { count: MAX });
  return undefined;
}

function Failure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error || error instanceof StaleIdeaError) return null;
  return (
    <Notice tone="error" live>
      <p>{problemMessage(t, error)}</p>
    </Notice>
  );
}

/** Edit an idea's text against the version shown; if someone changed it meanwhile, show theirs
 * and let the person choose: never overwrite silently. */
export function EditDialog({ idea, onClose }: { idea: IdeaPublic; onClose: () => void }) {
  const { t } = useTranslation();
  const edit = useEditIdea();
  const [base, setBase] = useState(idea);
  const [text, setText] = useState(idea.text);
  const [error, setError] = useState<string | undefined>();
  const [newer, setNewer] = useState<IdeaPublic | null>(null);

  return (
    <ModalDialog isOpen onClose={onClose} title={t("board.editTitle")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problem = textError(t, text);
          setError(problem);
          if (problem) return;
          edit.mutate(
            { idea: base, text: text.trim() },
            {
              onSuccess: onClose,
              onError: (err) => {
                if (err instanceof StaleIdeaError) {
                  setNewer(err.current);
                  setBase(err.current);
                }
              },
            },
          );
        }}
      >
        {newer && (
          <Notice tone="warning" live>
            <p>{t("board.staleEdit")}</p>
            <blockquote className="quote" data-testid="newer-version">
              {newer.text}
            </blockquote>
            <p>{newer.status === "active" ? t("board.staleChoose") : t("board.staleGone")}</p>
            {newer.status === "active" && (
              <Button variant="secondary" onClick={() => setText(newer.text)}>
                {t("board.useTheirs")}
              </Button>
            )}
          </Notice>
        )}
        <TextArea id="edit-text" label={t("board.ideaText")} value={text} onChange={setText} error={error} maxLength={MAX + 50} />
        <Failure error={edit.error} />
        <div className="actions">
          <Button type="submit" disabled={edit.isPending || base.status !== "active"}>
            {newer ? t("board.saveAnyway") : t("common.save")}
          </Button>
          <Button variant="quiet" onClick={onClose}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

interface IdeaTextDialogProps {
  /** Prefix of the form fields' ids. */
  id: string;
  title: string;
  lead: string;
  /** The idea(s) the new one comes from, quoted. */
  sources: IdeaPublic[];
  textLabel: string;
  textHint?: string;
  initialText: string;
  initialThemeId: string;
  themes: ThemePublic[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (text: string, themeId: string | null) => void;
  onClose: () => void;
}

/** A new idea made from others (combining) or from one (repurposing): its text and theme. */
function IdeaTextDialog(props: IdeaTextDialogProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.initialText);
  const [themeId, setThemeId] = useState(props.initialThemeId);
  const [error, setError] = useState<string | undefined>();
  return (
    <ModalDialog isOpen onClose={props.onClose} title={props.title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const problem = textError(t, text);
          setError(problem);
          if (!problem) props.onSubmit(text.trim(), themeId || null);
        }}
      >
        <p>{props.lead}</p>
        {props.sources.length === 1 ? (
          <blockquote className="quote">{props.sources[0]!.text}</blockquote>
        ) : (
          <ul className="quote-list">
            {props.sources.map((i) => (
              <li key={i.id}>{i.text}</li>
            ))}
          </ul>
        )}
        <TextArea id={`${props.id}-text`} label={props.textLabel} hint={props.textHint} value={text} onChange={setText} error={error} maxLength={MAX + 50} />
        <SelectField id={`${props.id}-theme`} label={t("board.theme")} value={themeId} onChange={setThemeId} options={themeOptions(t, props.themes)} />
        <Failure error={props.error} />
        <div className="actions">
          <Button type="submit" disabled={props.pending}>
            {props.submitLabel}
          </Button>
          <Button variant="quiet" onClick={props.onClose}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

export function CombineDialog({ ideas, themes, onClose, onDone }: { ideas: IdeaPublic[]; themes: ThemePublic[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const combine = useCombineIdeas();
  const sameTheme = ideas.every((i) => i.theme_id === ideas[0]?.theme_id) ? (ideas[0]?.theme_id ?? "") : "";
  return (
    <IdeaTextDialog
      id="combine"
      title={t("board.combineTitle", { count: ideas.length })}
      lead={t("board.combineLead")}
      sources={ideas}
      textLabel={t("board.combineText")}
      textHint={t("board.combineHint")}
      initialText={ideas.map((i) => i.text).join("; ").slice(0, MAX)}
      initialThemeId={sameTheme}
      themes={themes}
      submitLabel={t("board.combine")}
      pending={combine.isPending}
      error={combine.error}
      onSubmit={(text, themeId) => combine.mutate({ idea_ids: ideas.map((i) => i.id), text, theme_id: themeId }, { onSuccess: onDone })}
      onClose={onClose}
    />
  );
}

export function RepurposeDialog({ idea, themes, onClose }: { idea: IdeaPublic; themes: ThemePublic[]; onClose: () => void }) {
  const { t } = useTranslation();
  const repurpose = useRepurposeIdea();
  return (
    <IdeaTextDialog
      id="repurpose"
      title={t("board.repurposeTitle")}
      lead={t("board.repurposeLead")}
      sources={[idea]}
      textLabel={t("board.repurposeText")}
      initialText={idea.text}
      initialThemeId={idea.theme_id ?? ""}
      themes={themes}
      submitLabel={t("board.repurpose")}
      pending={repurpose.isPending}
      error={repurpose.error}
      onSubmit={(text, themeId) => repurpose.mutate({ idea, text, themeId }, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}

export function RenameThemeDialog({ theme, onClose }: { theme: ThemePublic; onClose: () => void }) {
  const { t } = useTranslation();
  const rename = useRenameTheme();
  const [name, setName] = useState(theme.name);
  const [error, setError] = useState<string | undefined>();
  return (
    <ModalDialog isOpen onClose={onClose} title={t("board.renameTitle", { name: theme.name })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return setError(t("validation.required"));
          rename.mutate({ id: theme.id, name: name.trim() }, { onSuccess: onClose });
        }}
      >
        <TextField id="rename-theme" label={t("board.themeName")} value={name} onChange={setName} error={error} maxLength={80} />
        <Failure error={rename.error} />
        <div className="actions">
          <Button type="submit" disabled={rename.isPending}>
            {t("common.save")}
          </Button>
          <Button variant="quiet" onClick={onClose}>
            {t("common.cancel")}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

export function DeleteThemeDialog({ theme, onClose }: { theme: ThemePublic; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteTheme();
  return (
    <ModalDialog isOpen onClose={onClose} title={t("board.deleteTitle", { name: theme.name })} role="alertdialog">
      <p>{t("board.deleteLead")}</p>
      <Failure error={remove.error} />
      <div className="actions">
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate(theme.id, { onSuccess: onClose })}>
          {t("board.deleteTheme")}
        </Button>
        <Button variant="quiet" onClick={onClose}>
          {t("common.cancel")}
        </Button>
      </div>
    </ModalDialog>
  );
}
