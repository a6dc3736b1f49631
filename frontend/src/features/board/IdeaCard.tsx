import { useTranslation } from "react-i18next";
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import type { IdeaPublic, ThemePublic } from "../../api/types";
import { SelectField } from "../../ui/Field";
import { themeOptions } from "./BoardDialogs";

export type IdeaAction = "edit" | "repurpose" | "flag";

interface Props {
  idea: IdeaPublic;
  themes: ThemePublic[];
  authorName: string | null;
  enteredByName: string | null;
  selected: boolean;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onMove: (themeId: string | null) => void;
  onAction: (action: IdeaAction) => void;
}

/** One idea on the board: select it (to combine), move it to a theme, or open its actions. */
export function IdeaCard({ idea, themes, authorName, enteredByName, selected, busy, onSelect, onMove, onAction }: Props) {
  const { t } = useTranslation();
  const id = `idea-${idea.id}`;
  const origin =
    idea.source === "combined"
      ? t("board.fromCombined", { count: idea.parent_ids.length })
      : idea.source === "repurposed"
        ? t("board.fromRepurposed")
        : idea.source === "paper"
          ? t("board.fromPaper")
          : null;
  return (
    <li className={selected ? "idea-card idea-card--selected" : "idea-card"} data-testid="idea">
      <div className="choice idea-card__pick">
        <input id={`${id}-pick`} type="checkbox" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-describedby={`${id}-meta`} />
        <label htmlFor={`${id}-pick`} className="idea-card__text">
          {idea.text}
        </label>
      </div>
      <p id={`${id}-meta`} className="idea-card__meta muted">
        {[authorName, enteredByName && t("ideas.enteredBy", { name: enteredByName }), origin, idea.updated_at && t("board.edited")].filter(Boolean).join(" · ")}
      </p>
      <div className="idea-card__tools">
        <SelectField
          id={`${id}-theme`}
          className="input--compact"
          label={
            <span className="idea-card__tool-label">
              {t("board.themeFor")}
              <span className="visually-hidden">: {idea.text.slice(0, 60)}</span>
            </span>
          }
          value={idea.theme_id ?? ""}
          onChange={(value) => onMove(value || null)}
          options={themeOptions(t, themes)}
        />
        <MenuTrigger>
          <AriaButton className="button button--quiet idea-card__more" aria-label={t("board.actionsFor", { text: idea.text.slice(0, 60) })} isDisabled={busy}>
            {t("board.more")} ▾
          </AriaButton>
          <Popover className="popover">
            <Menu className="menu" onAction={(key) => onAction(key as IdeaAction)}>
              <MenuItem id="edit" className="menu__item">
                {t("board.edit")}
              </MenuItem>
              <MenuItem id="repurpose" className="menu__item">
                {t("board.repurpose")}
              </MenuItem>
              <MenuItem id="flag" className="menu__item">
                {t("flag.action")}
              </MenuItem>
            </Menu>
          </Popover>
        </MenuTrigger>
      </div>
    </li>
  );
}
