"""Cooperative pitches in the browser: a table writes its pitch, another table offers help, the
facilitator runs presenter mode with keys and buttons; axe-clean in English and Welsh."""

import json
import uuid
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from sqlmodel import Session, select

from backend.config import PROJECT_ROOT, Settings
from backend.db import make_engine
from backend.models import (
    DecidedBy,
    Idea,
    Participant,
    Phase,
    TableChoice,
    Workshop,
    WorkshopTable,
)
from tests.browser.axe import assert_accessible
from tests.browser.helpers import api, api_create_session, api_join, api_sign_up, switch_language

AREAS = PROJECT_ROOT / "frontend" / "src" / "i18n" / "areas"


@cache
def _area(lang: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for area in ("pitches", "combinations"):
        merged |= json.loads((AREAS / f"{area}.{lang}.json").read_text(encoding="utf-8"))
    return merged


def tr(lang: str, key: str, **values: object) -> str:
    node: Any = _area(lang)
    for part in key.split("."):
        node = node[part]
    for name, value in values.items():
        node = node.replace("{{" + name + "}}", str(value))
    return str(node)


def set_phase(data_dir: Path, session_id: str, phase: Phase) -> None:
    url = f"sqlite:///{data_dir / 'cyd.sqlite3'}"
    engine = make_engine(Settings(database_url=url, data_dir=data_dir))
    with Session(engine) as db:
        workshop = db.exec(select(Workshop).where(Workshop.id == uuid.UUID(session_id))).one()
        workshop.phase = phase
        db.add(workshop)
        db.commit()
    engine.dispose()


def arrange_tables(data_dir: Path, session_id: str, people: list[list[str]]) -> None:
    """Seat the people (by participant id) at numbered tables, each with its chosen idea, give
    table 2 a social strength, and move the session to the pitch phase."""
    url = f"sqlite:///{data_dir / 'cyd.sqlite3'}"
    engine = make_engine(Settings(database_url=url, data_dir=data_dir))
    wid = uuid.UUID(session_id)
    with Session(engine) as db:
        for number, members in enumerate(people, start=1):
            table = WorkshopTable(workshop_id=wid, number=number)
            db.add(table)
            db.flush()
            for pid in members:
                person = db.exec(select(Participant).where(Participant.id == uuid.UUID(pid))).one()
                person.table_id = table.id
                if number == 2:
                    person.strengths = {"social": "I know the bus drivers"}
                db.add(person)
            idea = Idea(workshop_id=wid, table_id=table.id, text=f"Idea of table {number}")
            db.add(idea)
            db.flush()
            db.add(
                TableChoice(
                    workshop_id=wid,
                    table_id=table.id,
                    idea_id=idea.id,
                    decided_by=DecidedBy.majority,
                )
            )
        workshop = db.exec(select(Workshop).where(Workshop.id == wid)).one()
        workshop.phase = Phase.pitch
        db.add(workshop)
        db.commit()
    engine.dispose()


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
    phones: list[BrowserContext] = [new_context(), new_context()]
    ids = [
        api_join(phone, base_url, session["join_code"], name)["participant"]["id"]
        for phone, name in zip(phones, ("Alaw", "Bryn"), strict=True)
    ]
    arrange_tables(server_data_dir, session["id"], [[ids[0]], [ids[1]]])
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


def test_combine_and_facilitator_overview(room: dict[str, Any], server_data_dir: Path) -> None:
    set_phase(server_data_dir, room["session"]["id"], Phase.combine)
    alaw = room["phones"][0].new_page()
    alaw.goto("/me/combine")
    expect(
        alaw.get_by_role("heading", level=1, name=tr("en", "combinations.title"))
    ).to_be_visible()
    expect(alaw.get_by_test_id("combine-my-idea")).to_have_text("Idea of table 1")
    alaw.get_by_label(tr("en", "combinations.table")).select_option(
        label=tr("en", "combinations.tableOption", number=2, idea="Idea of table 2")
    )
    alaw.get_by_label(tr("en", "combinations.text")).fill("Bus buddies who know the drivers")
    alaw.get_by_test_id("propose-send").click()
    expect(alaw.get_by_test_id("combine-announcer")).to_have_text(
        tr("en", "combinations.proposed", number=2)
    )
    expect(alaw.get_by_test_id("sent-list").get_by_test_id("combination")).to_have_count(1)
    check_both_languages(alaw, "combine (proposer)", tr("cy", "combinations.title"))

    bryn = room["phones"][1].new_page()
    bryn.goto("/me/combine")
    received = bryn.get_by_test_id("received-list").get_by_test_id("combination")
    expect(received).to_contain_text("Bus buddies who know the drivers")
    check_both_languages(bryn, "combine (receiver)", tr("cy", "combinations.title"))
    received.get_by_test_id("combination-accept").click()
    expect(received.get_by_test_id("combination-status")).to_contain_text(
        tr("en", "combinations.status.accepted")
    )
    expect(bryn.get_by_test_id("combine-my-idea")).to_have_text("Bus buddies who know the drivers")

    host = room["facilitator"].new_page()
    host.goto(f"/sessions/{room['session']['id']}/pitches")
    item = host.get_by_test_id("overview-combination")
    expect(item).to_contain_text(tr("en", "combinations.status.accepted"))
    assert_accessible(host, "pitches overview (en)")
    switch_language(host, "cy")
    expect(item).to_contain_text(tr("cy", "combinations.status.accepted"))
    assert_accessible(host, "pitches overview (cy)")
