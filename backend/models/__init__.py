"""Every table model, imported here so that `SQLModel.metadata` (alembic's target) knows them all."""

from backend.models.accounts import AuthSession, PasswordReset, PersonalAccessToken, User
from backend.models.action_plans import ActionStatus, ActionUpdate, InitiativeAction
from backend.models.combinations import Combination, CombinationStatus, CombinationVote
from backend.models.events import Audience, SessionEvent
from backend.models.feedback import FEEDBACK_QUESTIONS, SessionFeedback
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
from backend.models.outcomes import (
    Direction,
    IndicatorUnit,
    OutcomeIndicator,
    OutcomeMeasurement,
)
from backend.models.participants import (
    BuiltinPerspective,
    Capital,
    NetworkRole,
    Participant,
    ParticipantDevice,
    ParticipantStatus,
)
from backend.models.partners import PartnerApiKey
from backend.models.perspectives import PerspectiveStatement, PromptCard, PromptDraw
from backend.models.pitches import (
    BarrierTag,
    Pitch,
    PitchResponse,
    PresenterState,
    ResponseKind,
)
from backend.models.publishing import Publication, PublicationAction, PublicationChange
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
from backend.models.stewards import Steward, StewardInvitation, StewardKind, StewardMember
from backend.models.storyboards import Storyboard, StoryboardFrame, UploadedImage
from backend.models.tables import AllocationRun, ConstraintKind, SeatingConstraint, WorkshopTable
from backend.models.webhooks import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from backend.models.workshops import PHASE_ORDER, Mode, Phase, PhaseChange, Workshop

__all__ = [
    "FEEDBACK_QUESTIONS",
    "PHASE_ORDER",
    "ActionStatus",
    "ActionUpdate",
    "AllocationRun",
    "Audience",
    "AuthSession",
    "BarrierTag",
    "BuiltinPerspective",
    "Capital",
    "Combination",
    "CombinationStatus",
    "CombinationVote",
    "ConstraintKind",
    "CustomPerspective",
    "DecidedBy",
    "DeliveryStatus",
    "Direction",
    "DotVote",
    "Idea",
    "IdeaModeration",
    "IdeaParent",
    "IdeaRevision",
    "IdeaScore",
    "IdeaSource",
    "IdeaStatus",
    "IdempotencyRecord",
    "IndicatorUnit",
    "Initiative",
    "InitiativeAction",
    "InitiativeStatus",
    "Invitation",
    "Membership",
    "Mode",
    "ModerationAction",
    "NetworkRole",
    "Organisation",
    "OutcomeIndicator",
    "OutcomeMeasurement",
    "Participant",
    "ParticipantDevice",
    "ParticipantStatus",
    "PartnerApiKey",
    "PasswordReset",
    "PersonalAccessToken",
    "PerspectiveStatement",
    "Phase",
    "PhaseChange",
    "Pitch",
    "PitchResponse",
    "PresenterState",
    "PromptCard",
    "PromptDraw",
    "Publication",
    "PublicationAction",
    "PublicationChange",
    "RateCounter",
    "ReductionSettings",
    "ReductionStage",
    "ResponseKind",
    "Role",
    "RoundAgreement",
    "RoundClosure",
    "RunoffVote",
    "SafeguardingFlag",
    "SeatingConstraint",
    "SessionEvent",
    "SessionFeedback",
    "Steward",
    "StewardInvitation",
    "StewardKind",
    "StewardMember",
    "Storyboard",
    "StoryboardFrame",
    "TableChoice",
    "TableReduction",
    "Theme",
    "TieBreak",
    "UploadedImage",
    "User",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookSubscription",
    "Workshop",
    "WorkshopTable",
]
