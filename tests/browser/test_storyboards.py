"""Storyboards in the browser: a member builds frames with a picture, reorders one with the
keyboard-reachable buttons (announced), a refused file is explained, the facilitator sees the
storyboard and it prints without chrome; a facilitator opens a table's storyboard and adds, edits,
reorders and removes frames on its behalf with the same editor; axe-clean in English and Welsh."""

import io
import uuid
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, Page, expect

from backend.models import Phase
from tests.browser.arrange import (
    api_facilitator_with_session,
    move_to_phase,
    seat_with_chosen_idea,
    server_database,
)
from tests.browser.helpers import api_join, check_both_languages
from tests.browser.helpers import text as tr

IDEA = "A bus buddy for the first journey"


def png(size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def room(new_context, base_url: str, server_data_dir: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Alaw at table 1 ("Glas"), which has chosen its idea; the session at storyboard."""
    facilitator: BrowserContext = new_context(phone=False)
    session = api_facilitator_with_session(facilitator, base_url)
    phone: BrowserContext = new_context()
    me = api_join(phone, base_url, session["join_code"], "Alaw")["participant"]
    with server_database(server_data_dir) as db:
        wid = uuid.UUID(session["id"])
        seat_with_chosen_idea(db, wid, number=1, participant_ids=[me["id"]], idea=IDEA, name="Glas")
        move_to_phase(db, wid, Phase.storyboard)
    return {"facilitator": facilitator, "phone": phone, "session": session}


def add_frame(page: Page, title: str, what: str, who: str = "", where: str = "") -> None:
    form = page.get_by_test_id("frame-form").last  # the "add" form comes after the frames
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


def test_facilitator_edits_a_tables_storyboard(room: dict[str, Any]) -> None:
    host = room["facilitator"].new_page()
    sid = room["session"]["id"]
    host.goto(f"/sessions/{sid}/storyboards")
    name = tr("en", "storyboards.facilitator.tableNamed", number=1, name="Glas")
    host.get_by_role("link", name=tr("en", "storyboards.facilitator.edit", name=name)).click()
    heading = host.get_by_role("heading", level=2, name=name)
    expect(heading).to_be_focused()
    expect(host.get_by_test_id("storyboard-idea")).to_have_text(IDEA)
    expect(host.get_by_text(tr("en", "storyboards.facilitator.onBehalf"))).to_be_visible()
    announcer = host.get_by_test_id("storyboard-announcer")
    add_button = host.get_by_role("button", name=tr("en", "storyboards.form.add"))

    add_frame(host, "Hear about it", "A poster at the surgery")
    add_button.click()
    expect(announcer).to_have_text(tr("en", "storyboards.added", position=1))
    add_frame(host, "Meet the buddy", "They travel together")
    form = host.get_by_test_id("frame-form")
    form.get_by_label(tr("en", "storyboards.picture.choose")).set_input_files(
        {"name": "buddy.png", "mimeType": "image/png", "buffer": png()}
    )
    expect(form.get_by_test_id("picture-preview")).to_be_visible()
    form.get_by_label(tr("en", "storyboards.picture.alt"), exact=True).fill("Two people at a stop")
    add_button.click()
    expect(announcer).to_have_text(tr("en", "storyboards.added", position=2))
    frames = host.get_by_test_id("frame")
    expect(frames).to_have_count(2)
    expect(frames.nth(0)).to_contain_text(tr("en", "storyboards.byFacilitator"))
    expect(frames.nth(1).get_by_role("img", name="Two people at a stop")).to_be_visible()

    # Reorder with the keyboard; the move is announced and focus stays on the moved frame.
    label = tr("en", "storyboards.frameLabel", position=2, title="Meet the buddy")
    move_up = host.get_by_role("button", name=f"{tr('en', 'storyboards.moveUp')} ({label})")
    move_up.focus()
    host.keyboard.press("Enter")
    expect(announcer).to_have_text(
        tr("en", "storyboards.moved", title="Meet the buddy", position=1, total=2)
    )
    expect(frames.nth(0)).to_contain_text("Meet the buddy")
    expect(host.locator(":focus")).to_have_attribute("id", f"move-up-{_frame_id(frames.nth(0))}")

    # Edit the first frame in place.
    label = tr("en", "storyboards.frameLabel", position=1, title="Meet the buddy")
    host.get_by_role("button", name=f"{tr('en', 'storyboards.edit')} ({label})").click()
    editing = host.get_by_test_id("frame-form").first
    editing.get_by_label(tr("en", "storyboards.form.title"), exact=True).fill("Meet your buddy")
    editing.get_by_role("button", name=tr("en", "storyboards.form.save")).click()
    expect(announcer).to_have_text(tr("en", "storyboards.saved"))
    expect(frames.nth(0)).to_contain_text("Meet your buddy")

    # Remove the second, after confirming.
    label = tr("en", "storyboards.frameLabel", position=2, title="Hear about it")
    host.get_by_role("button", name=f"{tr('en', 'storyboards.remove')} ({label})").click()
    dialog = host.get_by_role(
        "alertdialog", name=tr("en", "storyboards.removeConfirm", title="Hear about it")
    )
    dialog.get_by_role("button", name=tr("en", "storyboards.removeYes")).click()
    expect(announcer).to_have_text(tr("en", "storyboards.removed", title="Hear about it"))
    expect(frames).to_have_count(1)
    host.screenshot(path="/tmp/combos-facilitator-storyboard.png", full_page=True)
    check_both_languages(host, "facilitator storyboard editor", "Bysiau gwell")

    # The table sees what was written on its behalf.
    alaw = room["phone"].new_page()
    alaw.goto("/me/storyboard")
    seen = alaw.get_by_test_id("frame")
    expect(seen).to_have_count(1)
    expect(seen.nth(0)).to_contain_text("Meet your buddy")
    expect(seen.nth(0)).to_contain_text(tr("en", "storyboards.byFacilitator"))

    host.get_by_test_id("storyboards-back").click()
    expect(host.get_by_test_id("table-storyboard").get_by_test_id("frame")).to_have_count(1)
