import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCloseCombination, useSendCombination, useSessionCombinations, type CombinationPublic } from "../../api/combinations";
import { problemMessage } from "../../api/problem";
import { Button } from "../../ui/Button";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { CountLine, Outcome } from "./ProposalCard";
import { SupportLine } from "./TableActions";

/** Close a table's round when time is up: the proposing table's on a draft (it is sent), the
 * receiving table's on a sent proposal (it is decided by the votes cast). */
function CloseRound({ c, sessionId, say, onError }: { c: CombinationPublic; sessionId: string; say: (text: string) => void; onError: (text: string | null) => void }) {
  const { t } = useTranslation();
  const close = useCloseCombination(sessionId);
  const send = useSendCombination(sessionId);
  const draft = c.status === "draft";
  const busy = close.isPending || send.isPending;
  const hintId = `ov-${c.id}-hint`;

  function onPress() {
    if (busy) return;
    onError(null);
    const handlers = { onSuccess: () => say(t(draft ? "combinations.admin.sentNow" : "pitchesAdmin.closed")), onError: (err: unknown) => onError(problemMessage(t, err)) };
    if (draft) send.mutate(c.id, handlers);
    else close.mutate(c.id, handlers);
  }

  return (
    <>
      <p className="muted" id={hintId}>
        {draft ? t("combinations.admin.sendHint") : t("pitchesAdmin.closeHint")}
      </p>
      <Button variant="secondary" aria-describedby={`ov-${c.id} ${hintId}`} aria-disabled={busy || undefined} onClick={onPress} data-testid={draft ? "overview-send" : "overview-close"}>
        {draft ? t("combinations.admin.send") : t("pitchesAdmin.close")}
      </Button>
    </>
  );
}

/** Every proposal of the session, drafts too, with a facilitator's "send now" or "close now". */
export function CombinationsOverview({ sessionId, say }: { sessionId: string; say: (text: string) => void }) {
  const { t } = useTranslation();
  const list = useSessionCombinations(sessionId);
  const [error, setError] = useState<string | null>(null);

  return (
    <section aria-labelledby="overview-combinations" data-testid="overview-combinations">
      <h2 id="overview-combinations">{t("pitchesAdmin.combinations")}</h2>
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} />}
      {list.data && list.data.length === 0 && <p className="muted">{t("pitchesAdmin.noCombinations")}</p>}
      {error && (
        <Notice tone="error" live>
          <p>{error}</p>
        </Notice>
      )}
      {list.data && list.data.length > 0 && (
        <ul className="plain-list">
          {list.data.map((c) => (
            <li key={c.id} data-testid="overview-combination">
              <h3 id={`ov-${c.id}`}>
                {t("combinations.from", { number: c.proposer.number })} · {t("combinations.to", { number: c.receiver.number })}
              </h3>
              <p>{c.text}</p>
              <Outcome c={c} />
              <SupportLine c={c} />
              {c.sent_at && <CountLine c={c} />}
              {(c.status === "draft" || c.status === "open") && <CloseRound c={c} sessionId={sessionId} say={say} onError={setError} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
