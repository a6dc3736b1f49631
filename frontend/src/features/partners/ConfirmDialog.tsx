import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/ModalDialog";
import { ErrorNotice } from "../../ui/Status";

interface Props {
  isOpen: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" before something that cannot be undone (revoking, deleting, replacing). */
export function ConfirmDialog({ isOpen, title, body, confirmLabel, cancelLabel, busy, error, onConfirm, onClose }: Props) {
  return (
    <ModalDialog isOpen={isOpen} onClose={onClose} title={title} role="alertdialog">
      <p>{body}</p>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="actions">
        <Button variant="danger" onClick={onConfirm} disabled={busy}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {cancelLabel}
        </Button>
      </div>
    </ModalDialog>
  );
}
