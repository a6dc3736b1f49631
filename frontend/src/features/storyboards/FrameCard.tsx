import { useTranslation } from "react-i18next";
import type { Frame, FrameInput } from "../../api/storyboards";
import { Button } from "../../ui/Button";
import { FrameForm } from "./FrameForm";
import { FrameView } from "./FrameView";

interface Props {
  frame: Frame;
  total: number;
  writable: boolean;
  editing: boolean;
  saving: boolean;
  onMove: (delta: -1 | 1) => void;
  onEdit: () => void;
  onSave: (values: FrameInput) => Promise<unknown>;
  onCancel: () => void;
  onRemove: () => void;
}

/** A frame in the editor: read as everyone sees it, with move, edit and remove buttons (or its
 * edit form in place). Each button names its frame for screen readers. */
export function FrameCard({ frame, total, writable, editing, saving, onMove, onEdit, onSave, onCancel, onRemove }: Props) {
  const { t } = useTranslation();
  if (editing) {
    return (
      <FrameForm
        frame={frame}
        level={3}
        heading={t("storyboards.form.editTitle", { position: frame.position })}
        busy={saving}
        onSubmit={onSave}
        onCancel={onCancel}
      />
    );
  }
  const which = <span className="visually-hidden"> ({t("storyboards.frameLabel", { position: frame.position, title: frame.title })})</span>;
  const first = frame.position === 1;
  const last = frame.position === total;
  return (
    <FrameView frame={frame}>
      {writable && (
        <div className="sb-frame__controls no-print">
          <Button id={`move-up-${frame.id}`} variant="secondary" aria-disabled={first || undefined} onClick={() => !first && onMove(-1)}>
            <span aria-hidden="true">↑ </span>
            {t("storyboards.moveUp")}
            {which}
          </Button>
          <Button id={`move-down-${frame.id}`} variant="secondary" aria-disabled={last || undefined} onClick={() => !last && onMove(1)}>
            <span aria-hidden="true">↓ </span>
            {t("storyboards.moveDown")}
            {which}
          </Button>
          <Button id={`edit-${frame.id}`} variant="secondary" onClick={onEdit}>
            {t("storyboards.edit")}
            {which}
          </Button>
          <Button variant="danger" onClick={onRemove}>
            {t("storyboards.remove")}
            {which}
          </Button>
        </div>
      )}
    </FrameView>
  );
}
