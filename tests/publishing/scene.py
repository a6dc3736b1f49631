"""A session worth publishing, written straight to the database: the partner tests' seed (two
tables, an initiative with steward, plan, indicator and measurements, distinctive personal data)
plus storyboards with pictures, offers of help, and words that must stay in the room."""

import io
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from PIL import Image
from sqlmodel import Session, select

from backend.models import (
    Idea,
    Organisation,
    Participant,
    Pitch,
    PitchResponse,
    ResponseKind,
    Storyboard,
    StoryboardFrame,
    UploadedImage,
    Workshop,
    WorkshopTable,
)
from backend.storyboards.storage import image_store, new_key
from tests.factories.accounts import make_facilitator
from tests.factories.workshops import make_workshop
from tests.partners.seed import NEEDLES, Seeded, choose, person, published, seed_session

PUBLIC = "/api/v1/public/sessions"
# Seeded words that must never leave through a public endpoint, beyond the partner seed's.
PUBLIC_NEEDLES = [
    *NEEDLES,
    "NEEDLE-consent-text",
    "NEEDLE-consent-cy",
    "NEEDLE-offer-by-refusing",
    "NEEDLE-question",
    "NEEDLE-frame-of-table-two",
    "NEEDLE-alt-of-table-two",
    "NEEDLE-reply",
    "NEEDLE-facilitator",
    "NEEDLE-offer-words",
]
PITCH_WHAT = "Lamps along the path to the school"


@dataclass
class Scene:
    seeded: Seeded
    picture: UploadedImage  # on table 1's storyboard, which is shown
    withheld_picture: UploadedImage  # on table 2's storyboard, whose words are withheld
    undescribed_picture: UploadedImage  # on a frame of table 1 with no alt text
    consenting: Participant
    refusing: Participant

    @property
    def workshop(self) -> Workshop:
        return self.seeded.workshop

    @property
    def first(self) -> WorkshopTable:
        return self.seeded.tables[0]

    @property
    def second(self) -> WorkshopTable:
        return self.seeded.tables[1]

    @property
    def url(self) -> str:
        return f"{PUBLIC}/{self.workshop.id}"

    def picture_url(self, picture: UploadedImage) -> str:
        return f"{self.url}/pictures/{picture.id}"


def png(color: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), color).save(out, "PNG")
    return out.getvalue()


def store_picture(
    app: FastAPI, db: Session, table: WorkshopTable, by: Participant | None = None
) -> UploadedImage:
    data = png()
    key = new_key("png")
    image_store(app.state.settings).put(key, data)
    image = UploadedImage(
        workshop_id=table.workshop_id,
        table_id=table.id,
        storage_key=key,
        content_type="image/png",
        width=40,
        height=30,
        bytes=len(data),
        sha256="a" * 64,
        uploaded_by_participant_id=by.id if by else None,
    )
    db.add(image)
    db.commit()
    return image


def storyboard(
    db: Session, table: WorkshopTable, idea: Idea, frames: list[dict[str, Any]]
) -> Storyboard:
    board = Storyboard(workshop_id=table.workshop_id, table_id=table.id, idea_id=idea.id)
    db.add(board)
    db.flush()
    for position, fields in enumerate(frames):
        db.add(StoryboardFrame(storyboard_id=board.id, position=position, **fields))
    db.commit()
    return board


def respond(
    db: Session,
    pitch: Pitch,
    table: WorkshopTable,
    body: str,
    *,
    kind: ResponseKind = ResponseKind.offer,
    **fields: Any,
) -> PitchResponse:
    response = PitchResponse(
        workshop_id=pitch.workshop_id,
        pitch_id=pitch.id,
        table_id=table.id,
        kind=kind,
        body=body,
        **fields,
    )
    db.add(response)
    db.commit()
    return response


def chosen_idea(db: Session, table: WorkshopTable) -> Idea:
    return db.exec(select(Idea).where(Idea.table_id == table.id)).one()


def pitch_of(db: Session, table: WorkshopTable) -> Pitch:
    return db.exec(select(Pitch).where(Pitch.table_id == table.id)).one()


def make_scene(app: FastAPI, db: Session, organisation: Organisation) -> Scene:
    """Published. Table 1: everyone agreed to publishing; a storyboard of three frames (one with
    a described picture, one with a picture and no description), a pitch, an offer from table 2
    by someone who did not agree, one a facilitator wrote for table 2, and a question. Table 2:
    its idea's author did not agree, so its storyboard and pitch keep their words."""
    seeded = seed_session(db, organisation, publish_it=False)
    first, second = seeded.tables
    workshop = seeded.workshop
    workshop.consent_text_en, workshop.consent_text_cy = "NEEDLE-consent-text", "NEEDLE-consent-cy"
    db.add(workshop)
    consenting = db.exec(select(Participant).where(Participant.table_id == first.id)).one()
    refusing = db.exec(select(Participant).where(Participant.table_id == second.id)).one()
    pitch = pitch_of(db, first)
    pitch.what, pitch.why = PITCH_WHAT, "Children walk in the dark all winter"
    pitch.barriers_other = ["The lamps belong to three owners"]
    pitch.asks = [{"capital": "financial", "note": "Money for twelve lamps"}, {"capital": "social"}]
    pitch.updated_by_participant_id = consenting.id
    db.add(pitch)
    db.commit()
    picture = store_picture(app, db, first, consenting)
    undescribed = store_picture(app, db, first, consenting)
    storyboard(
        db,
        first,
        chosen_idea(db, first),
        [
            {
                "title": "Hear about it",
                "what_happens": "A letter home from the school",
                "who": "Parents",
                "where": "At home",
                "image_id": picture.id,
                "image_alt": "A lamp post by a footpath",
                "created_by_participant_id": consenting.id,
            },
            {"title": "Walk together", "what_happens": "Lamps light the way"},
            {"title": "Arrive", "image_id": undescribed.id, "image_alt": None},
        ],
    )
    withheld = store_picture(app, db, second, refusing)
    storyboard(
        db,
        second,
        chosen_idea(db, second),
        [
            {
                "title": "NEEDLE-frame-of-table-two",
                "image_id": withheld.id,
                "image_alt": "NEEDLE-alt-of-table-two",
                "created_by_participant_id": refusing.id,
            }
        ],
    )
    by_refusing = {"author_participant_id": refusing.id}
    respond(db, pitch, second, "NEEDLE-offer-by-refusing", capitals=["human"], **by_refusing)
    facilitator = make_facilitator(db, organisation=organisation, name="NEEDLE-facilitator")
    respond(
        db,
        pitch,
        second,
        "NEEDLE-offer-words",
        capitals=["physical"],
        author_user_id=facilitator.user.id,
    )
    question = {"kind": ResponseKind.question, "reply": "NEEDLE-reply"}
    respond(db, pitch, second, "NEEDLE-question", **question, **by_refusing)
    published(db, workshop)
    return Scene(seeded, picture, withheld, undescribed, consenting, refusing)


def other_session_picture(app: FastAPI, db: Session, organisation: Organisation) -> UploadedImage:
    """A published session of its own, whose table 1 shows a described picture."""
    workshop = make_workshop(db, organisation, title="Another session")
    table = WorkshopTable(workshop_id=workshop.id, number=1)
    db.add(table)
    db.commit()
    author = person(db, workshop, table, display_name="Other", email=None, access_needs=None)
    idea = choose(db, table, "Another idea", author)
    picture = store_picture(app, db, table, author)
    storyboard(db, table, idea, [{"title": "Elsewhere", "image_id": picture.id, "image_alt": "A"}])
    published(db, workshop)
    return picture
