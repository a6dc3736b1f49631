import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useTableIdeas } from "../../api/ideas";
import { useMyParticipant, useMySession, useMyTable } from "../../api/participants";
import { problemMessage, ApiError } from "../../api/problem";
import type { IdeaPublic, Tablemate } from "../../api/types";
import { randomId } from "../../lib/ids";
import { Button } from "../../ui/Button";
import { SelectField } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { Notice } from "../../ui/Status";
import { NotJoined } from "../participants/NotJoined";
import { ParticipantNav } from "../participants/ParticipantNav";
import { PhaseBar } from "../participants/PhaseBar";
import { FlagButton } from "./FlagButton";
import { ProgressCard } from "./ProgressCard";
import type { IdeaQueue, QueuedIdea } from "./queue";
import { useIdeaQueue, useQueuedIdeas } from "./useIdeaQueue";

const MAX = 500;

/** Ideate: a big box, one button; ideas are kept on the phone first, then sent. */
export default function CapturePage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const joined = Boolean(me.data);
  const session = useMySession(joined);
  const mine = useMyTable(joined);
  const ideas = useTableIdeas(joined && Boolean(me.data?.table_id));
  const queue = useIdeaQueue();
  const queued = useQueuedIdeas(queue);

  if (!me.data) return me.isPending ? null : <NotJoined title={t("ideas.title")} />;
  const meId = me.data.id;
  const seated = mine.data ? Boolean(mine.data.table) : Boolean(me.data.table_id);
  const phase = session.data?.phase;
  const names = new Map((mine.data?.tablemates ?? []).map((m) => [m.id, m.display_name]));
  const myIdeas = (ideas.data?.items ?? [])
    .filter((i) => i.entered_by_participant_id === meId || (i.author_id === meId && i.source !== "combined" && i.source !== "repurposed"))
    .slice()
    .reverse();
  const waiting = queued.filter((q) => !q.failure).length;

  return (
    <Page title={t("ideas.title")} lead={t("ideas.lead")}>
      <ParticipantNav />
      <PhaseBar />
      {!seated && (
        <Notice>
          <p>{t("myTable.notSeated")}</p>
        </Notice>
      )}
      {phase && phase !== "ideate" && (
        <Notice tone="warning">
          <p>{t("ideas.notOpen", { phase: t(`phases.${phase}`) })}</p>
        </Notice>
      )}
      {seated && queue && <CaptureForm queue={queue} tablemates={mine.data?.tablemates ?? []} />}
      {seated && <ProgressCard meId={meId} queued={waiting} />}
      {queued.length > 0 && queue && <Waiting queue={queue} items={queued} names={names} />}
      {seated && (
        <section aria-labelledby="sent-h" className="card">
          <h2 id="sent-h">{t("ideas.sent", { count: myIdeas.length })}</h2>
          {myIdeas.length === 0 ? (
            <p className="muted">{t("ideas.noneYet")}</p>
          ) : (
            <ul className="plain-list idea-list" data-testid="idea-list">
              {myIdeas.map((idea) => (
                <SentIdea key={idea.id} idea={idea} meId={meId} names={names} />
              ))}
            </ul>
          )}
        </section>
      )}
      <FlagButton />
    </Page>
  );
}

function CaptureForm({ queue, tablemates }: { queue: IdeaQueue; tablemates: Tablemate[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const [authorId, setAuthorId] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [added, setAdded] = useState(0);
  // The idea's Idempotency-Key is chosen as soon as it is being typed.
  const key = useRef<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const others = tablemates.filter((m) => !m.is_me);

  function change(value: string) {
    if (!key.current && value.trim()) key.current = randomId();
    setText(value);
    if (error) setError(undefined);
  }

  async function submit() {
    const clean = text.trim();
    if (!clean) return setError(t("ideas.empty"));
    if (clean.length > MAX) return setError(t("validation.maxLength", { count: MAX }));
    const ideaKey = key.current ?? randomId();
    key.current = null;
    setText("");
    await queue.enqueue({ key: ideaKey, text: clean, authorId: authorId || null });
    setAdded((n) => n + 1);
    box.current?.focus();
  }

  return (
    <form
      className="capture"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className={error ? "field field--error" : "field"}>
        <label htmlFor="idea-text" className="field__label field__label--big">
          {t("ideas.label")}
        </label>
        <p id="idea-text-hint" className="field__hint">
          {t("ideas.hint")}
        </p>
        {error && (
          <p id="idea-text-error" className="field__error">
            {error}
          </p>
        )}
        <textarea
          ref={box}
          id="idea-text"
          name="idea"
          className="input textarea capture__box"
          rows={4}
          value={text}
          maxLength={MAX + 50}
          aria-invalid={error ? true : undefined}
          aria-describedby={["idea-text-hint", error ? "idea-text-error" : ""].filter(Boolean).join(" ")}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter adds the idea without leaving the box.
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
      </div>
      {others.length > 0 && (
        <details className="on-behalf" open={Boolean(authorId)}>
          <summary>{t("ideas.forSomeone")}</summary>
          <SelectField
            id="idea-author"
            label={t("ideas.whose")}
            hint={t("ideas.whoseHint")}
            value={authorId}
            onChange={setAuthorId}
            options={[{ value: "", label: t("ideas.mine") }, ...others.map((m) => ({ value: m.id, label: m.display_name }))]}
          />
        </details>
      )}
      <Button type="submit" className="button--block button--big">
        {t("ideas.add")}
      </Button>
      <p role="status" className="muted capture__status">
        {added > 0 ? t("ideas.added") : ""}
      </p>
    </form>
  );
}

function Waiting({ queue, items, names }: { queue: IdeaQueue; items: QueuedIdea[]; names: Map<string, string> }) {
  const { t } = useTranslation();
  const waiting = items.filter((i) => !i.failure);
  const failed = items.filter((i) => i.failure);
  return (
    <section aria-labelledby="queued-h" className="card card--waiting" data-testid="queued-ideas">
      <h2 id="queued-h">{t("ideas.waiting", { count: waiting.length })}</h2>
      {waiting.length > 0 && (
        <>
          <p className="muted">{t("ideas.waitingHint")}</p>
          <ul className="plain-list">
            {waiting.map((item) => (
              <li key={item.key} data-testid="queued-idea" className="idea idea--waiting">
                <span className="idea__text">{item.text}</span>
                {item.authorId && <span className="muted"> · {t("ideas.forName", { name: names.get(item.authorId) ?? "?" })}</span>}
              </li>
            ))}
          </ul>
          <Button variant="secondary" onClick={() => void queue.retryNow()}>
            {t("ideas.sendNow")}
          </Button>
        </>
      )}
      {failed.length > 0 && (
        <>
          <h3>{t("ideas.failed", { count: failed.length })}</h3>
          <ul className="plain-list">
            {failed.map((item) => (
              <li key={item.key} data-testid="failed-idea" className="idea idea--failed">
                <span className="idea__text">{item.text}</span>
                <p className="field__error">{problemMessage(t, new ApiError({ status: item.failure!.status, code: item.failure!.code, title: item.failure!.title }))}</p>
                <div className="actions">
                  <Button variant="secondary" onClick={() => void queue.retryItem(item.key)}>
                    {t("ideas.retry")}
                  </Button>
                  <Button variant="quiet" onClick={() => void queue.discard(item.key)}>
                    {t("ideas.discard")}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function SentIdea({ idea, meId, names }: { idea: IdeaPublic; meId: string; names: Map<string, string> }) {
  const { t } = useTranslation();
  const forOther = idea.author_id && idea.author_id !== meId;
  const byOther = idea.entered_by_participant_id && idea.entered_by_participant_id !== meId;
  return (
    <li className="idea idea--sent" data-testid="idea">
      <span className="idea__sent-mark" aria-hidden="true">
        ✓
      </span>{" "}
      <span className="idea__text">{idea.text}</span>
      <span className="visually-hidden"> ({t("ideas.sentLabel")})</span>
      {forOther && <span className="muted"> · {t("ideas.forName", { name: names.get(idea.author_id!) ?? "?" })}</span>}
      {byOther && <span className="muted"> · {t("ideas.enteredBy", { name: names.get(idea.entered_by_participant_id!) ?? "?" })}</span>}
      {idea.status === "combined" && <span className="muted"> · {t("board.combinedLabel")}</span>}
    </li>
  );
}
