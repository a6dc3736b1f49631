"""Combining across tables in the browser: a member of table 1 drafts a combination, a tablemate
sees it live and supports it with the keyboard, so a majority of table 1 sends it; table 2 accepts;
the new idea shows both parents. A draft is withdrawn through its confirmation, another is sent by
the facilitator when time is up. Axe-clean in English and Welsh."""

import uuid
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from backend.models import Phase
from tests.browser.arrange import (
    api_facilitator_with_session,
    move_to_phase,
    seat_tables_with_chosen_ideas,
    server_database,
)
from tests.browser.axe import assert_accessible
from tests.browser.helpers import api_join, check_both_languages, switch_language
from tests.browser.helpers import text as tr

COMBINED = "Bus buddies who know the drivers"


@pytest.fixture
def room(new_context, base_url: str, server_data_dir: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Alaw and Cai at table 1, Bryn at table 2, Dafydd at table 3, in the combine phase;
    everyone has just joined, so everyone is present: table 1 needs both its members to send a
    proposal."""
    facilitator: BrowserContext = new_context(phone=False)
    session = api_facilitator_with_session(facilitator, base_url)
    names = ("Alaw", "Cai", "Bryn", "Dafydd")
    phones: dict[str, BrowserContext] = {name: new_context() for name in names}
    ids = {
        name: api_join(phones[name], base_url, session["join_code"], name)["participant"]["id"]
        for name in names
    }
    with server_database(server_data_dir) as db:
        wid = uuid.UUID(session["id"])
        seat_tables_with_chosen_ideas(
            db, wid, [[ids["Alaw"], ids["Cai"]], [ids["Bryn"]], [ids["Dafydd"]]]
        )
        move_to_phase(db, wid, Phase.combine)
    return {"facilitator": facilitator, "phones": phones, "session": session}


def open_combine(context: BrowserContext) -> Page:
    page = context.new_page()
    page.goto("/me/combine")
    expect(
        page.get_by_role("heading", level=1, name=tr("en", "combinations.title"))
    ).to_be_visible()
    return page


def draft(page: Page, number: int, text: str) -> None:
    page.get_by_label(tr("en", "combinations.table")).select_option(
        label=tr("en", "combinations.tableOption", number=number, idea=f"Idea of table {number}")
    )
    page.get_by_label(tr("en", "combinations.text")).fill(text)
    page.get_by_test_id("propose-send").click()
    expect(page.get_by_test_id("combine-announcer")).to_have_text(
        tr("en", "combinations.proposed", number=number)
    )


def card(page: Page, section: str, text: str) -> Locator:
    return (
        page.get_by_test_id(f"{section}-list").get_by_test_id("combination").filter(has_text=text)
    )


def test_table_agrees_other_table_accepts(room: dict[str, Any]) -> None:
    phones = room["phones"]
    cai = open_combine(phones["Cai"])
    alaw = open_combine(phones["Alaw"])
    expect(alaw.get_by_test_id("combine-my-idea")).to_have_text("Idea of table 1")
    draft(alaw, 2, COMBINED)
    mine = card(alaw, "drafts", COMBINED)
    expect(mine.get_by_test_id("combination-support")).to_have_text(
        tr("en", "combinations.supportCount.send", supporting=1, needed=2, present=2)
    )
    expect(mine).to_contain_text(tr("en", "combinations.youDrafted"))

    # Cai sees the draft without reloading, and supports it with the keyboard: it is sent.
    waiting = card(cai, "drafts", COMBINED)
    expect(waiting).to_be_visible(timeout=15_000)
    check_both_languages(cai, "combine (draft to support)", tr("cy", "combinations.title"))
    support = waiting.get_by_role("button", name=tr("en", "combinations.support"))
    support.focus()
    cai.keyboard.press("Enter")
    expect(cai.get_by_test_id("combine-announcer")).to_have_text(
        tr("en", "combinations.done.support")
    )
    sent = card(cai, "sent", COMBINED)
    expect(sent.get_by_role("heading", level=3)).to_be_focused()  # focus follows the proposal
    expect(sent.get_by_test_id("combination-status")).to_have_text(
        tr("en", "combinations.status.open")
    )
    expect(sent).to_contain_text(tr("en", "combinations.sentBy.majority"))
    expect(sent.get_by_test_id("combination-support")).to_have_text(
        tr("en", "combinations.supportCount.withdraw", supporting=0, needed=2, present=2)
    )
    expect(card(alaw, "sent", COMBINED)).to_be_visible(timeout=15_000)

    bryn = open_combine(phones["Bryn"])
    received = card(bryn, "received", COMBINED)
    expect(received.get_by_test_id("combination-count")).to_have_text(
        tr("en", "combinations.count", accept=0, decline=0, needed=1, present=1)
    )
    check_both_languages(bryn, "combine (receiver)", tr("cy", "combinations.title"))
    received.get_by_test_id("combination-accept").click()
    decided = card(bryn, "decided", COMBINED)
    expect(decided.get_by_test_id("combination-status")).to_contain_text(
        tr("en", "combinations.status.accepted")
    )
    expect(bryn.get_by_test_id("combine-my-idea")).to_have_text(COMBINED)
    parents = bryn.get_by_test_id("combine-parents").get_by_role("listitem")
    expect(parents).to_have_text(
        [
            tr("en", "combinations.parent", number=1, idea="Idea of table 1"),
            tr("en", "combinations.parent", number=2, idea="Idea of table 2"),
        ]
    )
    # Table 1 carries the combined idea too, with the same parents, live.
    expect(alaw.get_by_test_id("combine-my-idea")).to_have_text(COMBINED, timeout=15_000)
    expect(alaw.get_by_test_id("combine-parents").get_by_role("listitem")).to_have_count(2)
    check_both_languages(alaw, "combine (combined idea)", tr("cy", "combinations.title"))
    alaw.screenshot(path="/tmp/combos-combined.png", full_page=True)


def test_withdraw_a_draft_and_facilitator_sends_one(room: dict[str, Any]) -> None:
    phones = room["phones"]
    alaw = open_combine(phones["Alaw"])
    draft(alaw, 3, "A first try")
    first = card(alaw, "drafts", "A first try")
    first.get_by_test_id("combination-withdraw-draft").click()
    dialog = alaw.get_by_role("alertdialog", name=tr("en", "combinations.withdrawConfirm"))
    expect(dialog).to_be_visible()
    assert_accessible(alaw, "withdraw confirmation (en)")
    dialog.get_by_role("button", name=tr("en", "combinations.withdrawYes")).click()
    gone = card(alaw, "decided", "A first try")
    expect(gone.get_by_test_id("combination-status")).to_have_text(
        f"{tr('en', 'combinations.status.withdrawn')} "
        f"({tr('en', 'combinations.withdrawnBy.drafter')})"
    )
    expect(alaw.get_by_test_id("drafts-list").get_by_test_id("combination")).to_have_count(0)
    # Table 3 never saw it.
    dafydd = open_combine(phones["Dafydd"])
    expect(dafydd.get_by_test_id("received-list")).to_contain_text(tr("en", "combinations.none"))

    draft(alaw, 3, "A second try")
    host = room["facilitator"].new_page()
    host.goto(f"/sessions/{room['session']['id']}/pitches")
    item = host.get_by_test_id("overview-combination").filter(has_text="A second try")
    expect(item.get_by_test_id("combination-status")).to_have_text(
        tr("en", "combinations.status.draft")
    )
    assert_accessible(host, "pitches overview (en)")
    switch_language(host, "cy")
    expect(item.get_by_test_id("combination-status")).to_have_text(
        tr("cy", "combinations.status.draft")
    )
    assert_accessible(host, "pitches overview (cy)")
    host.get_by_role("button", name="English").click()
    item.get_by_test_id("overview-send").click()
    expect(item).to_contain_text(tr("en", "combinations.sentBy.facilitator"))
    host.screenshot(path="/tmp/combos-overview.png", full_page=True)
    expect(card(dafydd, "received", "A second try")).to_be_visible(timeout=15_000)
    expect(alaw.get_by_test_id("sent-list")).to_contain_text("A second try", timeout=15_000)
