"""A session that went all the way through, written straight to the database: two tables that
reduced, storyboarded, pitched and combined, an initiative with its steward, and feedback. It holds
what the report must show, and what it must leave out (hidden ideas, words of people who did not
agree to publishing, names)."""

import httpx
from sqlmodel import Session

from backend.models import (
    CustomPerspective,
    Participant,
    ParticipantStatus,
    Phase,
    SessionFeedback,
    Workshop,
    WorkshopTable,
)
from tests.factories.participants import make_participant
from tests.factories.tables import make_room, make_table
from tests.reports.story import (
    HIDDEN_TEXT,
    QUIET_IDEA,
    QUIET_QUESTION,
    STEWARD_HIDDEN_NAME,
    Scenario,
    add_rows,
)
from tests.reports.story_after import combine_and_take_forward, make_pitches, make_storyboards
from tests.reports.story_ideas import make_ideas, reduce_first, reduce_second

__all__ = ["HIDDEN_TEXT", "QUIET_IDEA", "QUIET_QUESTION", "STEWARD_HIDDEN_NAME", "Scenario"]


def _person(
    db: Session, w: Workshop, name: str, table: WorkshopTable, perspective: str | None, **kw: object
) -> Participant:
    fields = {"consent_publish": True} | kw
    return make_participant(
        db, w, display_name=name, perspective=perspective, table_id=table.id, **fields
    )


def make_scenario(db: Session, client: httpx.AsyncClient | None = None) -> Scenario:
    room = make_room(db, client, phase=Phase.glue)
    w = room.workshop
    w.title_en, w.title_cy = "Better bus journeys", None
    w.challenge_cy = "Sut gallwn ni wneud i deithiau bws weithio i bawb?"
    add_rows(
        db,
        w,
        CustomPerspective(
            organisation_id=w.organisation_id, key="carer", label_en="Carer", label_cy="Gofalwr"
        ),
    )
    first = make_table(db, w, name="Glas")
    second = make_table(db, w)
    empty = make_table(db, w)
    people = {
        "alaw": _person(db, w, "Alaw Hughes", first, "lived_experience"),
        "bryn": _person(db, w, "Bryn Morgan", first, "lived_experience"),
        "cai": _person(db, w, "Cai Price", first, "service_provider"),
        "quiet": _person(db, w, "Quinn Quiet", first, "academic", consent_publish=False),
        "ffion": _person(db, w, "Ffion Carer", first, "carer"),
        "gone": _person(db, w, "Gareth Gone", first, "policy", status=ParticipantStatus.removed),
        "dai": _person(db, w, "Dai Davies", second, "policy"),
        "elin": _person(db, w, "Elin Evans", second, None),
    }
    ideas = make_ideas(db, first, second, people)
    reduce_first(db, first, people, ideas)
    reduce_second(db, second, people, ideas)
    image = make_storyboards(db, w, first, second, ideas, people)
    scenario = Scenario(room, first, second, empty, people, ideas, image)
    make_pitches(db, scenario)
    combine_and_take_forward(db, scenario)
    add_rows(
        db,
        *(
            SessionFeedback(
                workshop_id=w.id,
                participant_id=people[key].id,
                felt_heard=4,
                felt_equal=5,
                trusted_process=3,
                comment="A comment nobody should read yet",
            )
            for key in ("alaw", "bryn", "cai", "dai")
        ),
    )
    return scenario
