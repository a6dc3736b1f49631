import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useEditAction, type ActionPublic } from "../../api/initiatives";
import { currentLanguage } from "../../i18n";
import { Button } from "../../ui/Button";
import { ActionForm } from "./ActionForm";
import { ActionUpdates } from "./ActionUpdates";
import { formatDay } from "./format";

interface Props {
  initiativeId: string;
  action: ActionPublic;
  canMoveUp: boolean;
  canMoveDown: boolean;
  moving: boolean;
  onMove: (by: -1 | 1) => void;
}

/** One action: its owner, due date and status, progress updates and history, edit and move. */
export function ActionItem({ initiativeId, action, canMoveUp, canMoveDown, moving, onMove }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [editing, setEditing] = useState(false);
  const edit = useEditAction(initiativeId);
  const owner = action.owner_name ? `${action.owner_role} (${action.owner_name})` : action.owner_role;

  return (
    <li className="card" aria-labelledby={`action-${action.id}`}>
      <h3 id={`action-${action.id}`} className="card__title">
        {action.title}
      </h3>
      <p>
        <span className="badge badge--none">{t(`initiatives.actionStatus.${action.status}`)}</span>{" "}
        {action.overdue && <span className="badge badge--lived_experience">{t("initiatives.overdueOne")}</span>}
      </p>
      {action.description && <p>{action.description}</p>}
      <p className="muted">
        {t("initiatives.owner", { owner })}
        {action.due_on && <> · {t("initiatives.due", { day: formatDay(action.due_on, lang) })}</>}
      </p>
      <div className="actions">
        <Button variant="secondary" disabled={!canMoveUp || moving} aria-label={t("initiatives.moveUpFor", { title: action.title })} onClick={() => onMove(-1)}>
          {t("initiatives.moveUp")}
        </Button>
        <Button variant="secondary" disabled={!canMoveDown || moving} aria-label={t("initiatives.moveDownFor", { title: action.title })} onClick={() => onMove(1)}>
          {t("initiatives.moveDown")}
        </Button>
        {!editing && (
          <Button variant="quiet" aria-label={t("initiatives.editActionFor", { title: action.title })} onClick={() => setEditing(true)}>
            {t("initiatives.editAction")}
          </Button>
        )}
      </div>
      {editing && (
        <ActionForm
          idPrefix={`edit-${action.id}`}
          action={action}
          pending={edit.isPending}
          submitLabel={t("initiatives.save")}
          onCancel={() => setEditing(false)}
          onSubmit={(body, _done, fail) => edit.mutate({ action, body }, { onSuccess: () => setEditing(false), onError: fail })}
        />
      )}
      <ActionUpdates initiativeId={initiativeId} action={action} />
    </li>
  );
}
