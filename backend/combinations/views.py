"""Read models: combination proposals as each side (or a facilitator) sees them."""

import uuid

from sqlmodel import Session, col, select

from backend.combinations import repository as repo
from backend.combinations import service
from backend.combinations.schemas import CombinationPublic, CombinationSide
from backend.models import Combination, CombinationStatus, DecidedBy, Idea, WorkshopTable


def table_idea(table: WorkshopTable, idea: Idea) -> CombinationSide:
    return CombinationSide(
        table_id=table.id,
        number=table.number,
        name=table.name,
        idea_id=idea.id,
        idea_text=idea.text,
    )


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
        out.append(
            CombinationPublic(
                id=r.id,
                proposer=table_idea(tables[r.proposer_table_id], ideas[r.proposer_idea_id]),
                receiver=table_idea(tables[r.receiver_table_id], ideas[r.receiver_idea_id]),
                text=r.text,
                status=r.status,
                decided_by=DecidedBy(r.decided_by) if r.decided_by else None,
                decided_at=r.decided_at,
                combined_idea_id=r.combined_idea_id,
                count=service.count(db, r, acting=me_id),
                created_at=r.created_at,
                my_vote=mine,
                can_vote=(
                    r.status == CombinationStatus.open
                    and my_table_id == r.receiver_table_id
                    and mine is None
                ),
            )
        )
    return out
