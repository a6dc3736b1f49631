"""A published session's results, and its initiatives with their stewards and action plans, as
partners see them: stewards and action owners by role unless they agreed to be named, a chosen
idea's words only if its author agreed to publishing, no participant ever named."""

import uuid
from datetime import datetime

from sqlmodel import Session

from backend.initiatives import repository as initiative_rows
from backend.initiatives.disclosure import action_owner_label, steward_member_label
from backend.kit.pagination import Page, PageParams, paginate
from backend.models import (
    BarrierTag,
    Initiative,
    InitiativeAction,
    Pitch,
    Steward,
    StewardKind,
    StewardMember,
)
from backend.partners import read_repository as repo
from backend.partners.errors import PartnerInitiativeNotFound, PartnerSessionNotFound
from backend.partners.read_schemas import (
    PartnerAction,
    PartnerChosenIdea,
    PartnerInitiative,
    PartnerInitiativeRef,
    PartnerPitch,
    PartnerResults,
    PartnerSteward,
    PartnerStewardMember,
    PartnerTableResult,
)
from backend.partners.service import as_utc, partner_session
from backend.publishing import repository as published
from backend.publishing.consent import SMALLEST_PUBLIC_GROUP, may_publish_words_of


def session_results(
    db: Session, *, organisation_id: uuid.UUID, session_id: uuid.UUID
) -> PartnerResults:
    workshop = repo.published_session(db, organisation_id, session_id)
    if workshop is None:
        raise PartnerSessionNotFound()
    counts = published.idea_counts(db, workshop.id)
    choices = published.current_choices(db, workshop.id)
    pitches = {
        p.table_id: p for p in repo.current_pitches(db, organisation_id, session_id=workshop.id)
    }
    people = published.participant_count(db, workshop.id)
    tables = []
    for table in published.tables(db, workshop.id):
        chosen = None
        if table.id in choices:
            idea, author = choices[table.id]
            shown = may_publish_words_of(author)
            chosen = PartnerChosenIdea(text=idea.text if shown else None, withheld=not shown)
        pitch = pitches.get(table.id)
        tables.append(
            PartnerTableResult(
                number=table.number,
                name=table.name,
                idea_count=counts.get(table.id, 0),
                chosen_idea=chosen,
                pitch=pitch_summary(pitch) if pitch else None,
            )
        )
    return PartnerResults(
        session=partner_session(workshop),
        participant_count=people if people >= SMALLEST_PUBLIC_GROUP else None,
        tables=tables,
        initiatives=[
            PartnerInitiativeRef(id=i.id, title=title, status=i.status)
            for i, (title, _) in shown_words(db, repo.session_initiatives(db, workshop.id))
        ],
    )


def pitch_summary(pitch: Pitch) -> PartnerPitch:
    known = set(BarrierTag)
    return PartnerPitch(
        barrier_tags=[BarrierTag(tag) for tag in pitch.barrier_tags if tag in known],
        other_barrier_count=len(pitch.barriers_other),
        ask_capitals=[str(ask.get("capital", "")) for ask in pitch.asks if ask.get("capital")],
    )


def list_initiatives(
    db: Session,
    *,
    organisation_id: uuid.UUID,
    session_id: uuid.UUID | None,
    created_from: datetime | None,
    created_to: datetime | None,
    paging: PageParams,
) -> Page[PartnerInitiative]:
    stmt = repo.initiatives(
        organisation_id,
        session_id=session_id,
        created_from=as_utc(created_from),
        created_to=as_utc(created_to),
    )
    rows, cursor = paginate(db, stmt, Initiative, paging)
    ids = [row.id for row in rows]
    stewards = repo.stewards(db, ids)
    members = repo.current_members(db, ids)
    items = [
        _initiative(row, words, stewards.get(row.id), members.get(row.id, []))
        for row, words in shown_words(db, rows)
    ]
    return Page(items=items, next_cursor=cursor)


Words = tuple[str | None, str | None]


def shown_words(db: Session, initiatives: list[Initiative]) -> list[tuple[Initiative, Words]]:
    """Each initiative with its (title, summary), both None when its source idea's author did
    not agree to publishing: the title starts as the idea's words."""
    authors = repo.idea_authors(db, initiatives)
    shown: list[tuple[Initiative, Words]] = []
    for initiative in initiatives:
        author = authors.get(initiative.idea_id) if initiative.idea_id else None
        if may_publish_words_of(author):
            shown.append((initiative, (initiative.title, initiative.summary)))
        else:
            shown.append((initiative, (None, None)))
    return shown


def _initiative(
    initiative: Initiative,
    words: Words,
    steward: Steward | None,
    members: list[StewardMember],
) -> PartnerInitiative:
    return PartnerInitiative(
        id=initiative.id,
        session_id=initiative.workshop_id,
        title=words[0],
        summary=words[1],
        words_withheld=words[0] is None,
        status=initiative.status,
        steward=steward_view(steward, members) if steward else None,
        created_at=initiative.created_at,
        updated_at=initiative.updated_at,
    )


def steward_view(steward: Steward, members: list[StewardMember]) -> PartnerSteward:
    return PartnerSteward(
        kind=steward.kind,
        name=None if steward.kind == StewardKind.person else steward.name,
        members=[
            PartnerStewardMember(
                label=steward_member_label(m), role=m.role_label, named=m.agreed_to_be_named
            )
            for m in members
        ],
    )


def list_actions(
    db: Session, *, organisation_id: uuid.UUID, initiative_id: uuid.UUID
) -> list[PartnerAction]:
    if repo.initiative(db, organisation_id, initiative_id) is None:
        raise PartnerInitiativeNotFound()
    return [_action(row) for row in initiative_rows.actions_of(db, initiative_id)]


def _action(action: InitiativeAction) -> PartnerAction:
    return PartnerAction(
        id=action.id,
        title=action.title,
        owner=action_owner_label(action),
        owner_role=action.owner_role,
        owner_named=bool(action.owner_agreed_to_be_named and action.owner_name),
        due_on=action.due_on,
        status=action.status,
        position=action.position,
    )
