"""The workshop journey through the UI only: a facilitator creates a session, six people join
on their phones and fill in their profiles, the facilitator allocates tables and moves someone
with the keyboard, and everyone sees their table (and only the perspectives shared with them)."""

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import create_session, fill_profile, join, join_code_on, sign_up

TITLE_EN = "Buses for the Upper Valley"
TITLE_CY = "Bysiau i Ben y Cwm"

# name, perspective label, human strength, shares their perspective with tablemates
PEOPLE = [
    ("Gwenllïan", "Lived experience", "I ride the 6:10 every day", True),
    ("Dŵr", "Service provider", "I drive for the bus company", False),
    ("Siân", "Academic", "I research rural transport", True),
    ("Llŷr", "Policy", "I write the council's transport plan", True),
    ("Ffion", "Fresh view", "I run a delivery app", False),
    ("Rhodri", "Lived experience", "I use a wheelchair on the bus", True),
]
PERSPECTIVE_OF = {name: perspective for name, perspective, _, _ in PEOPLE}
SHARES = {name: shares for name, _, _, shares in PEOPLE}
STRENGTH_OF = {name: strength for name, _, strength, _ in PEOPLE}


def _names_in(column) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.strip() for n in column.locator(".member__name").all_inner_texts()]


def _table_heading(page: Page) -> str:
    heading = page.get_by_role("heading", level=2, name=re.compile(r"^Table \d+"))
    expect(heading).to_be_visible()
    return heading.inner_text().strip()


def test_six_people_are_seated_and_see_their_tables(new_context) -> None:  # type: ignore[no-untyped-def]
    # The facilitator signs up and creates a bilingual session for tables of 3 to 4 people.
    facilitator = new_context(phone=False).new_page()
    sign_up(facilitator)
    session_id = create_session(
        facilitator, title_en=TITLE_EN, title_cy=TITLE_CY, table_min=3, table_max=4
    )
    expect(facilitator.get_by_text("Current phase: Engage")).to_be_visible()
    code = join_code_on(facilitator)

    # Six people join on their own phones, from the link in the QR code.
    phones: dict[str, Page] = {}
    for name, perspective, strength, shares in PEOPLE:
        phone = new_context(phone=True).new_page()
        phones[name] = phone
        phone.goto(f"/join/{code}")
        expect(phone.get_by_role("heading", level=2, name=TITLE_EN)).to_be_visible()
        join(phone, code, name)
        phone.get_by_role("link", name="I have saved them").click()
        expect(phone.get_by_role("textbox", name="Display name")).to_have_value(name)
        fill_profile(
            phone, perspective=perspective, human_strength=strength, share_perspective=shares
        )

    # Before the allocation nobody has a table yet.
    first = phones["Gwenllïan"]
    first.get_by_role("link", name="See my table").click()
    expect(first.get_by_text("You do not have a table yet.")).to_be_visible()

    # The facilitator sees all six on the participants page with their perspectives.
    facilitator.get_by_role("link", name="Participants").click()
    expect(facilitator.get_by_text("6 participants")).to_be_visible()
    for name, perspective, _, _ in PEOPLE:
        row = facilitator.get_by_role("row").filter(
            has=facilitator.get_by_role("rowheader", name=name, exact=True)
        )
        expect(row).to_contain_text(perspective)
        expect(row).to_contain_text("Joined")

    # ... and allocates tables: two tables of three, a perspective mix reported.
    facilitator.get_by_role("link", name="Tables", exact=True).click()
    expect(facilitator.get_by_text("No tables yet.")).to_be_visible()
    facilitator.get_by_role("button", name="Allocate tables").click()
    diversity = facilitator.get_by_role(
        "heading", name=re.compile(r"^Perspective mix: \d+ of \d+ possible$")
    )
    expect(diversity).to_be_visible()
    achieved, best = map(int, re.findall(r"\d+", diversity.inner_text()))
    # Without seating rules the allocation always reaches the best possible mix.
    assert achieved == best > 0, diversity.inner_text()
    table_1 = facilitator.get_by_test_id("table-1")
    table_2 = facilitator.get_by_test_id("table-2")
    expect(table_1.get_by_text("3 members")).to_be_visible()
    expect(table_2.get_by_text("3 members")).to_be_visible()
    expect(facilitator.get_by_test_id("table-3")).to_have_count(0)
    expect(
        facilitator.get_by_test_id("unseated").get_by_text("Everyone has a seat.")
    ).to_be_visible()
    seating = {1: _names_in(table_1), 2: _names_in(table_2)}
    assert sorted(seating[1] + seating[2]) == sorted(PERSPECTIVE_OF), seating
    # The two people with lived experience are split across the tables (diversity first).
    lived = [n for n in PERSPECTIVE_OF if PERSPECTIVE_OF[n] == "Lived experience"]
    assert {n in seating[1] for n in lived} == {True, False}, seating

    # Each person sees their own table, their tablemates, and a tablemate's perspective only
    # when that tablemate agreed to share it.
    for number, names in seating.items():
        for name in names:
            phone = phones[name]
            phone.goto("/me/table")
            assert _table_heading(phone) == f"Table {number}"
            mates = phone.get_by_role("list").filter(has=phone.locator(".member__name"))
            expect(mates.get_by_role("listitem")).to_have_count(3)
            for mate in names:
                item = mates.get_by_role("listitem").filter(has_text=mate)
                expect(item).to_have_count(1)
                if mate == name:
                    expect(item).to_contain_text("(you)")
                    expect(item).to_contain_text(PERSPECTIVE_OF[mate])
                elif SHARES[mate]:
                    expect(item).to_contain_text(PERSPECTIVE_OF[mate])
                else:
                    expect(item).to_contain_text("Not shared")
                    expect(item).not_to_contain_text(PERSPECTIVE_OF[mate])
            for other in seating[3 - number]:
                expect(mates).not_to_contain_text(other)
            pooled = phone.get_by_role("region", name="Your table's strengths")
            for mate in names:
                expect(pooled).to_contain_text(STRENGTH_OF[mate])

    # The facilitator moves one person from table 1 to table 2 with the keyboard alone.
    mover = seating[1][0]
    select = facilitator.get_by_role("combobox", name=f"Move {mover} to")
    expect(select).to_have_value(re.compile(r".+"))
    select.focus()
    facilitator.keyboard.press("ArrowDown")  # options: No table, Table 1, Table 2
    expect(table_2.locator(".member__name").filter(has_text=mover)).to_be_visible()
    expect(table_2.get_by_text("4 members")).to_be_visible()
    expect(table_1.get_by_text("2 members")).to_be_visible()

    # After a reload the moved person sees their new table and new tablemates.
    phone = phones[mover]
    phone.reload()
    assert _table_heading(phone) == "Table 2"
    mates = phone.get_by_role("list").filter(has=phone.locator(".member__name"))
    expect(mates.get_by_role("listitem")).to_have_count(4)
    for mate in seating[2]:
        expect(mates).to_contain_text(mate)
    for mate in seating[1][1:]:
        expect(mates).not_to_contain_text(mate)
    # ... and someone left at table 1 no longer sees them.
    stayer = phones[seating[1][1]]
    stayer.reload()
    assert _table_heading(stayer) == "Table 1"
    expect(
        stayer.get_by_role("list").filter(has=stayer.locator(".member__name"))
    ).not_to_contain_text(mover)

    # The projector screen shows the join code, large, and the session title.
    facilitator.get_by_role("link", name="Projector screen").click()
    expect(facilitator).to_have_url(re.compile(rf"/sessions/{session_id}/projector$"))
    expect(facilitator.get_by_test_id("join-code")).to_have_text(code)
    expect(facilitator.get_by_role("heading", level=1)).to_contain_text(TITLE_EN)
    expect(facilitator.get_by_text("Now: Engage")).to_be_visible()

    # In Welsh, the projector shows the Welsh title.
    facilitator.get_by_role("button", name="Cymraeg").click()
    expect(facilitator.locator("html")).to_have_attribute("lang", "cy")
    expect(facilitator.get_by_role("heading", level=1)).to_contain_text(TITLE_CY)
    expect(facilitator.get_by_test_id("join-code")).to_have_text(code)
