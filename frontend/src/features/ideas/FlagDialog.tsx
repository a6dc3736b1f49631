import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRaiseFlag } from "../../api/ideas";
import { problemMessage } from "../../api/problem";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/Field";
import { ModalDialog } from "../../ui/ModalDialog";
import { Notice } from "../../ui/Status";

/** The discreet dialog to tell the facilitators, privately, about a safeguarding concern. */
export default function FlagDialog({ isOpen, onClose, ideaId, ideaText }: { isOpen: boolean; onClose: () => void; ideaId?: string; ideaText?: string }) {
  const { t } = useTranslation();
  const flag = useRaiseFlag();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setNote("");
    setError(undefined);
    flag.reset();
    onClose();
  };
  return (
    <ModalDialog isOpen={isOpen} onClose={close} title={t("flag.title")}>
      {flag.isSuccess ? (
        <>
          <Notice tone="success" live>
            <p>{t("flag.sent")}</p>
          </Notice>
          <Button onClick={close}>{t("common.close")}</Button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!note.trim()) return setError(t("validation.required"));
            setError(undefined);
            flag.mutate({ note: note.trim(), idea_id: ideaId ?? null });
          }}
          noValidate
        >
          <p>{t("flag.lead")}</p>
          {ideaText && <blockquote className="quote">{ideaText}</blockquote>}
          <TextArea id="flag-note" label={t("flag.note")} hint={t("flag.noteHint")} value={note} onChange={setNote} error={error} maxLength={2000} />
          {flag.isError && (
            <Notice tone="error" live>
              <p>{problemMessage(t, flag.error)}</p>
            </Notice>
          )}
          <div className="actions">
            <Button type="submit" disabled={flag.isPending}>
              {t("flag.send")}
            </Button>
            <Button variant="quiet" onClick={close}>
              {t("common.cancel")}
            </Button>
          </div>
        </form>
      )}
    </ModalDialog>
  );
}
