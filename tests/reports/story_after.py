"""What came after the choice: storyboards (one with a picture), pitches with responses, a
combination across tables (and a declined one), initiatives with stewards."""

import uuid
from datetime import timedelta
from typing import Any

from sqlmodel import Session

from backend.kit.clock import utcnow
from backend.models import (
    Combination,
    CombinationStatus,
    Idea,
    IdeaParent,
    IdeaSource,
    Initiative,
    Participant,
    Pitch,
    PitchResponse,
    ResponseKind,
    Steward,
    StewardKind,
    StewardMember,
    Storyboard,
    StoryboardFrame,
    UploadedImage,
    Workshop,
    WorkshopTable,
)
from backend.models.combinations import pair_key
from tests.factories.ideas import make_idea
from tests.reports.story import (
    QUIET_IDEA,
    QUIET_QUESTION,
    STEWARD_HIDDEN_NAME,
    Scenario,
    add_rows,
)


def make_storyboards(
    db: Session,
    w: Workshop,
    first: WorkshopTable,
    second: WorkshopTable,
    i: dict[str, Idea],
    p: dict[str, Participant],
) -> UploadedImage:
    image = UploadedImage(
        workshop_id=w.id,
        table_id=second.id,
        storage_key=f"test/{uuid.uuid4().hex}.png",
        content_type="image/png",
        width=64,
        height=48,
        bytes=100,
        sha256="0" * 64,
    )
    board_1 = Storyboard(workshop_id=w.id, table_id=first.id, idea_id=i["night"].id, version=1)
    board_2 = Storyboard(workshop_id=w.id, table_id=second.id, idea_id=i["minibus"].id, version=2)
    add_rows(db, image, board_1, board_2)
    add_rows(
        db,
        StoryboardFrame(
            storyboard_id=board_1.id,
            title="Finish a late shift",
            created_by_participant_id=p["alaw"].id,
        ),
        StoryboardFrame(
            storyboard_id=board_2.id,
            position=1,
            title="Hear about it",
            what_happens="A poster at the surgery",
            who="Receptionist",
            where="Surgery",
            created_by_participant_id=p["dai"].id,
        ),
        StoryboardFrame(
            storyboard_id=board_2.id,
            position=2,
            title="Book a seat",
            what_happens="Phone the driver",
            image_id=image.id,
            image_alt="A minibus outside the chapel",
            created_by_participant_id=p["elin"].id,
        ),
    )
    return image


def make_pitches(db: Session, s: Scenario) -> None:
    """Table 1 pitched the night bus (its words withheld: someone there keeps theirs private);
    table 2 pitched the minibus and got an offer, a private question and a suggestion."""
    w, first, second, empty, i, p = s.room.workshop, s.first, s.second, s.empty, s.ideas, s.people
    facilitator_id = s.room.facilitator.user.id
    pitch_1 = Pitch(
        workshop_id=w.id,
        table_id=first.id,
        idea_id=i["night"].id,
        what="Night buses for people on shifts",
        why="Nobody should walk home at 2am",
        barrier_tags=["engrained_systems"],
        barriers_other=["Driver rotas"],
        asks=[{"capital": "financial", "note": "Fuel money"}],
    )
    pitch_2 = Pitch(
        workshop_id=w.id,
        table_id=second.id,
        idea_id=i["minibus"].id,
        what="A minibus run by the community",
        why="The valley has no Sunday bus",
        barrier_tags=["waiting_for_permission", "hard_work"],
        barriers_other=["Insurance"],
        asks=[{"capital": "social", "note": "Introductions to drivers"}, {"capital": "physical"}],
        updated_by_participant_id=p["dai"].id,
    )
    add_rows(db, pitch_1, pitch_2)
    now = utcnow()
    add_rows(
        db,
        PitchResponse(
            workshop_id=w.id,
            pitch_id=pitch_2.id,
            table_id=first.id,
            kind=ResponseKind.offer,
            body="We can lend our chapel's minibus",
            capitals=["social", "physical"],
            author_participant_id=p["alaw"].id,
            reply="Diolch! We will call you",
            replied_by_participant_id=p["dai"].id,
            replied_at=now,
            created_at=now - timedelta(minutes=3),
        ),
        PitchResponse(
            workshop_id=w.id,
            pitch_id=pitch_2.id,
            table_id=first.id,
            kind=ResponseKind.question,
            body=QUIET_QUESTION,
            author_participant_id=p["quiet"].id,
            created_at=now - timedelta(minutes=2),
        ),
        PitchResponse(
            workshop_id=w.id,
            pitch_id=pitch_2.id,
            table_id=empty.id,
            kind=ResponseKind.suggestion,
            body="Ask the council about the community transport fund",
            author_user_id=facilitator_id,
            created_at=now - timedelta(minutes=1),
        ),
    )


def _decided_proposal(
    s: Scenario,
    *,
    proposer: tuple[WorkshopTable, Idea],
    receiver: tuple[WorkshopTable, Idea],
    text: str,
    drafter: Participant,
    status: CombinationStatus,
    decided_by: str,
    **fields: Any,
) -> Combination:
    """A proposal from one (table, idea) to another, sent by its table's majority and decided."""
    (proposer_table, proposer_idea), (receiver_table, receiver_idea) = proposer, receiver
    return Combination(
        workshop_id=s.room.workshop.id,
        proposer_table_id=proposer_table.id,
        receiver_table_id=receiver_table.id,
        proposer_idea_id=proposer_idea.id,
        receiver_idea_id=receiver_idea.id,
        pair_key=pair_key(
            (proposer_table.id, proposer_idea.id), (receiver_table.id, receiver_idea.id)
        ),
        text=text,
        proposed_by_id=drafter.id,
        status=status,
        sent_by="majority",
        sent_at=utcnow(),
        decided_by=decided_by,
        decided_at=utcnow(),
        **fields,
    )


def combine_and_take_forward(db: Session, s: Scenario) -> None:
    w, i = s.room.workshop, s.ideas
    combined = make_idea(
        db,
        s.second,
        text="A community night minibus",
        source=IdeaSource.combined,
    )
    i["community"] = combined
    add_rows(
        db,
        IdeaParent(child_id=combined.id, parent_id=i["minibus"].id),
        IdeaParent(child_id=combined.id, parent_id=i["night"].id),
        _decided_proposal(
            s,
            proposer=(s.second, i["minibus"]),
            receiver=(s.first, i["night"]),
            text="A community night minibus",
            drafter=s.people["dai"],
            status=CombinationStatus.accepted,
            decided_by="majority",
            present_count=5,
            combined_idea_id=combined.id,
        ),
        _decided_proposal(
            s,
            proposer=(s.first, i["night"]),
            receiver=(s.second, i["minibus"]),
            text="A night bus app",
            drafter=s.people["alaw"],
            status=CombinationStatus.declined,
            decided_by="facilitator",
            created_at=utcnow() - timedelta(hours=1),
        ),
    )
    forward = Initiative(
        organisation_id=w.organisation_id,
        workshop_id=w.id,
        table_id=s.second.id,
        idea_id=combined.id,
        title="Community night minibus",
        summary="Run by volunteers from the chapel",
    )
    private = Initiative(
        organisation_id=w.organisation_id,
        workshop_id=w.id,
        table_id=s.first.id,
        idea_id=i["quiet"].id,
        title=QUIET_IDEA,
    )
    add_rows(db, forward, private)
    committee = Steward(initiative_id=forward.id, kind=StewardKind.committee, name="Bus forum")
    person = Steward(initiative_id=private.id, kind=StewardKind.person, name="Someone's name")
    add_rows(db, committee, person)
    add_rows(
        db,
        StewardMember(
            steward_id=committee.id,
            initiative_id=forward.id,
            display_name="Siân Jones",
            role_label="Chair of the forum",
            agreed_to_be_named=True,
        ),
        StewardMember(
            steward_id=committee.id,
            initiative_id=forward.id,
            display_name=STEWARD_HIDDEN_NAME,
            role_label="Bus driver",
        ),
        StewardMember(
            steward_id=committee.id,
            initiative_id=forward.id,
            display_name="Removed Member",
            role_label="Former member",
            removed_at=utcnow(),
        ),
    )
    s.initiatives = {"forward": forward, "private": private}
