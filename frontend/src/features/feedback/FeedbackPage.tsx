import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QUESTIONS, useMyFeedback, useWriteFeedback, type FeedbackMine, type FeedbackQuestion } from "../../api/feedback";
import { useMyParticipant, useMySession } from "../../api/participants";
import { problemMessage } from "../../api/problem";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { Loading, Notice } from "../../ui/Status";
import { NotJoined } from "../participants/NotJoined";
import { ParticipantNav } from "../participants/ParticipantNav";
import { PhaseBar } from "../participants/PhaseBar";
import { ScoreQuestion } from "./ScoreQuestion";

const OPEN = new Set(["glue", "outcomes"]);

/** `/me/feedback`: did you feel heard, equal, and trust the process? (1-5 each, and a comment) */
export default function FeedbackPage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const session = useMySession(Boolean(me.data));
  const open = OPEN.has(session.data?.phase ?? "");
  const mine = useMyFeedback(Boolean(me.data));

  if (me.isPending) return <Loading />;
  if (!me.data) return <NotJoined title={t("feedback.title")} />;
  return (
    <Page title={t("feedback.title")} lead={t("feedback.lead")}>
      <ParticipantNav />
      <PhaseBar />
      {session.isPending || mine.isPending ? (
        <Loading />
      ) : !open ? (
        <Notice>
          <p>{t("feedback.notOpen")}</p>
        </Notice>
      ) : (
        <FeedbackForm current={mine.data ?? null} />
      )}
    </Page>
  );
}

function FeedbackForm({ current }: { current: FeedbackMine | null }) {
  const { t } = useTranslation();
  const write = useWriteFeedback();
  const [scores, setScores] = useState<Record<FeedbackQuestion, string>>({
    felt_heard: current ? String(current.felt_heard) : "",
    felt_equal: current ? String(current.felt_equal) : "",
    trusted_process: current ? String(current.trusted_process) : "",
  });
  const [comment, setComment] = useState(current?.comment ?? "");
  const [errors, setErrors] = useState<Partial<Record<FeedbackQuestion | "comment", string>>>({});
  const [saved, setSaved] = useState(false);

  return (
    <form
      className="card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const found: typeof errors = {};
        for (const q of QUESTIONS) if (!scores[q]) found[q] = t("feedback.chooseScore");
        if (comment.trim().length > 2000) found.comment = t("validation.maxLength", { count: 2000 });
        setErrors(found);
        setSaved(false);
        const first = Object.keys(found)[0];
        if (first) {
          document.getElementById(first === "comment" ? "feedback-comment" : `feedback-${first}-1`)?.focus();
          return;
        }
        write.mutate(
          { felt_heard: Number(scores.felt_heard), felt_equal: Number(scores.felt_equal), trusted_process: Number(scores.trusted_process), comment: comment.trim() || null },
          { onSuccess: () => setSaved(true) },
        );
      }}
    >
      <p className="muted">{t("feedback.privacy")}</p>
      {QUESTIONS.map((q) => (
        <ScoreQuestion
          key={q}
          question={q}
          value={scores[q]}
          error={errors[q]}
          onChange={(v) => {
            setScores((old) => ({ ...old, [q]: v }));
            setSaved(false);
          }}
        />
      ))}
      <TextArea id="feedback-comment" label={t("feedback.comment")} hint={t("feedback.commentHint")} value={comment} onChange={setComment} error={errors.comment} rows={4} maxLength={2100} />
      {write.isError && (
        <Notice tone="error" live>
          <p>{problemMessage(t, write.error)}</p>
        </Notice>
      )}
      <div className="actions">
        <Button type="submit" disabled={write.isPending}>
          {current ? t("feedback.update") : t("feedback.send")}
        </Button>
        <span role="status" className="muted">
          {saved ? t("feedback.thanks") : ""}
        </span>
      </div>
    </form>
  );
}
