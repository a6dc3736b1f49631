import { useState } from "react";
import { useTranslation } from "react-i18next";
import { joinQrUrl, useRotateCode } from "../../api/sessions";
import type { SessionPublic } from "../../api/types";
import { Button } from "../../ui/Button";
import { ModalDialog } from "../../ui/ModalDialog";
import { ErrorNotice, Notice } from "../../ui/Status";

export function JoinCard({ session }: { session: SessionPublic }) {
  const { t } = useTranslation();
  const rotate = useRotateCode(session.id);
  const [confirming, setConfirming] = useState(false);

  return (
    <section className="card" aria-labelledby="join-heading">
      <h2 id="join-heading">{t("session.joinCode")}</h2>
      <p className="join-code" data-testid="join-code">
        {session.join_code}
      </p>
      {!session.join_code_active && (
        <Notice tone="warning">
          <p>{t("session.codeInactive")}</p>
        </Notice>
      )}
      <p>
        {t("session.joinLink")}: <a href={session.join_url}>{session.join_url}</a>
      </p>
      <img className="join-qr" src={joinQrUrl(session.id)} alt={t("session.qrAlt")} width={160} height={160} key={session.join_code} />
      {rotate.isError && <ErrorNotice error={rotate.error} />}
      <p>
        <Button variant="secondary" disabled={session.archived} onClick={() => setConfirming(true)}>
          {t("session.rotateCode")}
        </Button>
      </p>
      <ModalDialog isOpen={confirming} onClose={() => setConfirming(false)} title={t("session.rotateCode")} role="alertdialog">
        <p>{t("session.rotateConfirm")}</p>
        <div className="actions">
          <Button onClick={() => rotate.mutate(undefined, { onSettled: () => setConfirming(false) })} disabled={rotate.isPending}>
            {t("session.rotateCode")}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("common.cancel")}
          </Button>
        </div>
      </ModalDialog>
    </section>
  );
}
