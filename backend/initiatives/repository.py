"""Every query of the initiatives slice, always scoped by organisation, session or initiative."""

import uuid
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.models import (
    ActionStatus,
    ActionUpdate,
    Idea,
    Initiative,
    InitiativeAction,
    InitiativeStatus,
    Organisation,
    Steward,
    StewardInvitation,
    StewardMember,
    TableChoice,
    WorkshopTable,
)


def session_idea(db: Session, *, workshop_id: uuid.UUID, idea_id: uuid.UUID) -> Idea | None:
    return db.exec(select(Idea).where(Idea.id == idea_id, Idea.workshop_id == workshop_id)).first()


def initiative_for_idea(db: Session, idea_id: uuid.UUID) -> Initiative | None:
    return db.exec(select(Initiative).where(Initiative.idea_id == idea_id)).first()


def session_initiatives(workshop_id: uuid.UUID) -> SelectOfScalar[Initiative]:
    return select(Initiative).where(Initiative.workshop_id == workshop_id)


def organisation_initiatives(
    organisation_id: uuid.UUID, status: InitiativeStatus | None
) -> SelectOfScalar[Initiative]:
    stmt = select(Initiative).where(Initiative.organisation_id == organisation_id)
    return stmt if status is None else stmt.where(Initiative.status == status)


def chosen_ideas(db: Session, workshop_id: uuid.UUID) -> list[tuple[WorkshopTable, Idea]]:
    """Each table's current (not reopened) choice, by table number."""
    rows = db.exec(
        select(WorkshopTable, Idea, TableChoice)
        .join(TableChoice, col(TableChoice.table_id) == col(WorkshopTable.id))
        .join(Idea, col(Idea.id) == col(TableChoice.idea_id))
        .where(WorkshopTable.workshop_id == workshop_id, col(TableChoice.reopened_at).is_(None))
        .order_by(col(WorkshopTable.number), col(TableChoice.created_at).desc())
    ).all()
    latest: dict[uuid.UUID, tuple[WorkshopTable, Idea]] = {}
    for table, idea, _choice in rows:
        latest.setdefault(table.id, (table, idea))
    return list(latest.values())


def steward_of(db: Session, initiative_id: uuid.UUID) -> Steward | None:
    return db.exec(select(Steward).where(Steward.initiative_id == initiative_id)).first()


def current_members(db: Session, initiative_id: uuid.UUID) -> list[StewardMember]:
    return list(
        db.exec(
            select(StewardMember)
            .where(
                StewardMember.initiative_id == initiative_id,
                col(StewardMember.removed_at).is_(None),
            )
            .order_by(col(StewardMember.created_at), col(StewardMember.id))
        ).all()
    )


def current_member(
    db: Session, *, initiative_id: uuid.UUID, member_id: uuid.UUID
) -> StewardMember | None:
    return db.exec(
        select(StewardMember).where(
            StewardMember.id == member_id,
            StewardMember.initiative_id == initiative_id,
            col(StewardMember.removed_at).is_(None),
        )
    ).first()


def open_invitations(db: Session, member_id: uuid.UUID) -> list[StewardInvitation]:
    return list(
        db.exec(
            select(StewardInvitation).where(
                StewardInvitation.member_id == member_id,
                col(StewardInvitation.accepted_at).is_(None),
                col(StewardInvitation.revoked_at).is_(None),
            )
        ).all()
    )


def invitation_by_hash(db: Session, token_hash: str) -> StewardInvitation | None:
    return db.exec(
        select(StewardInvitation).where(StewardInvitation.token_hash == token_hash)
    ).first()


def stewardships(user_id: uuid.UUID) -> SelectOfScalar[StewardMember]:
    return select(StewardMember).where(
        StewardMember.user_id == user_id, col(StewardMember.removed_at).is_(None)
    )


def organisation_names(db: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    rows = db.exec(select(Organisation).where(col(Organisation.id).in_(ids))).all()
    return {row.id: row.name for row in rows}


def actions_of(db: Session, initiative_id: uuid.UUID) -> list[InitiativeAction]:
    return list(
        db.exec(
            select(InitiativeAction)
            .where(InitiativeAction.initiative_id == initiative_id)
            .order_by(col(InitiativeAction.position), col(InitiativeAction.created_at))
        ).all()
    )


def find_action(
    db: Session, *, initiative_id: uuid.UUID, action_id: uuid.UUID, for_update: bool = False
) -> InitiativeAction | None:
    stmt = select(InitiativeAction).where(
        InitiativeAction.id == action_id, InitiativeAction.initiative_id == initiative_id
    )
    return db.exec(stmt.with_for_update() if for_update else stmt).first()


def next_position(db: Session, initiative_id: uuid.UUID) -> int:
    highest = db.exec(
        select(func.max(InitiativeAction.position)).where(
            InitiativeAction.initiative_id == initiative_id
        )
    ).one()
    return 0 if highest is None else highest + 1


def action_updates(action_id: uuid.UUID) -> SelectOfScalar[ActionUpdate]:
    return select(ActionUpdate).where(ActionUpdate.action_id == action_id)


def actions_of_many(db: Session, initiative_ids: list[uuid.UUID]) -> list[InitiativeAction]:
    if not initiative_ids:
        return []
    return list(
        db.exec(
            select(InitiativeAction).where(col(InitiativeAction.initiative_id).in_(initiative_ids))
        ).all()
    )


def organisation_totals(
    db: Session, *, organisation_id: uuid.UUID, today: date, quiet_before: datetime
) -> tuple[int, int, int]:
    """(initiatives, quiet initiatives, overdue actions) across the organisation."""
    initiatives = db.exec(
        select(func.count()).where(Initiative.organisation_id == organisation_id)
    ).one()
    quiet = db.exec(
        select(func.count()).where(
            Initiative.organisation_id == organisation_id,
            Initiative.status == InitiativeStatus.active,
            col(Initiative.last_activity_at) < quiet_before,
        )
    ).one()
    overdue = db.exec(
        select(func.count())
        .select_from(InitiativeAction)
        .join(Initiative, col(Initiative.id) == col(InitiativeAction.initiative_id))
        .where(
            Initiative.organisation_id == organisation_id,
            col(Initiative.status).in_([InitiativeStatus.active, InitiativeStatus.paused]),
            col(InitiativeAction.due_on) < today,
            InitiativeAction.status != ActionStatus.done,
        )
    ).one()
    return initiatives, quiet, overdue
