"""Initiatives, stewards and actions written straight to the database."""

from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
from sqlmodel import Session

from backend.models import (
    DecidedBy,
    Idea,
    Initiative,
    InitiativeAction,
    Phase,
    Steward,
    StewardKind,
    StewardMember,
    TableChoice,
    User,
    WorkshopTable,
)
from tests.factories.accounts import make_facilitator, sign_in_client
from tests.factories.ideas import make_idea
from tests.factories.tables import Room, make_room, make_table


@dataclass
class Chosen:
    """A signed-in facilitator's session with one table whose chosen idea is `idea`."""

    room: Room
    table: WorkshopTable
    idea: Idea

    @property
    def create_url(self) -> str:
        return f"{self.room.base}/initiatives"


def make_chosen(
    db: Session, client: httpx.AsyncClient | None = None, *, phase: Phase = Phase.glue
) -> Chosen:
    room = make_room(db, client, phase=phase)
    table = make_table(db, room.workshop)
    idea = make_idea(db, table, text="A community bus that stops where people ask")
    db.add(
        TableChoice(
            workshop_id=room.workshop.id,
            table_id=table.id,
            idea_id=idea.id,
            decided_by=DecidedBy.majority,
        )
    )
    db.commit()
    return Chosen(room=room, table=table, idea=idea)


def make_initiative(db: Session, chosen: Chosen, **fields: Any) -> Initiative:
    initiative = Initiative(
        organisation_id=chosen.room.workshop.organisation_id,
        workshop_id=chosen.room.workshop.id,
        table_id=chosen.table.id,
        idea_id=fields.pop("idea_id", chosen.idea.id),
        title=fields.pop("title", "Community bus"),
        **fields,
    )
    db.add(initiative)
    db.commit()
    return initiative


def make_steward(
    db: Session,
    initiative: Initiative,
    *,
    kind: StewardKind = StewardKind.committee,
    name: str | None = "Bus users' committee",
) -> Steward:
    steward = Steward(initiative_id=initiative.id, kind=kind, name=name)
    db.add(steward)
    db.commit()
    return steward


def make_member(
    db: Session,
    steward: Steward,
    *,
    user: User | None = None,
    display_name: str = "Siân",
    role_label: str = "Chair",
    email: str | None = None,
) -> StewardMember:
    member = StewardMember(
        steward_id=steward.id,
        initiative_id=steward.initiative_id,
        display_name=display_name,
        role_label=role_label,
        email=email,
        user_id=user.id if user else None,
    )
    db.add(member)
    db.commit()
    return member


def make_steward_user(
    db: Session, client: httpx.AsyncClient, initiative: Initiative
) -> tuple[User, StewardMember]:
    """A user outside the organisation (member of another one), linked as a steward member and
    signed in on `client`."""
    outsider = make_facilitator(db, name="Steffan Steward")
    steward = db.get(Steward, make_steward(db, initiative).id)
    assert steward is not None
    member = make_member(db, steward, user=outsider.user)
    sign_in_client(db, client, outsider.user)
    return outsider.user, member


def make_action(
    db: Session,
    initiative: Initiative,
    *,
    title: str = "Ask the council for a minibus",
    due_on: date | None = None,
    position: int = 0,
    **fields: Any,
) -> InitiativeAction:
    action = InitiativeAction(
        initiative_id=initiative.id,
        title=title,
        owner_role=fields.pop("owner_role", "Transport officer"),
        due_on=due_on,
        position=position,
        **fields,
    )
    db.add(action)
    db.commit()
    return action


def url(initiative: Initiative, tail: str = "") -> str:
    return f"/api/v1/initiatives/{initiative.id}{tail}"
