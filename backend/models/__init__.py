"""Every table model, imported here so that `SQLModel.metadata` (alembic's target) knows them all."""

from backend.models.accounts import AuthSession, PasswordReset, PersonalAccessToken, User
from backend.models.events import Audience, SessionEvent
from backend.models.ideas import (
    Idea,
    IdeaModeration,
    IdeaParent,
    IdeaRevision,
    IdeaSource,
    IdeaStatus,
    ModerationAction,
    SafeguardingFlag,
    Theme,
)
from backend.models.idempotency import IdempotencyRecord
from backend.models.initiatives import Initiative, InitiativeStatus
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
from backend.models.perspectives import PerspectiveStatement, PromptCard, PromptDraw
from backend.models.ratelimit import RateCounter
from backend.models.reduction import (
    DecidedBy,
    DotVote,
    IdeaScore,
    ReductionSettings,
    ReductionStage,
    RoundAgreement,
    RoundClosure,
    RunoffVote,
    TableChoice,
    TableReduction,
    TieBreak,
)
from backend.models.tables import AllocationRun, ConstraintKind, SeatingConstraint, WorkshopTable
from backend.models.workshops import PHASE_ORDER, Mode, Phase, PhaseChange, Workshop

__all__ = [
    "PHASE_ORDER",
    "AllocationRun",
    "Audience",
    "AuthSession",
    "BuiltinPerspective",
    "Capital",
    "ConstraintKind",
    "CustomPerspective",
    "DecidedBy",
    "DotVote",
    "Idea",
    "IdeaModeration",
    "IdeaParent",
    "IdeaRevision",
    "IdeaScore",
    "IdeaSource",
    "IdeaStatus",
    "IdempotencyRecord",
    "Initiative",
    "InitiativeStatus",
    "Invitation",
    "Membership",
    "Mode",
    "ModerationAction",
    "NetworkRole",
    "Organisation",
    "Participant",
    "ParticipantDevice",
    "ParticipantStatus",
    "PasswordReset",
    "PersonalAccessToken",
    "PerspectiveStatement",
    "Phase",
    "PhaseChange",
    "PromptCard",
    "PromptDraw",
    "RateCounter",
    "ReductionSettings",
    "ReductionStage",
    "Role",
    "RoundAgreement",
    "RoundClosure",
    "RunoffVote",
    "SafeguardingFlag",
    "SeatingConstraint",
    "SessionEvent",
    "TableChoice",
    "TableReduction",
    "Theme",
    "TieBreak",
    "User",
    "Workshop",
    "WorkshopTable",
]
