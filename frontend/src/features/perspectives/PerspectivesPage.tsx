import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDrawCard, useDrawnCards, useTableStatements, useWriteStatement } from "../../api/perspectives";
import { useMyParticipant, useMySession } from "../../api/participants";
import { problemMessage } from "../../api/problem";
import type { PerspectiveStatement } from "../../api/types";
import { currentLanguage } from "../../i18n";
import { pickedLanguage, pickText } from "../../lib/format";
import { Button } from "../../ui/Button";
import { TextArea } from "../../ui/Field";
import { Page } from "../../ui/Page";
import { PerspectiveBadge } from "../../ui/PerspectiveBadge";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { FlagButton } from "../ideas/FlagButton";
import { NotJoined } from "../participants/NotJoined";
import { ParticipantNav } from "../participants/ParticipantNav";
import { PhaseBar } from "../participants/PhaseBar";

/** Phase 4: my statement of the challenge, my table's side by side, and the prompt cards. */
export default function PerspectivesPage() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const me = useMyParticipant();
  const seated = Boolean(me.data?.table_id);
  const session = useMySession(Boolean(me.data));
  const statements = useTableStatements(seated);

  if (me.isPending) return <Loading />;
  if (!me.data) return <NotJoined title={t("perspectivesStep.title")} />;
  const mine = statements.data?.items.find((s) => s.author_id === me.data!.id);
  const challenge = session.data?.challenge;

  return (
    <Page title={t("perspectivesStep.title")} lead={t("perspectivesStep.lead")}>
      <ParticipantNav />
      <PhaseBar />
      {challenge && pickText(challenge, lang) && (
        <section className="card challenge" aria-labelledby="challenge-h">
          <h2 id="challenge-h">{t("perspectivesStep.challenge")}</h2>
          <p lang={pickedLanguage(challenge, lang)}>{pickText(challenge, lang)}</p>
        </section>
      )}
      {!seated ? (
        <Notice>
          <p>{t("myTable.notSeated")}</p>
        </Notice>
      ) : (
        <>
          {statements.isPending ? <Loading /> : <MyStatement key={mine?.id ?? "new"} current={mine?.text ?? ""} perspective={me.data.perspective} />}
          <section aria-labelledby="statements-h">
            <h2 id="statements-h">{t("perspectivesStep.tableTitle")}</h2>
            {statements.isError && <ErrorNotice error={statements.error} />}
            {statements.data && statements.data.items.length === 0 && <p className="muted">{t("perspectivesStep.noneYet")}</p>}
            {statements.data && statements.data.items.length > 0 && (
              <ul className="statements" data-testid="statements">
                {statements.data.items.map((s) => (
                  <Statement key={s.id} statement={s} mine={s.author_id === me.data!.id} />
                ))}
              </ul>
            )}
          </section>
          <PromptCards />
        </>
      )}
      <FlagButton />
    </Page>
  );
}

function MyStatement({ current, perspective }: { current: string; perspective: string | null }) {
  const { t } = useTranslation();
  const write = useWriteStatement();
  const [text, setText] = useState(current);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return setError(t("validation.required"));
        if (text.trim().length > 1000) return setError(t("validation.maxLength", { count: 1000 }));
        setError(undefined);
        setSaved(false);
        write.mutate(text.trim(), { onSuccess: () => setSaved(true) });
      }}
    >
      <h2 className="card__title">{t("perspectivesStep.mine")}</h2>
      <p>
        <PerspectiveBadge perspective={perspective} />
      </p>
      <TextArea
        id="statement"
        label={t("perspectivesStep.label")}
        hint={t("perspectivesStep.hint")}
        value={text}
        onChange={(v) => {
          setText(v);
          setSaved(false);
        }}
        error={error}
        rows={5}
        maxLength={1050}
      />
      {write.isError && (
        <Notice tone="error" live>
          <p>{problemMessage(t, write.error)}</p>
        </Notice>
      )}
      <div className="actions">
        <Button type="submit" disabled={write.isPending}>
          {current ? t("perspectivesStep.update") : t("perspectivesStep.share")}
        </Button>
        <span role="status" className="muted">
          {saved ? t("perspectivesStep.saved") : ""}
        </span>
      </div>
    </form>
  );
}

function Statement({ statement, mine }: { statement: PerspectiveStatement; mine: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="statement" data-testid="statement">
      <p className="statement__who">
        <PerspectiveBadge perspective={statement.perspective} hiddenLabel /> <span className="member__name">{statement.author_name}</span>
        {mine && <span className="muted"> {t("myTable.you")}</span>}
      </p>
      <p className="statement__text">{statement.text}</p>
    </li>
  );
}

function PromptCards() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const drawn = useDrawnCards();
  const draw = useDrawCard();
  const cards = [...(drawn.data ?? [])].reverse();
  return (
    <section aria-labelledby="cards-h" className="prompt-cards">
      <h2 id="cards-h">{t("prompts.title")}</h2>
      <p className="muted">{t("prompts.lead")}</p>
      <Button variant="secondary" onClick={() => draw.mutate()} disabled={draw.isPending}>
        {t("prompts.draw")}
      </Button>
      {draw.isError && <ErrorNotice error={draw.error} />}
      {drawn.isPending && <Loading />}
      {cards.length > 0 && (
        <ol className="prompt-list" reversed data-testid="drawn-cards">
          {cards.map((card) => (
            <li key={card.draw_id} className="prompt-card">
              <span className="prompt-card__number">{t("prompts.number", { number: card.number })}</span>
              <p className="prompt-card__text" lang={pickedLanguage(card.text, lang)}>
                {pickText(card.text, lang)}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
