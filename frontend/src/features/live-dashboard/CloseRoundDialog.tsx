import { useTranslation } from "react-i18next";
import { useCloseRound, type ClosableStage } from "../../api/dashboard";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/ModalDialog";
import { ErrorNotice } from "../../ui/Status";

/** Confirms closing a table's current round; the table's record will say a facilitator closed it. */
export function CloseRoundDialog({
  sessionId,
  tableId,
  tableLabel,
  stage,
  isOpen,
  onClose,
}: {
  sessionId: string;
  tableId: string;
  tableLabel: string;
  stage: ClosableStage;
  isOpen: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = useCloseRound(sessionId);
  const stageName = t(`liveDashboard.stages.${stage}`);
  const done = () => {
    close.reset();
    onClose();
  };
  return (
    <ModalDialog isOpen={isOpen} onClose={done} role="alertdialog" title={t("liveDashboard.close.title", { stage: stageName, table: tableLabel })}>
      <p>{t("liveDashboard.close.lead", { table: tableLabel })}</p>
      <p>
        <strong>{t("liveDashboard.close.record")}</strong>
      </p>
      {stage === "choosing" && <p>{t("liveDashboard.close.choosing")}</p>}
      {close.isError && <ErrorNotice error={close.error} />}
      <div className="actions">
        <Button
          variant="danger"
          disabled={close.isPending}
          data-testid="confirm-close-round"
          onClick={() => close.mutate({ tableId, stage }, { onSuccess: done })}
        >
          {t("liveDashboard.close.confirm", { stage: stageName })}
        </Button>
        <Button variant="secondary" onClick={done}>
          {t("common.cancel")}
        </Button>
      </div>
    </ModalDialog>
  );
}
