import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, problemMessage } from "../../api/problem";
import { useAddFrame, useEditFrame, useMoveFrame, useRemoveFrame, type Frame, type FrameInput, type Storyboard } from "../../api/storyboards";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/ModalDialog";
import { Notice } from "../../ui/Status";
import { FrameCard } from "./FrameCard";
import { FrameForm } from "./FrameForm";
import { useStoryboardTarget } from "./target";

interface Props {
  board: Storyboard;
  /** Says something in the page's polite status region. */
  say: (text: string) => void;
}

/** The table's frames in order, each movable, editable and removable, and a form to add one. */
export function StoryboardEditor({ board, say }: Props) {
  const { t } = useTranslation();
  const target = useStoryboardTarget();
  const add = useAddFrame(target);
  const edit = useEditFrame(target);
  const move = useMoveFrame(target);
  const remove = useRemoveFrame(target);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Frame | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The element to focus once the next storyboard is drawn (a moved frame's button, a heading).
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    const target = document.getElementById(focusNext.current);
    if (target) {
      target.focus();
      focusNext.current = null;
    }
  });

  function failed(err: unknown) {
    if (err instanceof ApiError && err.status === 412) {
      setEditing(null);
      setProblem(t(target.kind === "me" ? "storyboards.stale" : "storyboards.facilitator.stale"));
    } else {
      setProblem(problemMessage(t, err));
    }
  }

  function onMove(frame: Frame, delta: -1 | 1) {
    if (move.isPending) return;
    setProblem(null);
    move.mutate(
      { storyboard: board, frameId: frame.id, delta },
      {
        onSuccess: () => {
          focusNext.current = `move-${delta < 0 ? "up" : "down"}-${frame.id}`;
          say(t("storyboards.moved", { title: frame.title, position: frame.position + delta, total: board.frames.length }));
        },
        onError: failed,
      },
    );
  }

  function onAdd(values: FrameInput) {
    setProblem(null);
    return add.mutateAsync(values).then(
      (frame) => say(t("storyboards.added", { position: frame.position })),
      (err: unknown) => {
        failed(err);
        throw err;
      },
    );
  }

  function onSave(frame: Frame, values: FrameInput) {
    setProblem(null);
    return edit.mutateAsync({ frame, changes: values }).then(
      () => {
        setEditing(null);
        focusNext.current = `frame-${frame.id}`;
        say(t("storyboards.saved"));
      },
      (err: unknown) => {
        failed(err);
        throw err;
      },
    );
  }

  function onRemoveConfirmed(frame: Frame) {
    setRemoving(null);
    setProblem(null);
    const next = board.frames[frame.position] ?? board.frames[frame.position - 2];
    remove.mutate(frame, {
      onSuccess: () => {
        focusNext.current = next ? `frame-${next.id}` : "new-frame-heading";
        say(t("storyboards.removed", { title: frame.title }));
      },
      onError: failed,
    });
  }

  return (
    <>
      {problem && (
        <Notice tone="warning" live>
          <p>{problem}</p>
        </Notice>
      )}
      <section aria-labelledby="sb-frames-title" className="sb-print" data-testid="storyboard">
        <h2 id="sb-frames-title">{t("storyboards.framesTitle")}</h2>
        {board.frames.length === 0 ? (
          <p className="muted">{t("storyboards.empty")}</p>
        ) : (
          <ol className="sb-frames">
            {board.frames.map((frame) => (
              <li key={frame.id}>
                <FrameCard
                  frame={frame}
                  total={board.frames.length}
                  writable={board.writable}
                  editing={editing === frame.id}
                  saving={edit.isPending}
                  onMove={(delta) => onMove(frame, delta)}
                  onEdit={() => setEditing(frame.id)}
                  onSave={(values) => onSave(frame, values)}
                  onCancel={() => {
                    setEditing(null);
                    focusNext.current = `edit-${frame.id}`;
                  }}
                  onRemove={() => setRemoving(frame)}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
      {board.writable && <FrameForm level={2} heading={t("storyboards.form.addTitle")} busy={add.isPending} onSubmit={onAdd} />}
      <ModalDialog isOpen={removing !== null} onClose={() => setRemoving(null)} title={t("storyboards.removeConfirm", { title: removing?.title ?? "" })} role="alertdialog">
        <div className="actions">
          <Button variant="danger" onClick={() => removing && onRemoveConfirmed(removing)}>
            {t("storyboards.removeYes")}
          </Button>
          <Button variant="secondary" onClick={() => setRemoving(null)}>
            {t("storyboards.removeNo")}
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}
