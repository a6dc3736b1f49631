"""Storyboards in the browser: a member builds frames with a picture, reorders one with the
keyboard-reachable buttons (announced), a refused file is explained, the facilitator sees the
storyboard and it prints without chrome; axe-clean in English and Welsh."""

import io
import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, Page, expect
from sqlmodel import Session, select

from backend.config import PROJECT_ROOT, Settings
from backend.db import make_engine
from backend.models import DecidedBy, Idea, Participant, Phase, TableChoice, Workshop, WorkshopTable
from tests.browser.axe import assert_accessible
from tests.browser.helpers import api_create_session, api_join, api_sign_up, switch_language

AREAS = PROJECT_ROOT / "frontend" / "src" / "i18n" / "areas"
IDEA = "A bus buddy for the first journey"


@cache
def _area(lang: str) -> dict[str, Any]:
    return dict(json.loads((AREAS / f"storyboards.{lang}.json").read_text(encoding="utf-8")))


def tr(lang: str, key: str, **values: object) -> str:
    node: Any = _area(lang)
    for part in key.split("."):
        node = node[part]
    for name, value in values.items():
        node = node.replace("{{" + name + "}}", str(value))
    return str(node)


def arrange_table(data_dir: Path, session_id: str, participant_id: str) -> None:
    """Seat the participant at table 1, which has chosen its idea; the session at storyboard."""
    url = f"sqlite:///{data_dir / 'cyd.sqlite3'}"
    engine = make_engine(Settings(database_url=url, data_dir=data_dir))
    wid = uuid.UUID(session_id)
    with Session(engine) as db:
        table = WorkshopTable(workshop_id=wid, number=1, name="Glas")
        db.add(table)
        db.flush()
        person = db.exec(
            select(Participant).where(Participant.id == uuid.UUID(participant_id))
        ).one()
        person.table_id = table.id
        db.add(person)
        idea = Idea(workshop_id=wid, table_id=table.id, text=IDEA)
        db.add(idea)
        db.flush()
        db.add(
            TableChoice(
                workshop_id=wid, table_id=table.id, idea_id=idea.id, decided_by=DecidedBy.majority
            )
        )
        workshop = db.exec(select(Workshop).where(Workshop.id == wid)).one()
        workshop.phase = Phase.storyboard
        db.add(workshop)
        db.commit()
    engine.dispose()


def png(size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, "PNG")
    return out.getvalue()


def check_both_languages(page: Page, screen: str, heading: str) -> None:
    assert_accessible(page, f"{screen} (en)")
    switch_language(page, "cy")
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    assert_accessible(page, f"{screen} (cy)")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


@pytest.fixture
def room(new_context, base_url: str, server_data_dir: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    facilitator: BrowserContext = new_context(phone=False)
    account = api_sign_up(facilitator, base_url)
    session = api_create_session(
        facilitator,
        base_url,
        account["memberships"][0]["organisation_id"],
        title_en="Better buses",
        title_cy="Bysiau gwell",
    )
    phone: BrowserContext = new_context()
    me = api_join(phone, base_url, session["join_code"], "Alaw")["participant"]
    arrange_table(server_data_dir, session["id"], me["id"])
    return {"facilitator": facilitator, "phone": phone, "session": session}


def add_frame(page: Page, title: str, what: str, who: str = "", where: str = "") -> None:
    form = page.get_by_test_id("frame-form")
    form.get_by_label(tr("en", "storyboards.form.title"), exact=True).fill(title)
    form.get_by_label(tr("en", "storyboards.form.whatHappens")).fill(what)
    if who:
        form.get_by_label(tr("en", "storyboards.form.who")).fill(who)
    if where:
        form.get_by_label(tr("en", "storyboards.form.where")).fill(where)


def test_build_reorder_and_facilitator_view(room: dict[str, Any]) -> None:
    alaw = room["phone"].new_page()
    alaw.goto("/me/storyboard")
    expect(alaw.get_by_role("heading", level=1, name=tr("en", "storyboards.title"))).to_be_visible()
    expect(alaw.get_by_test_id("storyboard-idea")).to_have_text(IDEA)
    announcer = alaw.get_by_test_id("storyboard-announcer")

    add_frame(alaw, "Hear about it", "A poster at the surgery", who="Receptionist")
    alaw.get_by_role("button", name=tr("en", "storyboards.form.add")).click()
    expect(announcer).to_have_text(tr("en", "storyboards.added", position=1))

    # A disguised file is refused with the server's explanation, and nothing is attached.
    form = alaw.get_by_test_id("frame-form")
    chooser = form.get_by_label(tr("en", "storyboards.picture.choose"))
    chooser.set_input_files(
        {"name": "setup.png", "mimeType": "image/png", "buffer": b"MZ\x90\x00not a picture"}
    )
    expect(form.get_by_text("Only PNG, JPEG and WebP pictures can be uploaded")).to_be_visible()
    expect(form.get_by_test_id("picture-preview")).to_have_count(0)

    add_frame(alaw, "Meet the buddy", "They travel together", where="Bus station")
    chooser.set_input_files({"name": "buddy.png", "mimeType": "image/png", "buffer": png()})
    expect(form.get_by_test_id("picture-preview")).to_be_visible()
    alaw.get_by_role("button", name=tr("en", "storyboards.form.add")).click()
    # A picture without a description is not sent.
    alt = form.get_by_label(tr("en", "storyboards.picture.alt"), exact=True)
    expect(alt).to_be_focused()
    alt.fill("Two people waiting at a bus stop")
    alaw.get_by_role("button", name=tr("en", "storyboards.form.add")).click()
    expect(announcer).to_have_text(tr("en", "storyboards.added", position=2))

    frames = alaw.get_by_test_id("frame")
    expect(frames).to_have_count(2)
    picture = frames.nth(1).get_by_role("img", name="Two people waiting at a bus stop")
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.naturalWidth") == 64

    # Reorder with the keyboard: the moved frame's button keeps focus; the move is announced.
    label = tr("en", "storyboards.frameLabel", position=2, title="Meet the buddy")
    move_up = alaw.get_by_role("button", name=f"{tr('en', 'storyboards.moveUp')} ({label})")
    move_up.focus()
    alaw.keyboard.press("Enter")
    expect(announcer).to_have_text(
        tr("en", "storyboards.moved", title="Meet the buddy", position=1, total=2)
    )
    expect(frames.nth(0)).to_contain_text("Meet the buddy")
    expect(frames.nth(1)).to_contain_text("Hear about it")
    expect(alaw.locator(":focus")).to_have_attribute("id", f"move-up-{_frame_id(frames.nth(0))}")
    check_both_languages(alaw, "storyboard editor", tr("cy", "storyboards.title"))

    host = room["facilitator"].new_page()
    host.goto(f"/sessions/{room['session']['id']}/storyboards")
    table = host.get_by_test_id("table-storyboard")
    expect(table.get_by_role("heading", level=2)).to_contain_text("Glas")
    shown = table.get_by_test_id("frame")
    expect(shown).to_have_count(2)
    expect(shown.nth(0)).to_contain_text(
        tr("en", "storyboards.frameHeading", position=1, title="Meet the buddy")
    )
    expect(shown.nth(0).get_by_role("img", name="Two people waiting at a bus stop")).to_be_visible()
    check_both_languages(host, "facilitator storyboards", "Bysiau gwell")

    # Printed: no navigation, no buttons; every frame still there.
    host.emulate_media(media="print")
    expect(host.locator(".site-header")).to_be_hidden()
    expect(host.get_by_role("navigation")).to_have_count(0)
    expect(host.get_by_test_id("print-storyboard")).to_be_hidden()
    expect(shown.nth(1)).to_be_visible()


def _frame_id(frame: Any) -> str:
    heading_id = str(frame.locator("h3").get_attribute("id"))
    return heading_id.removeprefix("frame-")
