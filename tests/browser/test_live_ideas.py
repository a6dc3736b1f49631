"""A table at work, live: five phones adding ideas and seeing each other's appear without a
reload; ideas written offline sent exactly once when the connection is back; a lost response
retried with the same Idempotency-Key; then the table votes, scores and chooses one idea, which
the facilitator's live dashboard shows. axe-core checks each screen in English and Welsh."""

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.helpers import text
from tests.browser.live_helpers import (
    Axe,
    add_idea,
    api_add_idea,
    arrange_table,
    assert_not_reloaded,
    ideas_in,
    mark_page,
    open_now,
    set_language,
    wait_live,
)

FIVE = ["Gwenllïan", "Dŵr", "Siân", "Llŷr", "Ffion"]


@pytest.fixture(autouse=True, scope="module")
def _expect_waits_like_actions() -> Iterator[None]:
    """`expect` waits as long as the contexts' actions do (20 s), for a slow machine."""
    before = expect._timeout
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=before)


def test_five_phones_see_each_new_idea_live(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    table = arrange_table(new_context, base_url, FIVE, phase="ideate")
    axe = Axe()

    # Each person opens /me/now (the capture screen, in the ideate phase) and, in a second
    # tab, the table's board, where everyone's ideas are listed.
    capture: dict[str, Page] = {}
    board: dict[str, Page] = {}
    for name in FIVE:
        capture[name] = open_now(table.phones[name], "/me/ideas")
        expect(
            capture[name].get_by_role("heading", level=1, name=text("en", "ideas.title"))
        ).to_be_visible()
        board[name] = table.phones[name].new_page()
        board[name].goto("/me/board")
        expect(
            board[name].get_by_role("heading", level=1, name=text("en", "board.title"))
        ).to_be_visible()
    # The last person reads in Welsh.
    set_language(board[FIVE[-1]], "cy")
    for name in FIVE:
        for page in (capture[name], board[name]):
            wait_live(page)
            mark_page(page)

    ideas = {name: f"{name}: a minibus that waits for the last train" for name in FIVE}
    for n, name in enumerate(FIVE, start=1):
        add_idea(capture[name], ideas[name])
        # It is sent (listed as mine, nothing left waiting) ...
        expect(ideas_in(capture[name]).filter(has_text=ideas[name])).to_have_count(1)
        expect(capture[name].get_by_test_id("queued-ideas")).to_have_count(0)
        # ... and everyone's board shows it at once, without a reload.
        for other in FIVE:
            expect(ideas_in(board[other]).filter(has_text=ideas[name])).to_have_count(1)
            expect(ideas_in(board[other])).to_have_count(n)

    for name in FIVE:
        # Each capture screen lists just its own idea, and counts the table's five.
        expect(ideas_in(capture[name]).locator(".idea__text")).to_have_text([ideas[name]])
        if name != FIVE[-1]:
            expect(capture[name].get_by_test_id("table-progress")).to_contain_text("5 ideas")
        for page in (capture[name], board[name]):
            assert_not_reloaded(page)
    assert table.server_counts() == {idea: 1 for idea in ideas.values()}

    axe.check(board[FIVE[0]], "ideas board, five ideas")
    axe.check(board[FIVE[-1]], "ideas board, five ideas")
    axe.assert_clean()


def test_ideas_written_offline_are_sent_once_when_back_online(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    writer, mate = "Rhodri", "Elin"
    table = arrange_table(new_context, base_url, [writer, mate], phase="ideate")
    axe = Axe()
    phone = open_now(table.phones[writer], "/me/ideas")
    board = table.phones[mate].new_page()
    board.goto("/me/board")
    for page in (phone, board):
        wait_live(page)
        mark_page(page)

    # The wifi drops; three ideas are written; they wait on the phone.
    table.phones[writer].set_offline(True)
    expect(phone.get_by_test_id("connection")).to_have_attribute("data-state", "offline")
    offline = [
        "Offline one: a timetable at every stop",
        "Offline two: a phone line that books a seat",
        "Offline three: bikes on the bus",
    ]
    for idea in offline:
        add_idea(phone, idea)
    queued = phone.get_by_test_id("queued-ideas")
    expect(queued.get_by_test_id("queued-idea").locator(".idea__text")).to_have_text(offline)
    expect(queued.get_by_role("heading", name=text("en", "ideas.waiting", count=3))).to_be_visible()
    expect(ideas_in(phone)).to_have_count(0)
    axe.check(phone, "capture, three ideas waiting")
    set_language(phone, "cy")
    expect(queued.get_by_role("heading", name=text("cy", "ideas.waiting", count=3))).to_be_visible()
    axe.check(phone, "capture, three ideas waiting")
    set_language(phone, "en")
    # Nothing reached the table.
    expect(ideas_in(board)).to_have_count(0)
    assert table.server_counts() == {}

    # The connection comes back: all three are sent by themselves, each exactly once.
    table.phones[writer].set_offline(False)
    expect(queued).to_have_count(0)
    expect(ideas_in(phone)).to_have_count(3)
    for idea in offline:
        expect(ideas_in(phone).filter(has_text=idea)).to_have_count(1)
        expect(ideas_in(board).filter(has_text=idea)).to_have_count(1)
    expect(ideas_in(board)).to_have_count(3)
    assert table.server_counts() == {idea: 1 for idea in offline}
    for page in (phone, board):
        assert_not_reloaded(page)
    axe.assert_clean()
    # Back online, the phase bar no longer says "Offline" (the stream is live again).
    wait_live(phone)


def test_a_lost_response_is_retried_with_the_same_key(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    writer, mate = "Owain", "Mererid"
    table = arrange_table(new_context, base_url, [writer, mate], phase="ideate")
    phone = open_now(table.phones[writer], "/me/ideas")
    board = table.phones[mate].new_page()
    board.goto("/me/board")
    for page in (phone, board):
        wait_live(page)

    # The server stores the first POST, but its answer never reaches the phone.
    keys: list[str | None] = []
    answers: list[dict[str, Any]] = []

    def lose_first_answer(route: Route) -> None:
        if route.request.method != "POST":
            route.continue_()
            return
        keys.append(route.request.headers.get("idempotency-key"))
        response = route.fetch()
        answers.append({"status": response.status, "body": response.json()})
        if len(keys) == 1:
            route.abort("connectionreset")
        else:
            route.fulfill(response=response)

    phone.route("**/api/v1/me/table/ideas", lose_first_answer)
    idea = "A bus that waits when the train is late"
    add_idea(phone, idea)
    expect(phone.get_by_test_id("queued-idea").filter(has_text=idea)).to_be_visible()

    # The phone tries again by itself, with the same key: one idea, the same answer.
    expect(ideas_in(phone).filter(has_text=idea)).to_have_count(1)
    expect(phone.get_by_test_id("queued-ideas")).to_have_count(0)
    expect(ideas_in(board).filter(has_text=idea)).to_have_count(1)
    assert len(keys) >= 2, keys
    assert keys[0] and set(keys) == {keys[0]}, keys
    assert answers[0]["status"] == 201, answers
    assert all(a["body"]["id"] == answers[0]["body"]["id"] for a in answers), answers
    assert table.server_counts() == {idea: 1}
    expect(ideas_in(phone)).to_have_count(1)
    expect(ideas_in(board)).to_have_count(1)


def _agree(page: Page) -> None:
    page.get_by_test_id("agree-button").click()
    expect(page.get_by_test_id("agree-done")).to_be_visible()


def _stage(page: Page, stage: str) -> None:
    expect(page.get_by_test_id("reduce")).to_have_attribute("data-stage", stage)


def test_the_table_votes_scores_and_chooses_one_idea(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    people = ["Alys", "Bryn", "Catrin"]
    table = arrange_table(new_context, base_url, people, phase="ideate")
    axe = Axe()
    ideas = [
        "A community minibus run by volunteers",
        "Bus times on the village noticeboard",
        "A shared taxi to the station",
        "Free travel for carers",
    ]
    # Their ideas are already on the table (arranged through the API); the board shows them.
    for n, idea in enumerate(ideas):
        api_add_idea(table.phones[people[n % 3]], base_url, idea)
    boards: dict[str, Page] = {}
    for name, lang in (("Alys", "en"), ("Catrin", "cy")):
        boards[name] = table.phones[name].new_page()
        boards[name].goto("/me/board")
        set_language(boards[name], lang)
        expect(ideas_in(boards[name])).to_have_count(4)
        axe.check(boards[name], "ideas board")
        boards[name].close()

    table.phase("reduce")
    dash = table.facilitator.new_page()
    dash.goto(f"/sessions/{table.session_id}/live")
    card = dash.get_by_test_id("table-card-1")
    expect(card.get_by_test_id("reduction-1")).to_contain_text(
        text("en", "liveDashboard.stages.voting")
    )
    expect(dash.get_by_test_id("stream-state")).to_contain_text(
        text("en", "liveDashboard.stream.connected")
    )

    # Alys and Bryn read English, Catrin Welsh.
    phones = {name: open_now(table.phones[name], "/me/reduce") for name in people}
    set_language(phones["Catrin"], "cy")
    for page in phones.values():
        _stage(page, "voting")
        expect(page.get_by_test_id("vote-idea")).to_have_count(4)
        expect(page.get_by_test_id("dots-left")).to_have_attribute("data-left", "5")
        wait_live(page)
    axe.check(phones["Alys"], "reduce: voting")
    axe.check(phones["Catrin"], "reduce: voting")

    # Dots: Alys two on the minibus, Bryn one on the noticeboard, Catrin one on the taxi.
    def vote(name: str, idea: str) -> None:
        page = phones[name]
        row = page.get_by_test_id("vote-idea").filter(has_text=idea)
        before = int(row.get_by_test_id("my-dots").get_attribute("data-dots") or 0)
        row.get_by_test_id("dot-add").click()
        expect(row.get_by_test_id("my-dots")).to_have_attribute("data-dots", str(before + 1))

    vote("Alys", ideas[0])
    vote("Alys", ideas[0])
    vote("Bryn", ideas[1])
    vote("Catrin", ideas[2])
    expect(phones["Alys"].get_by_test_id("dots-left")).to_have_attribute("data-left", "3")
    expect(phones["Bryn"].get_by_test_id("dots-left")).to_have_attribute("data-left", "4")
    # Everyone sees the table's tally live.
    for page in phones.values():
        for idea, dots in zip(ideas, [2, 1, 1, 0], strict=True):
            row = page.get_by_test_id("vote-idea").filter(has_text=idea)
            expect(row.get_by_test_id("idea-tally")).to_have_attribute("data-dots", str(dots))

    # Closing the vote takes a majority of the three present: two.
    _agree(phones["Alys"])
    expect(phones["Bryn"].get_by_test_id("agree-count")).to_have_text(
        text("en", "reduction.agree.count", agreed=1, present=3, needed=2)
    )
    expect(phones["Catrin"].get_by_test_id("agree-count")).to_have_text(
        text("cy", "reduction.agree.count", agreed=1, present=3, needed=2)
    )
    _stage(phones["Bryn"], "voting")
    phones["Bryn"].get_by_test_id("agree-button").click()

    # Scoring: the shortlist is the three ideas with dots, most dots first.
    for page in phones.values():
        _stage(page, "scoring")
        expect(page.get_by_test_id("score-idea")).to_have_count(3)
        expect(page.get_by_test_id("score-idea").locator("h3")).to_have_text(ideas[:3])
    axe.check(phones["Alys"], "reduce: scoring")
    axe.check(phones["Catrin"], "reduce: scoring")
    expect(card.get_by_test_id("reduction-1")).to_contain_text(
        text("en", "liveDashboard.stages.scoring")
    )

    # Each scores the three: the minibus best.
    marks = {ideas[0]: ("5", "4", "5"), ideas[1]: ("3", "3", "2"), ideas[2]: ("2", "3", "3")}
    for page in phones.values():
        for idea, values in marks.items():
            scored = page.get_by_test_id("score-idea").filter(
                has=page.get_by_role("heading", level=3, name=idea, exact=True)
            )
            for criterion, value in zip(
                ("desirability", "feasibility", "viability"), values, strict=True
            ):
                scored.get_by_test_id(f"scale-{criterion}").get_by_role(
                    "radio", name=value, exact=True
                ).check()
            scored.get_by_test_id("score-save").click()
            expect(scored.get_by_test_id("score-saved")).to_be_visible()
    for page in phones.values():
        expect(page.get_by_test_id("scores-total")).to_have_count(3)
        minibus = page.get_by_test_id("score-idea").filter(has_text=ideas[0])
        expect(minibus.get_by_test_id("scores-total")).to_have_attribute("data-total", "42")
    axe.check(phones["Alys"], "reduce: scoring, all scores in")
    _agree(phones["Catrin"])
    phones["Alys"].get_by_test_id("agree-button").click()

    # Choosing: the best total is proposed; two confirmations choose it.
    for page in phones.values():
        _stage(page, "choosing")
        expect(page.get_by_test_id("proposal").locator("h3")).to_have_text(ideas[0])
    axe.check(phones["Alys"], "reduce: choosing")
    axe.check(phones["Catrin"], "reduce: choosing")
    phones["Bryn"].get_by_test_id("confirm-button").click()
    expect(phones["Bryn"].get_by_test_id("confirm-done")).to_be_visible()
    expect(phones["Alys"].get_by_test_id("confirm-count")).to_have_text(
        text("en", "reduction.agree.confirmCount", agreed=1, present=3, needed=2)
    )
    phones["Alys"].get_by_test_id("confirm-button").click()

    for page in phones.values():
        _stage(page, "chosen")
        chosen = page.get_by_test_id("chosen")
        expect(chosen).to_contain_text(ideas[0])
        expect(chosen).to_have_attribute("data-decided-by", "majority")
        expect(page.get_by_test_id("shortlist-item")).to_have_count(3)
    expect(phones["Alys"].get_by_test_id("chosen-how")).to_have_text(
        text("en", "reduction.chosen.byMajority")
    )
    expect(phones["Catrin"].get_by_test_id("chosen-how")).to_have_text(
        text("cy", "reduction.chosen.byMajority")
    )
    axe.check(phones["Alys"], "reduce: chosen")
    axe.check(phones["Catrin"], "reduce: chosen")

    # The facilitator's live dashboard shows the table's choice, live.
    choice = card.get_by_test_id("choice-1")
    expect(choice).to_contain_text(text("en", "liveDashboard.choice"))
    expect(choice).to_contain_text(ideas[0])
    expect(choice).to_contain_text(text("en", "liveDashboard.decidedBy.majority"))
    expect(dash.get_by_test_id("chosen-summary")).to_have_text(
        text("en", "liveDashboard.chosenOf", chosen=1, total=1)
    )
    axe.check(dash, "facilitator live dashboard, a table has chosen")
    set_language(dash, "cy")
    expect(choice).to_contain_text(text("cy", "liveDashboard.choice"))
    expect(choice).to_contain_text(ideas[0])
    expect(card.get_by_test_id("reduction-1")).to_contain_text(
        text("cy", "liveDashboard.stages.chosen")
    )
    axe.check(dash, "facilitator live dashboard, a table has chosen")
    axe.assert_clean()
