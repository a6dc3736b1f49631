import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useTableAction, type CombinationPublic, type TableAction } from "../../api/combinations";
import { problemMessage } from "../../api/problem";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/ModalDialog";
import { Notice } from "../../ui/Status";

/** The proposing table's count in its open round: sending the draft, or withdrawing what it sent. */
export function SupportLine({ c }: { c: CombinationPublic }) {
  const { t } = useTranslation();
  if (!c.support) return null;
  const s = c.support;
  return (
    <p data-testid="combination-support">
      {t(`combinations.supportCount.${s.purpose}`, { supporting: s.supporting_present, needed: s.needed, present: s.present })}
    </p>
  );
}

/** A member of the proposing table: support sending a draft (or take it back), withdraw a draft
 * they drafted (confirmed first), support withdrawing a sent proposal (or take that back). */
export function TableActions({ c, titleId, done }: { c: CombinationPublic; titleId: string; done: (text: string, id: string) => void }) {
  const { t } = useTranslation();
  const action = useTableAction();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const purpose = c.support?.purpose;

  function run(what: TableAction) {
    if (action.isPending) return;
    setError(null);
    action.mutate({ id: c.id, action: what, key: randomId() }, { onSuccess: () => done(t(`combinations.done.${what}`), c.id), onError: (err) => setError(problemMessage(t, err)) });
  }

  const button = (what: TableAction, label: string, variant: "primary" | "secondary" | "danger" = "secondary") => (
    <Button variant={variant} onClick={() => run(what)} aria-describedby={titleId} aria-disabled={action.isPending || undefined} data-testid={`combination-${what}`}>
      {label}
    </Button>
  );

  return (
    <>
      {c.my_support && purpose && <p>{t(`combinations.youSupport.${purpose}`)}</p>}
      {c.status === "open" && <p className="muted">{t("combinations.withdrawHint", { number: c.receiver.number })}</p>}
      <div className="actions">
        {c.can_support && button("support", t("combinations.support"), "primary")}
        {c.status === "draft" && c.my_support && button("unsupport", t("combinations.unsupport"))}
        {c.status === "draft" && c.can_withdraw && (
          <Button variant="danger" onClick={() => setConfirming(true)} aria-describedby={titleId} data-testid="combination-withdraw-draft">
            {t("combinations.withdrawDraft")}
          </Button>
        )}
        {c.status === "open" && c.can_withdraw && button("withdraw", t("combinations.supportWithdraw"))}
        {c.status === "open" && c.my_support && button("keep", t("combinations.keep"))}
      </div>
      {error && (
        <Notice tone="error" live>
          <p>{error}</p>
        </Notice>
      )}
      <ModalDialog isOpen={confirming} onClose={() => setConfirming(false)} title={t("combinations.withdrawConfirm")} role="alertdialog">
        <div className="actions">
          <Button
            variant="danger"
            onClick={() => {
              setConfirming(false);
              run("withdraw");
            }}
          >
            {t("combinations.withdrawYes")}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("combinations.withdrawNo")}
          </Button>
        </div>
      </ModalDialog>
    </>
  );
}
