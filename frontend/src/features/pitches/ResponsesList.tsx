import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useReply, type ResponsePublic } from "../../api/pitches";
import { problemMessage } from "../../api/problem";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/Field";
import { Notice } from "../../ui/Status";

function ReplyForm({ pitchId, response, say }: { pitchId: string; response: ResponsePublic; say: (text: string) => void }) {
  const { t } = useTranslation();
  const reply = useReply(pitchId);
  const [text, setText] = useState(response.reply ?? "");
  const [error, setError] = useState<string | null>(null);
  const id = `reply-${response.id}`;
  return (
    <form
      className="pitch-reply"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim() || reply.isPending) return;
        setError(null);
        reply.mutate({ responseId: response.id, reply: text }, { onSuccess: () => say(t("pitches.responses.replied")), onError: (err) => setError(problemMessage(t, err)) });
      }}
    >
      <TextArea id={id} label={t("pitches.responses.replyLabel")} value={text} onChange={setText} rows={2} maxLength={2000} />
      {error && (
        <Notice tone="error" live>
          <p>{error}</p>
        </Notice>
      )}
      <Button type="submit" variant="secondary" aria-disabled={reply.isPending || undefined}>
        {t("pitches.responses.sendReply")}
      </Button>
    </form>
  );
}

/** Responses to a pitch, oldest first (never ranked); the pitching table may answer questions. */
export function ResponsesList({
  pitchId,
  responses,
  canReply = false,
  say = () => undefined,
}: {
  pitchId: string;
  responses: ResponsePublic[] | undefined;
  canReply?: boolean;
  say?: (text: string) => void;
}) {
  const { t } = useTranslation();
  if (!responses) return null;
  if (responses.length === 0) return <p className="muted">{t("pitches.responses.none")}</p>;
  return (
    <ul className="plain-list pitch-responses" data-testid="pitch-responses">
      {responses.map((r) => (
        <li key={r.id} data-testid="pitch-response" data-kind={r.kind}>
          <p className="pitch-response__head">
            <span className={`pitch-kind pitch-kind--${r.kind}`}>{t(`pitches.responses.kinds.${r.kind}`)}</span> · {t("pitches.responses.from", { number: r.table.number })}
            {r.by_facilitator && <span className="muted"> ({t("pitches.responses.byFacilitator")})</span>}
          </p>
          <p>{r.body}</p>
          {r.capitals.length > 0 && <p>{t("pitches.responses.offering", { capitals: r.capitals.map((c) => t(`capitals.${c}`)).join(", ") })}</p>}
          {r.reply && (
            <p className="pitch-response__reply">
              <strong>{t("pitches.responses.answer")}:</strong> {r.reply}
            </p>
          )}
          {canReply && r.kind === "question" && <ReplyForm pitchId={pitchId} response={r} say={say} />}
        </li>
      ))}
    </ul>
  );
}
