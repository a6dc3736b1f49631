"""`publishing-public-session`: per table its storyboard, pitch and the offers it received, with
a table's words shown only when everyone who may have written them agreed to publishing."""

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlmodel import Session, col, select

from backend.models import IdeaStatus, ParticipantStatus, Storyboard, StoryboardFrame
from tests.factories.accounts import make_organisation
from tests.factories.participants import make_participant
from tests.factories.tables import make_table
from tests.partners.seed import choose, person
from tests.publishing.scene import PITCH_WHAT, Scene, chosen_idea, make_scene, pitch_of


@pytest.fixture
def scene(app: Any, db: Session) -> Scene:
    return make_scene(app, db, make_organisation(db))


async def tables_of(client: httpx.AsyncClient, scene: Scene) -> dict[int, dict[str, Any]]:
    response = await client.get(scene.url)
    assert response.status_code == 200, response.text
    return {t["number"]: t for t in response.json()["tables"]}


async def test_a_table_whose_people_all_agreed_shows_its_work(
    client: httpx.AsyncClient, scene: Scene
) -> None:
    first = (await tables_of(client, scene))[scene.first.number]
    assert first["chosen_idea"] == {"text": "Lit paths to the school", "withheld": False}
    storyboard = first["storyboard"]
    assert (storyboard["frame_count"], storyboard["words_withheld"]) == (3, False)
    assert storyboard["frames"][0] == {
        "position": 1,
        "title": "Hear about it",
        "what_happens": "A letter home from the school",
        "who": "Parents",
        "where": "At home",
        "picture": {
            "url": scene.picture_url(scene.picture),
            "alt": "A lamp post by a footpath",
            "width": 40,
            "height": 30,
        },
    }
    # No picture, and a picture nobody described: neither is shown.
    assert [f["picture"] for f in storyboard["frames"][1:]] == [None, None]
    assert [f["position"] for f in storyboard["frames"]] == [1, 2, 3]
    assert first["pitch"] == {
        "what": PITCH_WHAT,
        "why": "Children walk in the dark all winter",
        "words_withheld": False,
        "barrier_tags": ["hard_work", "hidden_agendas"],
        "barriers_other": ["The lamps belong to three owners"],
        "other_barrier_count": 1,
        "asks": [
            {"capital": "financial", "note": "Money for twelve lamps"},
            {"capital": "social", "note": None},
        ],
    }
    # Offers only (not the question): which table and what kind of help, never their words.
    from_two = {"number": scene.second.number, "name": None}
    assert first["offers"] == [
        {"from_table": from_two, "capitals": ["human"]},
        {"from_table": from_two, "capitals": ["physical"]},
    ]


async def test_a_table_whose_idea_author_refused_keeps_its_words(
    client: httpx.AsyncClient, scene: Scene
) -> None:
    second = (await tables_of(client, scene))[scene.second.number]
    assert second["chosen_idea"] == {"text": None, "withheld": True}
    assert second["storyboard"] == {"frame_count": 1, "words_withheld": True, "frames": []}
    assert second["pitch"] == {
        "what": None,
        "why": None,
        "words_withheld": True,
        "barrier_tags": ["hard_work", "hidden_agendas"],  # the vocabulary, not their words
        "barriers_other": [],
        "other_barrier_count": 1,
        "asks": [{"capital": "financial", "note": None}],
    }
    assert second["offers"] == []


def _member_refused(db: Session, scene: Scene) -> None:
    person(db, scene.workshop, scene.first, consent_publish=False)


def _moved_frame_writer_refused(db: Session, scene: Scene) -> None:
    mover = person(db, scene.workshop, scene.second, consent_publish=False)
    frame = db.get(StoryboardFrame, _frame_ids(db, scene)[1])
    assert frame is not None
    frame.updated_by_participant_id = mover.id
    db.add(frame)
    db.commit()


def _removed_pitch_writer(db: Session, scene: Scene) -> None:
    gone = make_participant(
        db, scene.workshop, display_name="Removed 1", status=ParticipantStatus.removed
    )
    pitch = pitch_of(db, scene.first)
    pitch.updated_by_participant_id = gone.id
    db.add(pitch)
    db.commit()


def _idea_hidden(db: Session, scene: Scene) -> None:
    idea = chosen_idea(db, scene.first)
    idea.status = IdeaStatus.hidden
    db.add(idea)
    db.commit()


def _refusing_but_never_joined(db: Session, scene: Scene) -> None:
    status = {"status": ParticipantStatus.pre_registered}
    person(db, scene.workshop, scene.first, consent_publish=False, **status)


def _frame_ids(db: Session, scene: Scene) -> list[Any]:
    board = db.exec(select(Storyboard).where(Storyboard.table_id == scene.first.id)).one()
    frames = db.exec(
        select(StoryboardFrame)
        .where(StoryboardFrame.storyboard_id == board.id)
        .order_by(col(StoryboardFrame.position))
    ).all()
    return [f.id for f in frames]


@pytest.mark.parametrize(
    ("change", "withheld"),
    [
        # (chosen idea, storyboard, pitch) withheld?
        (_member_refused, (False, True, True)),
        (_moved_frame_writer_refused, (False, True, False)),
        (_removed_pitch_writer, (False, False, True)),
        (_idea_hidden, (True, True, True)),
        (_refusing_but_never_joined, (False, False, False)),
    ],
)
async def test_who_may_have_written_a_tables_words(
    db: Session,
    client: httpx.AsyncClient,
    scene: Scene,
    change: Callable[[Session, Scene], None],
    withheld: tuple[bool, bool, bool],
) -> None:
    change(db, scene)
    first = (await tables_of(client, scene))[scene.first.number]
    assert (
        first["chosen_idea"]["withheld"],
        first["storyboard"]["words_withheld"],
        first["pitch"]["words_withheld"],
    ) == withheld
    if withheld[1]:
        assert first["storyboard"]["frames"] == [] and first["storyboard"]["frame_count"] == 3
    if withheld[2]:
        assert first["pitch"]["what"] is None and first["pitch"]["barriers_other"] == []
    assert len(first["offers"]) == 2  # which table offered what is not anyone's words


async def test_nothing_yet_to_show(db: Session, client: httpx.AsyncClient, scene: Scene) -> None:
    fresh = make_table(db, scene.workshop)
    choose(db, fresh, "A new idea", None)  # chosen and pitched, no storyboard frame yet
    unchosen = make_table(db, scene.workshop)
    tables = await tables_of(client, scene)
    assert tables[fresh.number]["storyboard"] is None
    assert tables[fresh.number]["pitch"]["words_withheld"] is False
    assert tables[unchosen.number] | {"idea_count": 0} == {
        "number": unchosen.number,
        "name": None,
        "idea_count": 0,
        "chosen_idea": None,
        "storyboard": None,
        "pitch": None,
        "offers": [],
    }
