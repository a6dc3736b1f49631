"""Getting back in from another device (recovery code, re-issued rejoin link), the join form
with the keyboard alone, Welsh plural forms on screen, and moving people with the keyboard."""

import re

from playwright.sync_api import Page, expect

from tests.browser.helpers import (
    api,
    api_create_session,
    api_join,
    api_sign_up,
    join,
    switch_language,
    text,
)


def _session(new_context, base_url: str, **sizes: int):  # type: ignore[no-untyped-def]
    """A signed-in facilitator page (desktop) and a new session, arranged through the API."""
    context = new_context(phone=False)
    me = api_sign_up(context, base_url)
    org = me["memberships"][0]["organisation_id"]
    session = api_create_session(
        context, base_url, org, title_en="Warm Homes", title_cy="Cartrefi Cynnes", **sizes
    )
    return context, session


def _tab_to(page: Page, target, limit: int = 15) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until `target` has focus (fails after `limit` presses)."""
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    expect(target).to_be_focused()


def test_join_form_with_the_keyboard_only(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _, session = _session(new_context, base_url)
    page = new_context(phone=True).new_page()
    page.goto("/join")
    code_input = page.get_by_role("textbox", name="Join code")

    # Enter with nothing typed: the error summary takes focus; its link leads to the field.
    _tab_to(page, code_input)
    page.keyboard.press("Enter")
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_focused()
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link", name="Enter an answer")).to_be_focused()
    page.keyboard.press("Enter")
    expect(code_input).to_be_focused()
    expect(code_input).to_have_attribute("aria-invalid", "true")

    # Type the code as people do (lower case, with a dash) and press Enter.
    typed = session["join_code"].lower()
    page.keyboard.type(f"{typed[:3]}-{typed[3:]}")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=2, name="Warm Homes")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name="Join a session")).to_be_focused()
    name_input = page.get_by_role("textbox", name="Display name")
    _tab_to(page, name_input, limit=3)
    page.keyboard.type("Gwenllïan ap Dŵr")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1, name="Save your way back in")).to_be_focused()
    expect(page.get_by_test_id("recovery-code")).to_have_text(re.compile(r"\S+"))
    go_on = page.get_by_role("link", name="I have saved them")
    _tab_to(page, go_on, limit=10)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1, name="About you")).to_be_focused()
    expect(page.get_by_role("textbox", name="Display name")).to_have_value("Gwenllïan ap Dŵr")


def test_rejoin_on_another_device_with_the_recovery_code(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    _, session = _session(new_context, base_url)
    code = session["join_code"]
    phone = new_context(phone=True).new_page()
    recovery = join(phone, code, "Siôn Llŷr")

    # The phone goes flat: on a new device, join code + recovery code get the same person back.
    laptop = new_context(phone=True).new_page()
    laptop.goto("/me")
    expect(laptop.get_by_text("You have not joined a session on this device.")).to_be_visible()
    laptop.get_by_role("link", name="Get back into a session").click()
    laptop.get_by_role("textbox", name="Join code").fill(code.lower())
    laptop.get_by_role("textbox", name="Recovery code").fill(recovery.lower())
    laptop.get_by_role("button", name="Get back in").click()
    expect(laptop).to_have_url(re.compile(r"/me/table$"))
    expect(laptop.get_by_text("Welcome back, Siôn Llŷr.")).to_be_visible()
    expect(laptop.get_by_role("heading", level=2, name="Warm Homes")).to_be_visible()
    laptop.get_by_role("link", name="My profile", exact=True).click()
    expect(laptop.get_by_role("textbox", name="Display name")).to_have_value("Siôn Llŷr")

    # The first device is still in too (the same person, not a second one).
    phone.goto("/me")
    expect(phone.get_by_role("textbox", name="Display name")).to_have_value("Siôn Llŷr")


def test_reissued_rejoin_link_works_and_the_old_recovery_code_does_not(
    new_context, base_url: str
) -> None:  # type: ignore[no-untyped-def]
    facilitator_context, session = _session(new_context, base_url)
    code = session["join_code"]
    recovery = join(new_context(phone=True).new_page(), code, "Angharad")

    # The facilitator re-issues a way in on the participants page.
    facilitator = facilitator_context.new_page()
    facilitator.goto(f"/sessions/{session['id']}/participants")
    facilitator.get_by_role("button", name="Actions: Angharad").click()
    facilitator.get_by_role("menuitem", name="New way in for Angharad").click()
    confirm = facilitator.get_by_role("alertdialog", name="New way in for Angharad")
    expect(confirm).to_contain_text("Their old link and recovery code stop working.")
    confirm.get_by_role("button", name="Continue").click()
    issued = facilitator.get_by_role("dialog", name="A way back in for Angharad")
    new_recovery = issued.get_by_test_id("issued-recovery-code").inner_text().strip()
    link = issued.locator(".secret").first.inner_text().strip()
    assert re.fullmatch(re.escape(base_url) + r"/rejoin#cyd_rj_\S+", link), link
    assert new_recovery and new_recovery != recovery
    issued.get_by_role("button", name="Close").click()
    expect(issued).to_have_count(0)

    # The link gets her straight back in on a new device, and the secret leaves the address bar.
    device = new_context(phone=True).new_page()
    device.goto(link)
    expect(device.get_by_text("Welcome back, Angharad.")).to_be_visible()
    expect(device).to_have_url(re.compile(r"/me/table$"))

    # The old recovery code now fails with a visible, translated error (in Welsh here) ...
    other = new_context(phone=True).new_page()
    other.goto("/rejoin")
    switch_language(other, "cy")
    other.get_by_role("textbox", name=text("cy", "rejoin.joinCode")).fill(code)
    other.get_by_role("textbox", name=text("cy", "rejoin.recoveryCode")).fill(recovery)
    other.get_by_role("button", name=text("cy", "rejoin.submit")).click()
    error = other.get_by_role("alert").filter(has_text=text("cy", "problems.rejoin_invalid"))
    expect(error).to_be_visible()
    expect(other).to_have_url(re.compile(r"/rejoin$"))
    # ... and in English after switching back.
    other.get_by_role("button", name="English").click()
    other.get_by_role("button", name="Get back in").click()
    expect(
        other.get_by_role("alert").filter(has_text=text("en", "problems.rejoin_invalid"))
    ).to_be_visible()

    # The new recovery code works.
    other.get_by_role("textbox", name="Recovery code").fill(new_recovery)
    other.get_by_role("button", name="Get back in").click()
    expect(other.get_by_text("Welcome back, Angharad.")).to_be_visible()


# Animation frames that come as early as a browser may run them: before React's next render.
EARLY_ANIMATION_FRAMES = "window.requestAnimationFrame = (cb) => { queueMicrotask(() => cb(performance.now())); return 0; };"


def test_a_refused_form_moves_focus_to_the_error_summary(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """The error summary is "focused and announced" after a failed submit. When the server
    refuses the form, focus must land on it too, not be dropped to the page body (the submit
    button, disabled while sending, loses it). The SPA focuses the summary in the next animation
    frame, which races React's render; frames are made to come early here so that the outcome
    does not depend on the machine's timing (it fails about half the time without this)."""
    context = new_context(phone=True)
    context.add_init_script(EARLY_ANIMATION_FRAMES)
    page = context.new_page()

    # The browser's own check (no server involved) focuses the summary ...
    page.goto("/rejoin")
    submit = page.get_by_role("button", name="Get back in")
    _tab_to(page, submit, limit=10)
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_focused()

    # ... and so must the server's refusal.
    page.get_by_role("textbox", name="Join code").fill("ABCD12")
    page.get_by_role("textbox", name="Recovery code").fill("AAAA-BBBB-CCCC")
    _tab_to(page, submit, limit=3)
    page.keyboard.press("Enter")
    summary = page.get_by_role("alert").filter(has_text=text("en", "problems.rejoin_invalid"))
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()


def test_welsh_plural_forms_of_the_participant_count(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """Welsh has six plural forms; the participants page shows the count with the right one."""
    facilitator_context, session = _session(new_context, base_url)
    page = facilitator_context.new_page()
    page.goto(f"/sessions/{session['id']}/participants")
    switch_language(page, "cy")
    expected = {
        0: "Dim cyfranogwyr",
        1: "1 cyfranogwr",
        2: "2 gyfranogwr",
        3: "3 chyfranogwr",
        6: "6 chyfranogwr",
        7: "7 o gyfranogwyr",
    }
    names = ["Aled", "Bethan", "Cerys", "Dafydd", "Elin", "Ffion", "Gethin"]
    joined = 0
    crowd = new_context(phone=True)  # one context joins on behalf of everyone
    for count, shown in expected.items():
        while joined < count:
            api_join(crowd, base_url, session["join_code"], names[joined])
            joined += 1
        page.reload()
        expect(page.locator("p.stat")).to_have_text(shown)
    # The same count in English, for contrast.
    page.get_by_role("button", name="English").click()
    expect(page.locator("p.stat")).to_have_text("7 participants")


def test_moving_a_person_with_the_keyboard_keeps_focus_on_them(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    """A keyboard user moves someone with the select; focus must not be dropped to the page
    body, or they lose their place (WCAG 2.4.3) and cannot go on to a further table."""
    facilitator_context, session = _session(new_context, base_url, table_min=2, table_max=3)
    crowd = new_context(phone=True)  # one context joins on behalf of everyone
    for name in ("Aled", "Bethan", "Cerys", "Dafydd", "Elin", "Ffion"):
        api_join(crowd, base_url, session["join_code"], name)
    api(
        facilitator_context,
        base_url,
        "POST",
        f"/sessions/{session['id']}/allocation",
        {"keep_pinned": True, "table_count": 3},
    )

    page = facilitator_context.new_page()
    page.goto(f"/sessions/{session['id']}/tables")
    table_1 = page.get_by_test_id("table-1")
    expect(page.get_by_test_id("table-3")).to_be_visible()
    mover = table_1.locator(".member__name").first.inner_text().strip()
    select = page.get_by_role("combobox", name=f"Move {mover} to")
    select.focus()
    page.keyboard.press("ArrowDown")  # options: No table, Table 1, Table 2, Table 3
    expect(
        page.get_by_test_id("table-2").locator(".member__name").filter(has_text=mover)
    ).to_be_visible()
    expect(page.get_by_role("combobox", name=f"Move {mover} to")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(
        page.get_by_test_id("table-3").locator(".member__name").filter(has_text=mover)
    ).to_be_visible()
