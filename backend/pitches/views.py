"""Read models: pitches, responses and the presenter's state as the API shows them."""

import uuid

from sqlmodel import Session

from backend.models import Pitch, PitchResponse, PresenterState, WorkshopTable
from backend.pitches import repository as repo
from backend.pitches.schemas import (
    PitchAsk,
    PitchIdeaRef,
    PitchPublic,
    PitchResponsePublic,
    PitchTableRef,
    PresenterPublic,
)


def table_ref(table: WorkshopTable) -> PitchTableRef:
    return PitchTableRef(id=table.id, number=table.number, name=table.name)


def pitches_public(
    db: Session, pitches: list[Pitch], *, my_table_id: uuid.UUID | None = None
) -> list[PitchPublic]:
    tables = repo.tables_by_id(db, {p.table_id for p in pitches})
    ideas = repo.ideas_by_id(db, {p.idea_id for p in pitches})
    return [
        PitchPublic(
            id=p.id,
            table=table_ref(tables[p.table_id]),
            idea=PitchIdeaRef(id=p.idea_id, text=ideas[p.idea_id].text),
            what=p.what,
            why=p.why,
            barrier_tags=p.barrier_tags,  # type: ignore[arg-type]
            barriers_other=p.barriers_other,
            asks=[PitchAsk.model_validate(a) for a in p.asks],
            version=p.version,
            updated_by_facilitator=p.updated_by_user_id is not None,
            created_at=p.created_at,
            updated_at=p.updated_at,
            is_mine=p.table_id == my_table_id,
        )
        for p in pitches
    ]


def pitch_public(db: Session, pitch: Pitch, *, my_table_id: uuid.UUID | None = None) -> PitchPublic:
    return pitches_public(db, [pitch], my_table_id=my_table_id)[0]


def responses_public(db: Session, responses: list[PitchResponse]) -> list[PitchResponsePublic]:
    tables = repo.tables_by_id(db, {r.table_id for r in responses})
    return [
        PitchResponsePublic(
            id=r.id,
            pitch_id=r.pitch_id,
            table=table_ref(tables[r.table_id]),
            kind=r.kind,
            body=r.body,
            capitals=r.capitals,  # type: ignore[arg-type]
            by_facilitator=r.author_user_id is not None,
            reply=r.reply,
            replied_at=r.replied_at,
            created_at=r.created_at,
        )
        for r in responses
    ]


def presenter_public(db: Session, state: PresenterState | None) -> PresenterPublic:
    if state is None:
        return PresenterPublic(
            running=False, table=None, position=None, total=0, order=[], updated_at=None
        )
    ids = [uuid.UUID(i) for i in state.table_ids]
    tables = repo.tables_by_id(db, set(ids))
    order = [table_ref(tables[i]) for i in ids if i in tables]
    on_screen = None
    if state.position is not None and 0 <= state.position < len(ids):
        found = tables.get(ids[state.position])
        on_screen = table_ref(found) if found else None
    return PresenterPublic(
        running=on_screen is not None,
        table=on_screen,
        position=state.position + 1
        if on_screen is not None and state.position is not None
        else None,
        total=len(order),
        order=order,
        updated_at=state.updated_at,
    )
