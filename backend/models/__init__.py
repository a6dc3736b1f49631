"""Every table model, imported here so that `SQLModel.metadata` (alembic's target) knows them all."""

from backend.models.accounts import AuthSession, PasswordReset, PersonalAccessToken, User
from backend.models.organisations import (
    CustomPerspective,
    Invitation,
    Membership,
    Organisation,
    Role,
)
from backend.models.participants import (
    BuiltinPerspective,
    Capital,
    NetworkRole,
    Participant,
    ParticipantDevice,
    ParticipantStatus,
)
from backend.models.ratelimit import RateCounter
from backend.models.tables import AllocationRun, ConstraintKind, SeatingConstraint, WorkshopTable
from backend.models.workshops import PHASE_ORDER, Mode, Phase, PhaseChange, Workshop

__all__ = [
    "PHASE_ORDER",
    "AllocationRun",
    "AuthSession",
    "BuiltinPerspective",
    "Capital",
    "ConstraintKind",
    "CustomPerspective",
    "Invitation",
    "Membership",
    "Mode",
    "NetworkRole",
    "Organisation",
    "Participant",
    "ParticipantDevice",
    "ParticipantStatus",
    "PasswordReset",
    "PersonalAccessToken",
    "Phase",
    "PhaseChange",
    "RateCounter",
    "Role",
    "SeatingConstraint",
    "User",
    "Workshop",
    "WorkshopTable",
]
