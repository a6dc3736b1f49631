import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useWithdrawAgreement, type ClosableStage } from "../../api/reduction";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { Notice } from "../../ui/Status";
import { reductionProblem } from "./format";

/** "I no longer agree": takes my agreement to close the round (or my confirmation) back while
 * the round is still open. */
export function WithdrawAgreement({ stage, say }: { stage: ClosableStage | "choosing"; say: (text: string) => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawAgreement();
  const [error, setError] = useState<string | null>(null);
  const choosing = stage === "choosing";

  function onWithdraw() {
    if (withdraw.isPending) return;
    setError(null);
    withdraw.mutate(
      { stage, key: randomId() },
      {
        onSuccess: () => say(t(choosing ? "liveTable.withdraw.confirmationDone" : "liveTable.withdraw.agreementDone")),
        onError: (err) => setError(reductionProblem(t, err)),
      },
    );
  }

  return (
    <>
      <Button variant="quiet" onClick={onWithdraw} aria-disabled={withdraw.isPending || undefined} data-testid="withdraw-agreement">
        {withdraw.isPending ? t("reduction.saving") : t(choosing ? "liveTable.withdraw.confirmation" : "liveTable.withdraw.agreement")}
      </Button>
      {error && (
        <Notice tone="error" live>
          <p>{error}</p>
        </Notice>
      )}
    </>
  );
}
