import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCloseCombination, useSessionCombinations } from "../../api/combinations";
import { problemMessage } from "../../api/problem";
import { Button } from "../../ui/Button";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { CountLine, Outcome } from "./ProposalCard";

/** Every proposal of the session, with a facilitator's "close now" when time is up. */
export function CombinationsOverview({ sessionId, say }: { sessionId: string; say: (text: string) => void }) {
  const { t } = useTranslation();
  const list = useSessionCombinations(sessionId);
  const close = useCloseCombination(sessionId);
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
              <CountLine c={c} />
              {c.status === "open" && (
                <>
                  <p className="muted" id={`ov-${c.id}-hint`}>
                    {t("pitchesAdmin.closeHint")}
                  </p>
                  <Button
                    variant="secondary"
                    aria-describedby={`ov-${c.id} ov-${c.id}-hint`}
                    aria-disabled={close.isPending || undefined}
                    onClick={() => {
                      if (close.isPending) return;
                      setError(null);
                      close.mutate(c.id, { onSuccess: () => say(t("pitchesAdmin.closed")), onError: (err) => setError(problemMessage(t, err)) });
                    }}
                  >
                    {t("pitchesAdmin.close")}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
