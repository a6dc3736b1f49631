"""The session report in the browser: a session that went from ideas through reduction to a
storyboard with a picture (uploaded through the API) and a pitch with an offer of help, read by its facilitator in English
and in Welsh (whatever the interface's language), axe-clean, and printed without app chrome to a
PDF of several pages."""

import io
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, Page, expect
from sqlmodel import select

from backend.kit.clock import utcnow
from backend.models import (
    DecidedBy,
    DotVote,
    Idea,
    IdeaScore,
    Participant,
    Phase,
    Pitch,
    PitchResponse,
    ReductionStage,
    ResponseKind,
    RoundClosure,
    TableChoice,
    TableReduction,
    WorkshopTable,
)
from tests.browser.arrange import api_facilitator_with_session, move_to_phase, server_database
from tests.browser.axe import assert_accessible
from tests.browser.helpers import api, api_join, text

IDEAS = {
    1: ["A bus buddy scheme", "Free buses on Sundays", "Timetables at every stop"],
    2: ["A community minibus", "A ride sharing app"],
}
PICTURE_ALT = "Two people waiting at a bus stop"
OFFER = "We can introduce you to the drivers"


def arrange_reduced_tables(data_dir: Path, session_id: str, people: list[str]) -> list[str]:
    """Seat each person (who agreed to publishing) at their own table, with the ideas they wrote,
    their dots and scores and the table's choice: table 1's closed by a facilitator, table 2's by
    its majority. Returns the table ids."""
    wid = uuid.UUID(session_id)
    start = utcnow() - timedelta(hours=1)
    table_ids = []
    with server_database(data_dir) as db:
        for number, pid in enumerate(people, start=1):
            table = WorkshopTable(
                workshop_id=wid, number=number, name="Glas" if number == 1 else None
            )
            db.add(table)
            db.flush()
            table_ids.append(str(table.id))
            person = db.exec(select(Participant).where(Participant.id == uuid.UUID(pid))).one()
            person.table_id = table.id
            person.consent_publish = True
            person.perspective = "lived_experience" if number == 1 else "policy"
            person.strengths = {"social": "I know the bus drivers"}
            db.add(person)
            ideas = [
                Idea(
                    workshop_id=wid,
                    table_id=table.id,
                    author_id=person.id,
                    text=words,
                    created_at=start + timedelta(minutes=n),
                )
                for n, words in enumerate(IDEAS[number])
            ]
            db.add_all(ideas)
            db.flush()
            by = DecidedBy.facilitator if number == 1 else DecidedBy.majority
            db.add_all(
                [
                    DotVote(
                        workshop_id=wid,
                        table_id=table.id,
                        idea_id=idea.id,
                        participant_id=person.id,
                        dots=len(ideas) - n,
                    )
                    for n, idea in enumerate(ideas)
                ]
                + [
                    IdeaScore(
                        table_id=table.id,
                        idea_id=idea.id,
                        participant_id=person.id,
                        desirability=5 - n,
                        feasibility=4,
                        viability=3,
                    )
                    for n, idea in enumerate(ideas)
                ]
                + [
                    TableReduction(
                        workshop_id=wid,
                        table_id=table.id,
                        stage=ReductionStage.chosen,
                        shortlist=[
                            {"idea_id": str(idea.id), "place": n, "decided_by": "votes"}
                            for n, idea in enumerate(ideas, start=1)
                        ],
                    ),
                    RoundClosure(
                        table_id=table.id,
                        stage=ReductionStage.voting,
                        decided_by=DecidedBy.majority,
                        agreed_ids=[pid],
                        present_count=1,
                    ),
                    RoundClosure(
                        table_id=table.id,
                        stage=ReductionStage.choosing,
                        decided_by=by,
                        agreed_ids=[] if by == DecidedBy.facilitator else [pid],
                        present_count=1,
                    ),
                    TableChoice(
                        workshop_id=wid, table_id=table.id, idea_id=ideas[0].id, decided_by=by
                    ),
                ]
            )
        move_to_phase(db, wid, Phase.storyboard)
    return table_ids


def arrange_pitch_and_offer(data_dir: Path, session_id: str, tables: list[str]) -> None:
    """Table 1's pitch (written by its member) and table 2's offer of help, in the pitch phase."""
    wid = uuid.UUID(session_id)
    first, second = (uuid.UUID(t) for t in tables)
    with server_database(data_dir) as db:
        choice = db.exec(select(TableChoice).where(TableChoice.table_id == first)).one()
        writer = db.exec(select(Participant).where(Participant.table_id == first)).one()
        helper = db.exec(select(Participant).where(Participant.table_id == second)).one()
        pitch = Pitch(
            workshop_id=wid,
            table_id=first,
            idea_id=choice.idea_id,
            what="A buddy for the first bus journey",
            why="People feel safer travelling together",
            barrier_tags=["waiting_for_permission"],
            barriers_other=["Insurance"],
            asks=[{"capital": "social", "note": "Introductions to drivers"}],
            updated_by_participant_id=writer.id,
        )
        db.add(pitch)
        db.flush()
        db.add(
            PitchResponse(
                workshop_id=wid,
                pitch_id=pitch.id,
                table_id=second,
                kind=ResponseKind.offer,
                body=OFFER,
                capitals=["social"],
                author_participant_id=helper.id,
            )
        )
        move_to_phase(db, wid, Phase.pitch)


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 200), "teal").save(out, "PNG")
    return out.getvalue()


def upload_picture(context: BrowserContext, base_url: str, path: str) -> dict[str, Any]:
    csrf = next(c["value"] for c in context.cookies() if c["name"] == "cyd_csrf")
    response = context.request.post(
        f"{base_url}/api/v1{path}",
        headers={"Origin": base_url, "X-CSRF-Token": csrf},
        multipart={"file": {"name": "stop.png", "mimeType": "image/png", "buffer": png()}},
    )
    assert response.ok, response.text()
    return dict(response.json())


@pytest.fixture
def session(new_context, base_url: str, server_data_dir: Path) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    host: BrowserContext = new_context(phone=False)
    made = api_facilitator_with_session(host, base_url)
    sid = made["id"]
    ids = [
        api_join(new_context(), base_url, made["join_code"], name)["participant"]["id"]
        for name in ("Alaw", "Bryn")
    ]
    tables = arrange_reduced_tables(server_data_dir, sid, ids)

    board = f"/sessions/{sid}/tables/{tables[0]}/storyboard"
    picture = upload_picture(host, base_url, f"{board}/images")
    api(host, base_url, "POST", f"{board}/frames", {"title": "Hear about it", "who": "A neighbour"})
    frame = {"title": "Meet the buddy", "where": "The bus station", "image_id": picture["id"]}
    api(host, base_url, "POST", f"{board}/frames", frame | {"image_alt": PICTURE_ALT})

    arrange_pitch_and_offer(server_data_dir, sid, tables)
    return {"host": host, "id": sid}


def test_report_in_both_languages_and_in_print(session: dict[str, Any]) -> None:
    page: Page = session["host"].new_page()
    page.goto(f"/sessions/{session['id']}")
    page.get_by_role("link", name=text("en", "report.link")).click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(text("en", "report.title", title="Better buses"))

    report = page.get_by_test_id("report")
    expect(report).to_have_attribute("lang", "en")
    tables = page.get_by_test_id("report-table")
    expect(tables).to_have_count(2)
    first = tables.nth(0)
    expect(first.get_by_role("heading", level=2)).to_have_text(
        text("en", "report.table.headingNamed", number=1, name="Glas")
    )
    ideas = first.get_by_role("table", name=text("en", "report.table.ideasCaption", number=1))
    for words in IDEAS[1]:
        expect(ideas).to_contain_text(words)
    expect(
        first.get_by_role("table", name=text("en", "report.reduction.shortlistCaption", number=1))
    ).to_be_visible()
    expect(first.get_by_test_id("report-choice")).to_contain_text(
        text("en", "report.reduction.chosenFacilitator")
    )
    expect(first.get_by_test_id("report-frame")).to_have_count(2)
    picture = first.get_by_role("img", name=PICTURE_ALT)
    expect(picture).to_be_visible()
    assert picture.evaluate("img => img.complete && img.naturalWidth") == 320
    expect(first.get_by_test_id("report-pitch")).to_contain_text(
        "A buddy for the first bus journey"
    )
    expect(first.get_by_test_id("report-pitch")).to_contain_text(
        text("en", "report.barriers.waiting_for_permission")
    )
    expect(first.get_by_test_id("report-response")).to_contain_text(OFFER)
    expect(tables.nth(1).get_by_test_id("report-choice")).to_contain_text(
        text("en", "report.reduction.chosenMajority")
    )
    assert "Alaw" not in report.inner_text() and "Bryn" not in report.inner_text()
    assert_accessible(page, "report (en)")
    page.screenshot(path="/tmp/report-en.png", full_page=True)

    # The document in Welsh; the interface stays in English.
    page.get_by_role("radio", name="Cymraeg").check()
    expect(heading).to_have_text(text("cy", "report.title", title="Bysiau gwell"))
    expect(report).to_have_attribute("lang", "cy")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(first.get_by_role("heading", level=2)).to_have_text(
        text("cy", "report.table.headingNamed", number=1, name="Glas")
    )
    expect(
        page.get_by_role("heading", name=text("cy", "report.session.heading"), exact=True)
    ).to_be_visible()
    expect(first.get_by_test_id("report-choice")).to_contain_text(
        text("cy", "report.reduction.chosenFacilitator")
    )
    expect(first.get_by_test_id("report-pitch")).to_contain_text(
        text("cy", "report.barriers.waiting_for_permission")
    )
    expect(page.get_by_role("button", name=text("en", "report.print"))).to_be_visible()
    assert_accessible(page, "report (cy)")
    page.screenshot(path="/tmp/report-cy.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    expect(picture).to_be_visible()
    assert_accessible(page, "report on a phone (cy)")
    page.screenshot(path="/tmp/report-phone.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})

    # Printed: no header, navigation or controls; the document as a PDF of several pages.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("navigation", name=text("en", "nav.label"))).to_be_hidden()
    expect(page.get_by_role("button")).to_have_count(0)
    expect(page.get_by_role("radio")).to_have_count(0)
    expect(picture).to_be_visible()
    page.screenshot(path="/tmp/report-print.png", full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages > 1, pages
    Path("/tmp/report.pdf").write_bytes(pdf)
