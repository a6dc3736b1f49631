"""Cooperative pitches in the browser: a table writes its pitch, another table offers help, the
facilitator runs presenter mode with keys and buttons; axe-clean in English and Welsh."""

import uuid
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, expect

from backend.models import Phase
from tests.browser.arrange import (
    api_facilitator_with_session,
    move_to_phase,
    seat_tables_with_chosen_ideas,
    server_database,
)
from tests.browser.axe import assert_accessible
from tests.browser.helpers import api, api_join, check_both_languages, switch_language
from tests.browser.helpers import text as tr


@pytest.fixture
def room(new_context, base_url: str, server_data_dir: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Alaw at table 1 and Bryn at table 2 (which has a social strength), in the pitch phase."""
    facilitator: BrowserContext = new_context(phone=False)
    session = api_facilitator_with_session(facilitator, base_url)
    phones: list[BrowserContext] = [new_context(), new_context()]
    ids = [
        api_join(phone, base_url, session["join_code"], name)["participant"]["id"]
        for phone, name in zip(phones, ("Alaw", "Bryn"), strict=True)
    ]
    with server_database(server_data_dir) as db:
        wid = uuid.UUID(session["id"])
        _, second_table = seat_tables_with_chosen_ideas(db, wid, [[ids[0]], [ids[1]]])
        for person in second_table:
            person.strengths = {"social": "I know the bus drivers"}
        move_to_phase(db, wid, Phase.pitch)
    return {"facilitator": facilitator, "phones": phones, "session": session}


def test_pitch_offer_and_presenter(room: dict[str, Any], base_url: str) -> None:
    alaw = room["phones"][0].new_page()
    alaw.goto("/me/pitch")
    expect(alaw.get_by_role("heading", level=1, name=tr("en", "pitches.title"))).to_be_visible()
    expect(alaw.get_by_test_id("pitch-idea")).to_have_text("Idea of table 1")
    alaw.get_by_label(tr("en", "pitches.what")).fill("A bus buddy scheme")
    alaw.get_by_label(tr("en", "pitches.why")).fill("People feel safer travelling together")
    alaw.get_by_role(
        "checkbox", name=tr("en", "pitches.barrierTags.waiting_for_permission")
    ).check()
    alaw.get_by_label(tr("en", "pitches.otherBarriers")).fill("Insurance")
    alaw.get_by_role("checkbox", name="Social").check()
    alaw.get_by_label(tr("en", "pitches.askNote", capital="Social")).fill(
        "Introductions to drivers"
    )
    alaw.get_by_test_id("pitch-save").click()
    expect(alaw.get_by_test_id("pitch-announcer")).to_have_text(tr("en", "pitches.saved"))
    check_both_languages(alaw, "pitch editor", tr("cy", "pitches.title"))

    bryn = room["phones"][1].new_page()
    bryn.goto("/me/pitches")
    card = bryn.get_by_test_id("other-pitch")
    expect(card).to_have_count(1)
    expect(card.get_by_test_id("pitch-barriers")).to_contain_text("Insurance")
    card.get_by_role("radio", name=tr("en", "pitches.responses.kinds.offer")).check()
    card.get_by_role("checkbox", name="Social").check()
    card.get_by_label(tr("en", "pitches.respond.body")).fill("We can introduce you to drivers")
    card.get_by_test_id("respond-send").click()
    expect(bryn.get_by_test_id("pitches-announcer")).to_have_text(tr("en", "pitches.respond.sent"))
    expect(card.get_by_test_id("pitch-response")).to_contain_text("We can introduce you to drivers")
    check_both_languages(bryn, "other tables' pitches", tr("cy", "pitches.others.title"))

    alaw.reload()
    responses = alaw.get_by_test_id("pitch-response")
    expect(responses).to_contain_text("We can introduce you to drivers")

    host = room["facilitator"].new_page()
    sid = room["session"]["id"]
    host.goto(f"/sessions/{sid}/present")
    host.get_by_test_id("presenter-start").click()
    position = host.get_by_test_id("presenter-position")
    expect(position).to_have_text(tr("en", "presenter.position", number=1, position=1, total=2))
    expect(host.get_by_test_id("presenter-pitch")).to_contain_text("A bus buddy scheme")
    host.keyboard.press("ArrowRight")
    expect(position).to_have_text(tr("en", "presenter.position", number=2, position=2, total=2))
    expect(host.get_by_test_id("presenter-announcer")).to_have_text(
        tr("en", "presenter.announce", number=2, position=2, total=2)
    )
    host.keyboard.press("PageUp")
    expect(position).to_have_text(tr("en", "presenter.position", number=1, position=1, total=2))
    host.get_by_test_id("presenter-next").click()
    expect(position).to_have_text(tr("en", "presenter.position", number=2, position=2, total=2))
    host.get_by_test_id("presenter-previous").click()
    expect(position).to_have_text(tr("en", "presenter.position", number=1, position=1, total=2))
    assert_accessible(host, "presenter (en)")
    switch_language(host, "cy")
    expect(position).to_have_text(tr("cy", "presenter.position", number=1, position=1, total=2))
    assert_accessible(host, "presenter (cy)")

    # Everyone's phone follows the big screen.
    expect(bryn.get_by_test_id("now-presenting")).to_have_text(
        tr("en", "pitches.nowPresenting", number=1, position=1, total=2), timeout=15_000
    )
    state = api(room["facilitator"], base_url, "GET", f"/sessions/{sid}/presenter")
    assert state["position"] == 1 and state["running"]
