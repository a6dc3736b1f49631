import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCandidates, useMyCombinations, type CombinationPublic } from "../../api/combinations";
import { useMyParticipant, useMySession } from "../../api/participants";
import { Page } from "../../ui/Page";
import { ErrorNotice, Loading, Notice } from "../../ui/Status";
import { NotJoined } from "../participants/NotJoined";
import { ParticipantNav } from "../participants/ParticipantNav";
import { PhaseBar } from "../participants/PhaseBar";
import { ProposalCard } from "./ProposalCard";
import { ProposeForm } from "./ProposeForm";
import "../pitches/pitches.css";

type Done = (text: string, id: string) => void;

function Proposals({ title, id, items, tableId, open, done }: { title: string; id: string; items: CombinationPublic[]; tableId: string | null | undefined; open: boolean; done: Done }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} data-testid={`${id}-list`}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("combinations.none")}</p>
      ) : (
        <ul className="plain-list">
          {items.map((c) => (
            <ProposalCard key={c.id} c={c} proposing={c.proposer.table_id === tableId} open={open} done={done} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Where the table's idea came from, when it is a combination both tables accepted. */
function Parents({ ideaId, items }: { ideaId: string; items: CombinationPublic[] }) {
  const { t } = useTranslation();
  const from = items.find((c) => c.status === "accepted" && c.combined_idea_id === ideaId);
  if (!from) return null;
  return (
    <>
      <p>{t("combinations.combinedFrom")}</p>
      <ul data-testid="combine-parents">
        {[from.proposer, from.receiver].map((side) => (
          <li key={side.table_id}>{t("combinations.parent", { number: side.number, idea: side.idea_text })}</li>
        ))}
      </ul>
    </>
  );
}

/** `/me/combine`: draft a combination with another table and agree, as a table, to send it (or
 * withdraw it); decide on proposals to your table; see what was decided. */
export default function CombinePage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const seated = Boolean(me.data?.table_id);
  const session = useMySession(Boolean(me.data));
  const combinations = useMyCombinations(seated);
  const candidates = useCandidates(seated);
  const [spoken, setSpoken] = useState("");
  const say = useCallback((text: string) => setSpoken((old) => (old === text ? `${text} ` : text)), []);
  // A proposal moves between the lists as it goes on: its heading takes focus where it lands.
  const focusNext = useRef<string | null>(null);
  const done = useCallback<Done>(
    (text, id) => {
      focusNext.current = `combination-${id}`;
      say(text);
    },
    [say],
  );
  useEffect(() => {
    const target = focusNext.current && document.getElementById(focusNext.current);
    if (target) {
      target.focus();
      focusNext.current = null;
    }
  });

  if (me.isPending) return <Loading />;
  if (!me.data) return <NotJoined title={t("combinations.title")} />;
  const open = session.data?.phase === "combine";
  const tableId = me.data.table_id;
  const items = combinations.data ?? [];
  const mine = candidates.data?.my_idea;

  return (
    <Page title={t("combinations.title")} lead={t("combinations.lead")}>
      <ParticipantNav />
      <PhaseBar />
      {!seated && (
        <Notice>
          <p>{t("myTable.notSeated")}</p>
        </Notice>
      )}
      {(combinations.isError || candidates.isError) && <ErrorNotice error={combinations.error ?? candidates.error} />}
      {seated && (combinations.isPending || candidates.isPending) && <Loading />}
      {candidates.data && (
        <section className="card" aria-labelledby="combine-mine">
          <h2 id="combine-mine">{t("combinations.yourIdea")}</h2>
          <p className="pitch-idea__text" data-testid="combine-my-idea">
            {mine ? mine.idea_text : t("combinations.noIdea")}
          </p>
          {mine && <Parents ideaId={mine.idea_id} items={items} />}
        </section>
      )}
      {!open && seated && (
        <Notice>
          <p>{t("combinations.closed")}</p>
        </Notice>
      )}
      {combinations.data && (
        <>
          <Proposals title={t("combinations.drafts")} id="drafts" items={items.filter((c) => c.status === "draft")} tableId={tableId} open={open} done={done} />
          <Proposals title={t("combinations.received")} id="received" items={items.filter((c) => c.status === "open" && c.receiver.table_id === tableId)} tableId={tableId} open={open} done={done} />
          <Proposals title={t("combinations.sent")} id="sent" items={items.filter((c) => c.status === "open" && c.proposer.table_id === tableId)} tableId={tableId} open={open} done={done} />
          <Proposals title={t("combinations.decided")} id="decided" items={items.filter((c) => c.status !== "draft" && c.status !== "open")} tableId={tableId} open={open} done={done} />
        </>
      )}
      {open && mine && candidates.data && (candidates.data.items.length ? <ProposeForm candidates={candidates.data.items.map((c) => c.table)} say={say} /> : <p className="muted">{t("combinations.noCandidates")}</p>)}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="combine-announcer">
        {spoken}
      </p>
    </Page>
  );
}
