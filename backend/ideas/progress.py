"""Live progress against the ideate targets: per person (10-15 by default) and per table (100+)."""

import uuid
from collections import defaultdict
from datetime import timedelta

from sqlmodel import Session, col, select

from backend.ideas import repository as repo
from backend.ideas.schemas import MemberProgress, SessionProgress, TableProgress
from backend.kit.clock import utcnow
from backend.models import Participant, ParticipantStatus, Workshop, WorkshopTable
from backend.reduction.presence import present_ids

RECENT = timedelta(minutes=5)
Counts = dict[uuid.UUID, int]


def _member(workshop: Workshop, person: Participant, counts: Counts) -> MemberProgress:
    n = counts.get(person.id, 0)
    return MemberProgress(
        participant_id=person.id,
        display_name=person.display_name,
        ideas=n,
        target_min=workshop.ideas_per_person_min,
        target_max=workshop.ideas_per_person_max,
        reached_min=n >= workshop.ideas_per_person_min,
    )


def _table(
    workshop: Workshop,
    table: WorkshopTable,
    members: list[Participant],
    by_author: Counts,
    totals: Counts,
    recent: Counts,
    present: set[uuid.UUID],
) -> TableProgress:
    return TableProgress(
        table_id=table.id,
        number=table.number,
        name=table.name,
        total=totals.get(table.id, 0),
        target=workshop.ideas_per_table,
        members=[_member(workshop, person, by_author) for person in members],
        last_five_minutes=recent.get(table.id, 0),
        present_count=sum(1 for person in members if person.id in present),
    )


def table_progress(db: Session, workshop: Workshop, table: WorkshopTable) -> TableProgress:
    members = repo.members_of(db, table.id)
    return _table(
        workshop,
        table,
        members,
        repo.counts_by_author(db, workshop.id),
        repo.counts_by_table(db, workshop.id),
        repo.counts_by_table(db, workshop.id, since=utcnow() - RECENT),
        present_ids(db, workshop.id, {person.id for person in members}),
    )


def session_progress(db: Session, workshop: Workshop) -> SessionProgress:
    seated = db.exec(
        select(Participant)
        .where(
            Participant.workshop_id == workshop.id,
            col(Participant.table_id).is_not(None),
            Participant.status != ParticipantStatus.removed,
        )
        .order_by(col(Participant.display_name), col(Participant.id))
    ).all()
    members: dict[uuid.UUID | None, list[Participant]] = defaultdict(list)
    for person in seated:
        members[person.table_id].append(person)
    by_author = repo.counts_by_author(db, workshop.id)
    totals = repo.counts_by_table(db, workshop.id)
    recent = repo.counts_by_table(db, workshop.id, since=utcnow() - RECENT)
    present = present_ids(db, workshop.id, {person.id for person in seated})
    tables = [
        _table(workshop, table, members[table.id], by_author, totals, recent, present)
        for table in repo.tables_of(db, workshop.id)
    ]
    return SessionProgress(tables=tables, total=sum(totals.values()))
