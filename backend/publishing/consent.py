"""What may leave a session: no count of fewer than five people, and nobody's words without their
consent (METHOD.md: "may my contributions be published (without my name)?"; "Publishing, exports
and the partner API obey these choices").

One person's words (an idea, an offer of help) leave only if that person agreed. A table writes
its storyboard and pitch together, and only who created and who last changed each part is kept,
not who wrote each word in between. So a table's words leave only when everyone who may have
written them agreed: the author of the idea they tell, everyone at the table now, and every
participant recorded as writing them (someone may have moved tables or been removed since)."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlmodel import Session

from backend.models import Idea, IdeaStatus, Participant, ParticipantStatus
from backend.publishing import repository as repo

SMALLEST_PUBLIC_GROUP = 5  # METHOD.md: aggregates about fewer people are never shown outside


def may_publish_words_of(author: Participant | None) -> bool:
    """Ideas typed in by a facilitator from paper with no author belong to the table."""
    if author is None:
        return True
    return author.consent_publish and author.status != ParticipantStatus.removed


def idea_words_shown(idea: Idea, author: Participant | None) -> bool:
    """Its author agreed, and no facilitator hid it (abusive, or identifying someone)."""
    return idea.status != IdeaStatus.hidden and may_publish_words_of(author)


@dataclass(frozen=True)
class SessionConsent:
    agreed: frozenset[uuid.UUID]
    members: Mapping[uuid.UUID, frozenset[uuid.UUID]]  # table id -> who sits there now

    def agreed_to(self, participant_id: uuid.UUID | None) -> bool:
        """None: written by a facilitator on the table's behalf. Someone not of this session is
        never taken to have agreed."""
        return participant_id is None or participant_id in self.agreed

    def table_words_shown(
        self,
        table_id: uuid.UUID,
        idea: Idea,
        author: Participant | None,
        writers: Iterable[uuid.UUID | None],
    ) -> bool:
        if not idea_words_shown(idea, author):
            return False
        everyone = [*self.members.get(table_id, frozenset()), *writers]
        return all(self.agreed_to(person) for person in everyone)


def session_consent(db: Session, workshop_id: uuid.UUID) -> SessionConsent:
    people = repo.participants(db, workshop_id)
    members: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for person in people:
        if person.table_id is not None and person.status == ParticipantStatus.joined:
            members[person.table_id].add(person.id)
    return SessionConsent(
        agreed=frozenset(p.id for p in people if may_publish_words_of(p)),
        members={table: frozenset(ids) for table, ids in members.items()},
    )
