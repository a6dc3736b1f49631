"""What is overdue or quiet. An action is overdue when its due date (UTC) has passed and it is not
done; an initiative is quiet when it is active and nothing of any kind changed in it for
`quiet_days` days. Completed and stopped initiatives have no overdue actions to chase."""

import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlmodel import Session

from backend.initiatives import repository as repo
from backend.initiatives.schemas import (
    InitiativeMomentum,
    OrganisationMomentum,
    OverdueAction,
    StatusCounts,
)
from backend.kit.clock import utcnow
from backend.kit.pagination import PageParams, paginate
from backend.models import ActionStatus, Initiative, InitiativeAction, InitiativeStatus

DEFAULT_QUIET_DAYS = 30
CHASED = (InitiativeStatus.active, InitiativeStatus.paused)


def _momentum(
    initiative: Initiative, actions: list[InitiativeAction], *, today: date, quiet_before: datetime
) -> InitiativeMomentum:
    counts = StatusCounts()
    overdue: list[OverdueAction] = []
    for action in sorted(actions, key=lambda a: (a.position, a.created_at)):
        key = str(action.status)
        setattr(counts, key, getattr(counts, key) + 1)
        late = (
            initiative.status in CHASED
            and action.due_on is not None
            and action.due_on < today
            and action.status != ActionStatus.done
        )
        if late and action.due_on is not None:
            overdue.append(
                OverdueAction(
                    id=action.id,
                    title=action.title,
                    due_on=action.due_on,
                    status=action.status,
                    days_overdue=(today - action.due_on).days,
                )
            )
    return InitiativeMomentum(
        initiative_id=initiative.id,
        title=initiative.title,
        status=initiative.status,
        last_activity_at=initiative.last_activity_at,
        quiet=initiative.status == InitiativeStatus.active
        and initiative.last_activity_at < quiet_before,
        overdue_actions=overdue,
        action_counts=counts,
    )


def initiative_momentum(
    db: Session, initiative: Initiative, *, quiet_days: int
) -> tuple[InitiativeMomentum, datetime]:
    now = utcnow()
    actions = repo.actions_of(db, initiative.id)
    found = _momentum(
        initiative, actions, today=now.date(), quiet_before=now - timedelta(days=quiet_days)
    )
    return found, now


def organisation_momentum(
    db: Session,
    *,
    organisation_id: uuid.UUID,
    status: InitiativeStatus | None,
    quiet_days: int,
    paging: PageParams,
) -> OrganisationMomentum:
    now = utcnow()
    today, quiet_before = now.date(), now - timedelta(days=quiet_days)
    stmt = repo.organisation_initiatives(organisation_id, status)
    initiatives, cursor = paginate(db, stmt, Initiative, paging)
    actions: dict[uuid.UUID, list[InitiativeAction]] = defaultdict(list)
    for action in repo.actions_of_many(db, [i.id for i in initiatives]):
        actions[action.initiative_id].append(action)
    total, quiet, overdue = repo.organisation_totals(
        db,
        organisation_id=organisation_id,
        today=today,
        quiet_before=quiet_before,
    )
    return OrganisationMomentum(
        quiet_days=quiet_days,
        as_of=now,
        initiatives=total,
        quiet_initiatives=quiet,
        overdue_actions=overdue,
        items=[
            _momentum(i, actions[i.id], today=today, quiet_before=quiet_before) for i in initiatives
        ],
        next_cursor=cursor,
    )
