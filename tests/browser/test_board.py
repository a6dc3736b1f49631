"""The table's ideas board, live: a participant makes two themes, moves ideas into them with the
keyboard (a tablemate's screen follows at once), combines two ideas into a new one (the
originals stay, shown as combined) and repurposes one. axe-core checks the board with its
themes in English and Welsh. The facilitator's dashboard then shows who is present and the
ideas over time."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.helpers import api, text
from tests.browser.live_helpers import (
    Axe,
    api_add_idea,
    arrange_table,
    assert_not_reloaded,
    ideas_in,
    mark_page,
    set_language,
    wait_live,
)

IDEAS = [
    "A minibus that waits for the last train",
    "Bus times on the village noticeboard",
    "Half fares for young carers",
    "A lift-share board at the surgery",
]
THEMES = ["Transport", "Money"]


@pytest.fixture(autouse=True, scope="module")
def _expect_waits_like_actions() -> Iterator[None]:
    """`expect` waits as long as the contexts' actions do (20 s), for a slow machine."""
    before = expect._timeout
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=before)


def theme_section(page: Page, name: str) -> Locator:
    return page.get_by_test_id("theme").filter(has=page.get_by_role("heading", level=2, name=name))


def card(scope: Page | Locator, idea: str) -> Locator:
    """An idea on the board, or in one theme's section of it."""
    return scope.get_by_test_id("idea").filter(has_text=idea)


def move_by_keyboard(page: Page, idea: str, key: str) -> None:
    """Focus the idea's theme select and change it with one key press, as a keyboard user does."""
    select = card(page, idea).get_by_role("combobox", name=text("en", "board.themeFor"))
    select.focus()
    page.keyboard.press(key)


def test_sort_combine_and_repurpose_on_the_board(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    people = ["Heledd", "Iolo"]
    table = arrange_table(new_context, base_url, people, phase="ideate")
    for n, idea in enumerate(IDEAS):
        api_add_idea(table.phones[people[n % 2]], base_url, idea)
    axe = Axe()

    boards: dict[str, Page] = {}
    for name in people:
        boards[name] = table.phones[name].new_page()
        boards[name].goto("/me/board")
        expect(ideas_in(boards[name])).to_have_count(len(IDEAS))
        wait_live(boards[name])
        mark_page(boards[name])
    heledd, iolo = boards["Heledd"], boards["Iolo"]

    # Two themes, typed in and added with Enter; both boards show them at once.
    for theme in THEMES:
        box = heledd.get_by_role("textbox", name=text("en", "board.newTheme"))
        box.fill(theme)
        box.press("Enter")
        expect(theme_section(heledd, theme)).to_have_count(1)
    for page in boards.values():
        expect(page.get_by_test_id("theme")).to_have_count(2)
        for theme in THEMES:
            expect(
                theme_section(page, theme).get_by_text(text("en", "board.themeEmpty"))
            ).to_be_visible()

    # Keyboard moves: the first theme is one step down the list; "Money" is found by typing M.
    move_by_keyboard(heledd, IDEAS[0], "ArrowDown")
    expect(card(theme_section(heledd, "Transport"), IDEAS[0])).to_have_count(1)
    move_by_keyboard(heledd, IDEAS[1], "ArrowDown")
    move_by_keyboard(heledd, IDEAS[2], "m")
    expect(card(theme_section(heledd, "Money"), IDEAS[2])).to_have_count(1)
    # Iolo's board follows live, without a reload.
    transport = theme_section(iolo, "Transport")
    expect(transport.get_by_test_id("idea")).to_have_count(2)
    expect(card(transport, IDEAS[0])).to_have_count(1)
    expect(card(transport, IDEAS[1])).to_have_count(1)
    expect(card(theme_section(iolo, "Money"), IDEAS[2])).to_have_count(1)
    expect(iolo.get_by_test_id("no-theme").get_by_test_id("idea")).to_have_count(1)

    axe.check(heledd, "ideas board with two themes")
    set_language(heledd, "cy")
    expect(heledd.get_by_test_id("theme")).to_have_count(2)
    axe.check(heledd, "ideas board with two themes")
    set_language(heledd, "en")

    # Select the two transport ideas and combine them into a new one.
    for idea in IDEAS[:2]:
        card(heledd, idea).get_by_role("checkbox").check()
    expect(heledd.get_by_text(text("en", "board.selected_other", count=2))).to_be_visible()
    heledd.get_by_role("button", name=text("en", "board.combineN_other", count=2)).click()
    dialog = heledd.get_by_role("dialog", name=text("en", "board.combineTitle_other", count=2))
    combined = "A minibus timed to the train, its times on the noticeboard"
    dialog.get_by_role("textbox", name=text("en", "board.combineText")).fill(combined)
    dialog.get_by_role("button", name=text("en", "board.combine"), exact=True).click()
    expect(dialog).to_have_count(0)

    for page in boards.values():
        new = card(page, combined)
        expect(new).to_have_count(1)
        expect(new).to_contain_text(text("en", "board.fromCombined_other", count=2))
        # The originals leave the board but stay, listed as combined.
        for idea in IDEAS[:2]:
            expect(card(page, idea)).to_have_count(0)
        parents = page.locator("details.combined-ideas")
        expect(parents.locator("summary")).to_have_text(text("en", "board.combinedIdeas", count=2))
        for idea in IDEAS[:2]:
            expect(parents.get_by_text(idea, exact=True)).to_be_attached()
    # The combined idea keeps the theme its parents shared.
    expect(card(theme_section(iolo, "Transport"), combined)).to_have_count(1)

    # Repurpose the half fares idea: a new idea, the original stays.
    card(heledd, IDEAS[2]).get_by_role(
        "button", name=text("en", "board.actionsFor", text=IDEAS[2])
    ).click()
    heledd.get_by_role("menuitem", name=text("en", "board.repurpose")).click()
    dialog = heledd.get_by_role("dialog", name=text("en", "board.repurposeTitle"))
    reused = "Half fares for volunteers who drive the minibus"
    dialog.get_by_role("textbox", name=text("en", "board.repurposeText")).fill(reused)
    dialog.get_by_role("button", name=text("en", "board.repurpose"), exact=True).click()
    expect(dialog).to_have_count(0)
    for page in boards.values():
        expect(card(page, reused)).to_contain_text(text("en", "board.fromRepurposed"))
        expect(card(page, IDEAS[2])).to_have_count(1)
        expect(ideas_in(page)).to_have_count(4)  # combined, half fares, lift-share, repurposed

    ideas = {i["text"]: i for i in table.server_ideas()}
    assert ideas[IDEAS[0]]["status"] == ideas[IDEAS[1]]["status"] == "combined"
    assert sorted(ideas[combined]["parent_ids"]) == sorted(ideas[i]["id"] for i in IDEAS[:2])
    assert ideas[reused]["repurposed_from_id"] == ideas[IDEAS[2]]["id"]
    for page in boards.values():
        assert_not_reloaded(page)

    axe.check(iolo, "ideas board after combining and repurposing")
    set_language(iolo, "cy")
    axe.check(iolo, "ideas board after combining and repurposing")
    axe.assert_clean()

    # The facilitator's dashboard: both members present (from the progress alone), and the
    # chart counts the four original ideas (combined and repurposed ones are not new ideas).
    dash = table.facilitator.new_page()
    dash.goto(f"/sessions/{table.session_id}/live")
    expect(dash.get_by_test_id("connected-1")).to_have_text(
        text("en", "liveDashboard.connected", connected=2, seated=2)
    )
    expect(dash.get_by_test_id("chart-summary")).to_contain_text(
        text("en", "liveDashboard.chart.summary").split("{{total}}")[0] + "4,"
    )


def test_the_tables_board_names_the_organisations_own_perspectives(
    new_context, base_url: str
) -> None:  # type: ignore[no-untyped-def]
    people = ["Nesta", "Owain"]
    table = arrange_table(new_context, base_url, people, phase="tables")
    organisation = table.session["organisation_id"]
    label = {"en": "Unpaid carer", "cy": "Gofalwr di-dâl"}
    api(
        table.facilitator,
        base_url,
        "POST",
        f"/organisations/{organisation}/perspectives",
        {"key": "unpaid_carer", "label": label},
    )
    api(
        table.phones["Nesta"], base_url, "PATCH", "/me/participant", {"perspective": "unpaid_carer"}
    )
    axe = Axe()

    page = table.facilitator.new_page()
    for screen in ("tables", "participants"):
        page.goto(f"/sessions/{table.session_id}/{screen}")
        for lang in ("en", "cy"):
            set_language(page, lang)
            row = page.locator(".member, tr").filter(has_text="Nesta")
            expect(row.locator(".badge")).to_have_text(label[lang])
            expect(page.get_by_text("unpaid_carer", exact=True)).to_have_count(0)
            axe.check(page, f"{screen}, a custom perspective")
        set_language(page, "en")
    axe.assert_clean()
