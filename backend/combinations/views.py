"""Read models: combination proposals as each side (or a facilitator) sees them."""

import uuid

from sqlmodel import Session, col, select

from backend.combinations import repository as repo
from backend.combinations import service
from backend.combinations.proposing import support_count
from backend.combinations.schemas import CombinationPublic, CombinationSide, SupportCount
from backend.models import Combination, CombinationStatus, DecidedBy, Idea, WorkshopTable
from backend.models.combinations import SupportPurpose, WithdrawnBy

ROUND_OF = {
    CombinationStatus.draft: SupportPurpose.send,
    CombinationStatus.open: SupportPurpose.withdraw,
}


def table_idea(table: WorkshopTable, idea: Idea) -> CombinationSide:
    return CombinationSide(
        table_id=table.id,
        number=table.number,
        name=table.name,
        idea_id=idea.id,
        idea_text=idea.text,
    )


def _support(
    db: Session, r: Combination, me_id: uuid.UUID | None, my_table_id: uuid.UUID | None
) -> tuple[SupportCount | None, bool]:
    """The proposing table's open round and whether I support it; hidden from the other table
    (facilitators, without a table, see it)."""
    purpose = ROUND_OF.get(r.status)
    if purpose is None or my_table_id not in (None, r.proposer_table_id):
        return None, False
    tally = support_count(db, r, purpose, acting=me_id)
    mine = any(s.participant_id == me_id for s in repo.supports_of(db, r.id, purpose))
    return tally, mine


def combinations_public(
    db: Session,
    rows: list[Combination],
    *,
    me_id: uuid.UUID | None = None,
    my_table_id: uuid.UUID | None = None,
) -> list[CombinationPublic]:
    table_ids = {r.proposer_table_id for r in rows} | {r.receiver_table_id for r in rows}
    idea_ids = {r.proposer_idea_id for r in rows} | {r.receiver_idea_id for r in rows}
    tables = {
        t.id: t
        for t in db.exec(select(WorkshopTable).where(col(WorkshopTable.id).in_(table_ids))).all()
    }
    ideas = {i.id: i for i in db.exec(select(Idea).where(col(Idea.id).in_(idea_ids))).all()}
    out = []
    for r in rows:
        mine = next(
            (v.accept for v in repo.votes_of(db, [r.id]) if v.participant_id == me_id),
            None,
        )
        support, my_support = _support(db, r, me_id, my_table_id)
        proposing = my_table_id is not None and my_table_id == r.proposer_table_id
        drafted_by_me = me_id is not None and r.proposed_by_id == me_id
        out.append(
            CombinationPublic(
                id=r.id,
                proposer=table_idea(tables[r.proposer_table_id], ideas[r.proposer_idea_id]),
                receiver=table_idea(tables[r.receiver_table_id], ideas[r.receiver_idea_id]),
                text=r.text,
                status=r.status,
                sent_by=DecidedBy(r.sent_by) if r.sent_by else None,
                sent_at=r.sent_at,
                decided_by=DecidedBy(r.decided_by) if r.decided_by else None,
                decided_at=r.decided_at,
                withdrawn_by=WithdrawnBy(r.withdrawn_by) if r.withdrawn_by else None,
                withdrawn_at=r.withdrawn_at,
                combined_idea_id=r.combined_idea_id,
                count=service.count(db, r, acting=me_id),
                support=support,
                created_at=r.created_at,
                drafted_by_me=drafted_by_me,
                my_vote=mine,
                my_support=my_support,
                can_vote=(
                    r.status == CombinationStatus.open
                    and my_table_id == r.receiver_table_id
                    and mine is None
                ),
                can_support=proposing and r.status == CombinationStatus.draft and not my_support,
                can_withdraw=proposing
                and (
                    (r.status == CombinationStatus.draft and drafted_by_me)
                    or (r.status == CombinationStatus.open and not my_support)
                ),
            )
        )
    return out
