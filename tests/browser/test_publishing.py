"""An organiser publishes a session's results; anyone, signed out on a phone, reads them on the
public page: each table's chosen idea, storyboard (with its picture), pitch and who offered help,
and the initiatives with steward, plan and outcome chart, in English and Welsh, axe-clean.
Withdrawing takes the page and the picture down at once."""

import io
import uuid
from datetime import date
from pathlib import Path

from PIL import Image
from playwright.sync_api import BrowserContext, Page, expect

from backend.models import (
    DecidedBy,
    Direction,
    Idea,
    IndicatorUnit,
    Initiative,
    InitiativeAction,
    OutcomeIndicator,
    OutcomeMeasurement,
    Participant,
    Pitch,
    PitchResponse,
    ResponseKind,
    Steward,
    StewardKind,
    StewardMember,
    Storyboard,
    StoryboardFrame,
    TableChoice,
    UploadedImage,
    WorkshopTable,
)
from backend.storyboards.storage import FilesystemImageStore, new_key
from tests.browser.arrange import server_database
from tests.browser.axe import assert_accessible
from tests.browser.helpers import api_create_session, api_sign_up, switch_language, text

IDEA = "A bus buddy for the first journey"
FRAME = "Meet at the stop"
ALT = "Two people waiting at a bus stop"
PITCH = "Volunteers ride along until the trip feels easy"
OFFER = "We can lend the community minibus"
INITIATIVE = "Bus buddies"
INDICATOR = "People who travel on their own"


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), "teal").save(out, "PNG")
    return out.getvalue()


def arrange(data_dir: Path, organisation_id: str, session_id: str) -> None:
    """Two tables of people who agreed to publishing. Table 1 chose an idea, storyboarded it
    with a picture and pitched it; table 2 offered help; the idea became an initiative with a
    steward, an action and a measured outcome. Written to the server's database and store."""
    wid, oid = uuid.UUID(session_id), uuid.UUID(organisation_id)
    with server_database(data_dir) as db:
        one, two = (
            WorkshopTable(workshop_id=wid, number=1),
            WorkshopTable(workshop_id=wid, number=2),
        )
        db.add_all([one, two])
        db.flush()
        alaw = Participant(
            workshop_id=wid, display_name="Alaw", table_id=one.id, consent_publish=True
        )
        bryn = Participant(
            workshop_id=wid, display_name="Bryn", table_id=two.id, consent_publish=True
        )
        db.add_all([alaw, bryn])
        db.flush()
        idea = Idea(workshop_id=wid, table_id=one.id, author_id=alaw.id, text=IDEA)
        db.add(idea)
        db.flush()
        db.add(
            TableChoice(
                workshop_id=wid, table_id=one.id, idea_id=idea.id, decided_by=DecidedBy.majority
            )
        )
        data, key = png(), new_key("png")
        FilesystemImageStore(data_dir / "uploads").put(key, data)
        picture = UploadedImage(
            workshop_id=wid,
            table_id=one.id,
            storage_key=key,
            content_type="image/png",
            width=120,
            height=80,
            bytes=len(data),
            sha256="b" * 64,
        )
        board = Storyboard(workshop_id=wid, table_id=one.id, idea_id=idea.id)
        db.add_all([picture, board])
        db.flush()
        db.add(
            StoryboardFrame(
                storyboard_id=board.id,
                title=FRAME,
                what_happens="They take the 9:10 together",
                who="A volunteer",
                where="The village stop",
                image_id=picture.id,
                image_alt=ALT,
                created_by_participant_id=alaw.id,
            )
        )
        pitch = Pitch(
            workshop_id=wid,
            table_id=one.id,
            idea_id=idea.id,
            what=PITCH,
            why="Fear of getting lost keeps people at home",
            barrier_tags=["hard_work"],
            asks=[{"capital": "physical", "note": "A minibus on Fridays"}],
            updated_by_participant_id=alaw.id,
        )
        db.add(pitch)
        db.flush()
        db.add(
            PitchResponse(
                workshop_id=wid,
                pitch_id=pitch.id,
                table_id=two.id,
                kind=ResponseKind.offer,
                body=OFFER,
                capitals=["physical"],
                author_participant_id=bryn.id,
            )
        )
        initiative = Initiative(
            organisation_id=oid,
            workshop_id=wid,
            table_id=one.id,
            idea_id=idea.id,
            title=INITIATIVE,
            summary="Volunteers who travel with first-time riders",
        )
        db.add(initiative)
        db.flush()
        steward = Steward(
            initiative_id=initiative.id, kind=StewardKind.committee, name="Valley buses group"
        )
        db.add(steward)
        db.flush()
        db.add(
            StewardMember(
                steward_id=steward.id,
                initiative_id=initiative.id,
                display_name="Gwen",
                role_label="Chair",
            )
        )
        db.add(
            InitiativeAction(
                initiative_id=initiative.id,
                title="Recruit",
                owner_role="Chair",
                due_on=date(2030, 9, 1),
            )
        )
        indicator = OutcomeIndicator(
            initiative_id=initiative.id,
            name=INDICATOR,
            unit=IndicatorUnit.percent,
            direction=Direction.increase,
            baseline_value=20,
            baseline_on=date(2030, 1, 1),
            target_value=60,
            target_on=date(2031, 1, 1),
        )
        db.add(indicator)
        db.flush()
        db.add(
            OutcomeMeasurement(
                indicator_id=indicator.id,
                value=35,
                unit=IndicatorUnit.percent,
                measured_on=date(2030, 6, 1),
                source="Passenger survey",
                note="Gwen asked",
            )
        )


def picture_loaded(page: Page) -> None:
    picture = page.get_by_role("img", name=ALT)
    expect(picture).to_be_visible()
    picture.scroll_into_view_if_needed()
    page.wait_for_function(
        "alt => { const i = document.querySelector(`img[alt='${alt}']`);"
        " return i && i.complete && i.naturalWidth > 0; }",
        arg=ALT,
    )


def check_public_page(page: Page, lang: str) -> None:
    expect(
        page.get_by_role("heading", name=text(lang, "publishing.public.choices"))
    ).to_be_visible()
    table = page.get_by_test_id("public-table").first
    expect(
        table.get_by_role("heading", name=text(lang, "publishing.public.table", number=1))
    ).to_be_visible()
    expect(table.get_by_text(IDEA)).to_be_visible()
    expect(table.get_by_role("heading", name=f"1. {FRAME}")).to_be_visible()
    picture_loaded(page)
    expect(table.get_by_test_id("public-pitch")).to_contain_text(PITCH)
    expect(table.get_by_test_id("public-pitch")).to_contain_text(
        text(lang, "pitches.barrierTags.hard_work")
    )
    offered = text(
        lang,
        "publishing.public.offerFrom",
        table=text(lang, "publishing.public.table", number=2),
        capitals=text(lang, "capitals.physical"),
    )
    expect(table.get_by_test_id("public-offers")).to_contain_text(offered)
    initiative = page.get_by_test_id("public-initiative")
    expect(initiative.get_by_role("heading", name=INITIATIVE)).to_be_visible()
    expect(initiative.get_by_test_id("public-steward")).to_contain_text("Valley buses group")
    expect(initiative).to_contain_text("Chair")
    expect(initiative.get_by_test_id("outcome-chart")).to_be_visible()
    initiative.get_by_text(text(lang, "outcomes.chart.tableToggle")).click()
    expect(initiative.get_by_test_id("outcome-table")).to_contain_text("Passenger survey")
    body = page.locator("main").inner_text()
    for private in ["Alaw", "Bryn", "Gwen", "Gwen asked", OFFER]:
        assert private not in body


def test_publish_read_publicly_and_withdraw(
    new_context, base_url: str, server_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    organiser: BrowserContext = new_context(phone=False)
    account = api_sign_up(organiser, base_url)
    organisation_id = account["memberships"][0]["organisation_id"]
    session = api_create_session(
        organiser, base_url, organisation_id, title_en="Valley buses", title_cy="Bysiau'r cwm"
    )
    arrange(server_data_dir, organisation_id, session["id"])
    page = organiser.new_page()
    page.goto(f"/sessions/{session['id']}")
    card = page.get_by_role("region", name=text("en", "publishing.heading"))
    expect(card.get_by_text(text("en", "publishing.notPublished"))).to_be_visible()
    assert_accessible(page, "session overview with publishing")

    card.get_by_role("button", name=text("en", "publishing.publish")).click()
    expect(card.get_by_text(text("en", "publishing.nowPublished"))).to_be_visible()
    public_link = card.get_by_role("link", name=text("en", "publishing.openPublicPage"))
    public_path = public_link.get_attribute("href")
    assert public_path == f"/published/{session['id']}"

    picture_url = ""
    for lang in ("en", "cy"):
        visitor = new_context(locale="en-GB").new_page()  # signed out, a phone
        visitor.goto(public_path)
        switch_language(visitor, lang)
        title = "Valley buses" if lang == "en" else "Bysiau'r cwm"
        expect(visitor.get_by_role("heading", level=1, name=title)).to_be_visible()
        check_public_page(visitor, lang)
        assert_accessible(visitor, f"public session page ({lang})")
        visitor.screenshot(path=f"/tmp/public-page-{lang}.png", full_page=True)
        picture_url = str(visitor.get_by_role("img", name=ALT).get_attribute("src"))

    card.get_by_role("button", name=text("en", "publishing.withdraw")).click()
    expect(card.get_by_text(text("en", "publishing.nowWithdrawn"))).to_be_visible()
    stranger = new_context()
    gone = stranger.new_page()
    gone.goto(public_path)
    expect(
        gone.get_by_role("heading", level=1, name=text("en", "publishing.public.unavailableTitle"))
    ).to_be_visible()
    assert stranger.request.get(f"{base_url}{picture_url}").status == 404
