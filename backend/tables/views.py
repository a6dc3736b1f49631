"""Read models: the facilitator's seating board and a participant's own table."""

from collections import defaultdict

from sqlmodel import Session

from backend.models import Capital, Participant, Workshop, WorkshopTable
from backend.tables import repository as repo
from backend.tables.schemas import (
    MyTable,
    PooledStrengths,
    SeatingBoard,
    SeatMember,
    Tablemate,
    TablePublic,
    TableRef,
)


def perspectives_present(people: list[Participant]) -> int:
    return len({p.perspective for p in people if p.perspective})


def table_ref(table: WorkshopTable) -> TableRef:
    return TableRef(id=table.id, number=table.number, name=table.name)


def _member(person: Participant) -> SeatMember:
    return SeatMember(
        id=person.id,
        display_name=person.display_name,
        perspective=person.perspective,
        network_roles=list(person.network_roles),
        pinned=person.pinned,
        status=person.status,
    )


def table_public(
    workshop: Workshop, table: WorkshopTable, members: list[Participant]
) -> TablePublic:
    return TablePublic(
        id=table.id,
        number=table.number,
        name=table.name,
        created_at=table.created_at,
        members=[_member(p) for p in members],
        size=len(members),
        perspectives_present=perspectives_present(members),
        over_capacity=len(members) > workshop.table_size_max,
    )


def seating_board(db: Session, workshop: Workshop) -> SeatingBoard:
    tables = repo.tables_of(db, workshop.id)
    seated: dict[object, list[Participant]] = defaultdict(list)
    unseated: list[Participant] = []
    for person in repo.active_participants(db, workshop.id):
        if person.table_id is None:
            unseated.append(person)
        else:
            seated[person.table_id].append(person)
    return SeatingBoard(
        size_min=workshop.table_size_min,
        size_max=workshop.table_size_max,
        tables=[table_public(workshop, t, seated[t.id]) for t in tables],
        unseated=[_member(p) for p in unseated],
    )


def _strength_texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and v.strip()]
    return []


def my_table(db: Session, me: Participant) -> MyTable:
    table = repo.find_table(db, me.workshop_id, me.table_id) if me.table_id else None
    if table is None:
        return MyTable(
            table=None, tablemates=[], pooled_strengths=PooledStrengths(), perspectives_present=0
        )
    members = repo.members_of(db, table.id)
    pooled: dict[str, list[str]] = {capital.value: [] for capital in Capital}
    for person in members:
        for capital, texts in pooled.items():
            texts.extend(_strength_texts(person.strengths.get(capital)))
    tablemates = [
        Tablemate(
            id=person.id,
            display_name=person.display_name,
            # Your own perspective is yours to see; others' only with their consent.
            perspective=(
                person.perspective
                if person.id == me.id or person.consent_share_perspective
                else None
            ),
            is_me=person.id == me.id,
        )
        for person in members
    ]
    return MyTable(
        table=table_ref(table),
        tablemates=tablemates,
        pooled_strengths=PooledStrengths(**pooled),
        perspectives_present=perspectives_present(members),
    )
