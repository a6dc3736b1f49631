"""The shape of the report tests' session, and the rows it must never show."""

from dataclasses import dataclass, field

from sqlmodel import Session

from backend.models import Idea, Initiative, Participant, UploadedImage, WorkshopTable
from tests.factories.tables import Room

QUIET_IDEA = "Words of someone who keeps them private"
QUIET_QUESTION = "A question from someone who keeps it private"
HIDDEN_TEXT = "XHIDDENX abusive words about a named driver"
STEWARD_HIDDEN_NAME = "Rhys Evans"


@dataclass
class Scenario:
    room: Room
    first: WorkshopTable
    second: WorkshopTable
    empty: WorkshopTable
    people: dict[str, Participant]
    ideas: dict[str, Idea]
    image: UploadedImage
    initiatives: dict[str, Initiative] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"{self.room.base}/report"

    @property
    def names(self) -> list[str]:
        """Names that must never appear in the report."""
        return [p.display_name for p in self.people.values()] + [
            self.room.facilitator.user.name,
            STEWARD_HIDDEN_NAME,
        ]


def add_rows(db: Session, *rows: object) -> None:
    for row in rows:
        db.add(row)
    db.commit()
