import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { StaleIdeaError, useCreateTheme, useEditIdea, useTableIdeas, useThemes } from "../../api/ideas";
import { useMyParticipant, useMyTable } from "../../api/participants";
import { problemMessage } from "../../api/problem";
import type { IdeaPublic, ThemePublic } from "../../api/types";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { FlagButton } from "../ideas/FlagButton";
import FlagDialog from "../ideas/FlagDialog";
import { ProgressCard } from "../ideas/ProgressCard";
import { NotJoined } from "../participants/NotJoined";
import { ParticipantNav } from "../participants/ParticipantNav";
import { PhaseBar } from "../participants/PhaseBar";
import { CombineDialog, DeleteThemeDialog, EditDialog, RenameThemeDialog, RepurposeDialog } from "./BoardDialogs";
import { IdeaCard, type IdeaAction } from "./IdeaCard";

type Dialog =
  | { kind: "edit" | "repurpose" | "flag"; idea: IdeaPublic }
  | { kind: "combine" }
  | { kind: "rename" | "delete"; theme: ThemePublic };

/** The table's ideas sorted into themes: move, combine, edit, repurpose, flag. */
export default function BoardPage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const seated = Boolean(me.data?.table_id);
  const ideas = useTableIdeas(seated);
  const themes = useThemes(seated);
  const table = useMyTable(Boolean(me.data));
  const move = useEditIdea();
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<{ tone: "warning" | "error"; text: string; quote?: string } | null>(null);

  if (me.isPending) return <Loading />;
  if (!me.data) return <NotJoined title={t("board.title")} />;

  const names = new Map((table.data?.tablemates ?? []).map((m) => [m.id, m.display_name]));
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? t("board.someone")) : null);
  const all = ideas.data?.items ?? [];
  const active = all.filter((i) => i.status === "active");
  const combined = all.filter((i) => i.status === "combined");
  const themeList = themes.data?.items ?? [];
  const picked = active.filter((i) => selected.includes(i.id));
  const close = () => setDialog(null);

  function onMove(idea: IdeaPublic, themeId: string | null) {
    setNotice(null);
    move.mutate(
      { idea, themeId },
      {
        onError: (err) =>
          setNotice(
            err instanceof StaleIdeaError
              ? { tone: "warning", text: t("board.staleMove"), quote: err.current.text }
              : { tone: "error", text: problemMessage(t, err) },
          ),
      },
    );
  }

  function onAction(idea: IdeaPublic, action: IdeaAction) {
    setDialog({ kind: action, idea });
  }

  const sections: { theme: ThemePublic | null; items: IdeaPublic[] }[] = [
    { theme: null, items: active.filter((i) => !i.theme_id || !themeList.some((th) => th.id === i.theme_id)) },
    ...themeList.map((theme) => ({ theme, items: active.filter((i) => i.theme_id === theme.id) })),
  ];

  return (
    <Page title={t("board.title")} lead={t("board.lead")} wide>
      <ParticipantNav />
      <PhaseBar />
      {!seated && (
        <Notice>
          <p>{t("myTable.notSeated")}</p>
        </Notice>
      )}
      {seated && <ProgressCard meId={me.data.id} />}
      {(ideas.isPending || themes.isPending) && seated && <Loading />}
      {ideas.isError && <ErrorNotice error={ideas.error} />}
      {notice && (
        <Notice tone={notice.tone} live>
          <p>{notice.text}</p>
          {notice.quote && <blockquote className="quote">{notice.quote}</blockquote>}
        </Notice>
      )}
      {seated && ideas.data && themes.data && (
        <>
          <AddTheme />
          <p className="muted">{t("board.count", { count: active.length })}</p>
          <div className="theme-board" data-testid="idea-list">
            {sections.map(({ theme, items }) => {
              const headingId = theme ? `theme-${theme.id}` : "theme-none";
              return (
                <section key={theme?.id ?? "none"} className="theme-column" aria-labelledby={headingId} data-testid={theme ? "theme" : "no-theme"}>
                  <div className="theme-column__head">
                    <h2 id={headingId}>
                      {theme ? theme.name : t("board.noTheme")} <span className="muted theme-column__count">({items.length})</span>
                    </h2>
                    {theme && (
                      <MenuTrigger>
                        <AriaButton className="button button--quiet" aria-label={t("board.themeActions", { name: theme.name })}>
                          {t("board.more")} ▾
                        </AriaButton>
                        <Popover className="popover">
                          <Menu className="menu" onAction={(key) => setDialog({ kind: key as "rename" | "delete", theme })}>
                            <MenuItem id="rename" className="menu__item">
                              {t("board.renameTheme")}
                            </MenuItem>
                            <MenuItem id="delete" className="menu__item menu__item--danger">
                              {t("board.deleteTheme")}
                            </MenuItem>
                          </Menu>
                        </Popover>
                      </MenuTrigger>
                    )}
                  </div>
                  {items.length === 0 ? (
                    <p className="muted">{theme ? t("board.themeEmpty") : t("board.allSorted")}</p>
                  ) : (
                    <ul className="plain-list idea-cards">
                      {items.map((idea) => (
                        <IdeaCard
                          key={idea.id}
                          idea={idea}
                          themes={themeList}
                          authorName={idea.author_id === me.data!.id ? t("myTable.you") : nameOf(idea.author_id)}
                          enteredByName={idea.entered_by_participant_id && idea.entered_by_participant_id !== idea.author_id ? nameOf(idea.entered_by_participant_id) : null}
                          selected={selected.includes(idea.id)}
                          busy={false}
                          onSelect={(on) => setSelected((s) => (on ? [...s, idea.id] : s.filter((x) => x !== idea.id)))}
                          onMove={(themeId) => onMove(idea, themeId)}
                          onAction={(action) => onAction(idea, action)}
                        />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
          {combined.length > 0 && (
            <details className="card combined-ideas">
              <summary>{t("board.combinedIdeas", { count: combined.length })}</summary>
              <ul className="plain-list">
                {combined.map((i) => (
                  <li key={i.id} className="muted">
                    {i.text}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {picked.length > 0 && (
        <div className="selection-bar" role="region" aria-label={t("board.selection")}>
          <p className="selection-bar__count" aria-live="polite">
            {t("board.selected", { count: picked.length })}
          </p>
          <Button onClick={() => setDialog({ kind: "combine" })} disabled={picked.length < 2}>
            {t("board.combineN", { count: picked.length })}
          </Button>
          <Button variant="quiet" onClick={() => setSelected([])}>
            {t("board.clearSelection")}
          </Button>
        </div>
      )}
      <FlagButton />
      {dialog?.kind === "edit" && <EditDialog idea={dialog.idea} onClose={close} />}
      {dialog?.kind === "repurpose" && <RepurposeDialog idea={dialog.idea} themes={themeList} onClose={close} />}
      {dialog?.kind === "flag" && <FlagDialog isOpen onClose={close} ideaId={dialog.idea.id} ideaText={dialog.idea.text} />}
      {dialog?.kind === "combine" && (
        <CombineDialog
          ideas={picked}
          themes={themeList}
          onClose={close}
          onDone={() => {
            setSelected([]);
            close();
          }}
        />
      )}
      {dialog?.kind === "rename" && <RenameThemeDialog theme={dialog.theme} onClose={close} />}
      {dialog?.kind === "delete" && <DeleteThemeDialog theme={dialog.theme} onClose={close} />}
    </Page>
  );
}

function AddTheme() {
  const { t } = useTranslation();
  const create = useCreateTheme();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="add-theme"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return setError(t("validation.required"));
        setError(undefined);
        const submitted = name.trim();
        setName("");
        create.mutate(submitted, { onError: () => setName(submitted) });
      }}
    >
      <TextField id="new-theme" label={t("board.newTheme")} hint={t("board.newThemeHint")} value={name} onChange={setName} error={error} maxLength={80} />
      <Button type="submit" variant="secondary" disabled={create.isPending}>
        {t("board.addTheme")}
      </Button>
      {create.isError && <ErrorNotice error={create.error} />}
    </form>
  );
}
