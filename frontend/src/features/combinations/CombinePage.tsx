import { useCallback, useState } from "react";
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

function Proposals({ title, id, items, received, open, say }: { title: string; id: string; items: CombinationPublic[]; received: boolean; open: boolean; say: (text: string) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} data-testid={`${id}-list`}>
      <h2 id={id}>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">{t("combinations.none")}</p>
      ) : (
        <ul className="plain-list">
          {items.map((c) => (
            <ProposalCard key={c.id} c={c} received={received} open={open} say={say} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/me/combine`: propose combining with another table; decide on proposals to your table. */
export default function CombinePage() {
  const { t } = useTranslation();
  const me = useMyParticipant();
  const seated = Boolean(me.data?.table_id);
  const session = useMySession(Boolean(me.data));
  const combinations = useMyCombinations(seated);
  const candidates = useCandidates(seated);
  const [spoken, setSpoken] = useState("");
  const say = useCallback((text: string) => setSpoken((old) => (old === text ? `${text} ` : text)), []);

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
        </section>
      )}
      {!open && seated && (
        <Notice>
          <p>{t("combinations.closed")}</p>
        </Notice>
      )}
      {combinations.data && (
        <>
          <Proposals title={t("combinations.received")} id="received" items={items.filter((c) => c.receiver.table_id === tableId)} received open={open} say={say} />
          <Proposals title={t("combinations.sent")} id="sent" items={items.filter((c) => c.proposer.table_id === tableId)} received={false} open={open} say={say} />
        </>
      )}
      {open && mine && candidates.data && (candidates.data.items.length ? <ProposeForm candidates={candidates.data.items.map((c) => c.table)} say={say} /> : <p className="muted">{t("combinations.noCandidates")}</p>)}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="combine-announcer">
        {spoken}
      </p>
    </Page>
  );
}
