"""axe-core finds no violations on any screen, in English and in Welsh: participants' screens at
phone width, facilitators' at desktop width, with dialogs open and forms showing their errors.

Each test walks its screens and collects every violation, then fails listing all of them."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.axe import axe_violations
from tests.browser.helpers import (
    PASSWORD,
    api,
    api_create_session,
    api_join,
    api_sign_up,
    emailed_link,
    switch_language,
    text,
    token_of,
    unique_email,
)

LANGS = ["en", "cy"]
NEW_PASSWORD = "a brand new passphrase for Cyd"
TITLE = {"en": "Loneliness in Later Life", "cy": "Unigrwydd yn Hwyrach mewn Bywyd"}


class Screens:
    """Runs axe on each screen visited and keeps every violation found."""

    def __init__(self, page: Page, lang: str) -> None:
        self.page = page
        self.lang = lang
        self.found: list[str] = []
        self.checked: list[str] = []

    def t(self, key: str, **values: object) -> str:
        return text(self.lang, key, **values)

    def check(self, screen: str) -> None:
        expect(self.page.locator("html")).to_have_attribute("lang", self.lang)
        expect(
            self.page.get_by_role("status").filter(has_text=self.t("common.loading"))
        ).to_have_count(0)
        self.checked.append(screen)
        for violation in axe_violations(self.page):
            self.found.append(f"[{self.lang}] {screen} ({self.page.url}): {violation}")

    def h1(self, key: str, **values: object) -> None:
        expect(
            self.page.get_by_role("heading", level=1, name=self.t(key, **values))
        ).to_be_visible()

    def assert_none_found(self) -> None:
        assert self.found == [], "axe-core violations:\n" + "\n".join(self.found)


def _facilitator_with_session(new_context, base_url: str) -> tuple[BrowserContext, dict]:  # type: ignore[no-untyped-def]
    """A facilitator (signed in in a context of their own) and a new bilingual session."""
    context = new_context(phone=False)
    me = api_sign_up(context, base_url)
    org = me["memberships"][0]["organisation_id"]
    return context, api_create_session(
        context, base_url, org, title_en=TITLE["en"], title_cy=TITLE["cy"]
    )


@pytest.mark.parametrize("lang", LANGS)
def test_participant_screens(new_context, base_url: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    organiser, session = _facilitator_with_session(new_context, base_url)
    code = session["join_code"]
    # Two others already there, so that tables have tablemates.
    crowd = new_context(phone=True)  # one context joins on behalf of everyone else
    for name in ("Gwenllïan", "Dŵr"):
        api_join(crowd, base_url, code, name)

    page = new_context(phone=True).new_page()
    s = Screens(page, lang)
    page.goto("/")
    switch_language(page, lang)
    s.h1("home.title")
    s.check("home")

    page.goto("/me")
    s.h1("profile.title")
    expect(page.get_by_text(s.t("profile.notJoined"))).to_be_visible()
    s.check("profile, not joined")

    page.goto("/nowhere")
    s.h1("notFound.title")
    s.check("page not found")

    page.goto("/join")
    s.h1("join.title")
    s.check("join: code")
    page.get_by_role("button", name=s.t("join.findSession")).click()
    expect(page.get_by_role("alert").filter(has_text=s.t("form.problemTitle"))).to_be_visible()
    expect(page.get_by_label(s.t("join.code"), exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
    s.check("join: code, empty (error)")

    page.goto("/join/ZZZZ99")
    expect(page.get_by_text(s.t("problems.join_code_invalid"))).to_be_visible()
    s.check("join: unknown code (error)")

    page.goto(f"/join/{code}")
    expect(page.get_by_role("heading", level=2, name=TITLE[lang])).to_be_visible()
    s.check("join: name")
    page.get_by_role("button", name=s.t("join.submit"), exact=True).click()
    expect(page.get_by_role("alert").filter(has_text=s.t("validation.required"))).to_be_visible()
    s.check("join: name, empty (error)")
    page.get_by_label(s.t("join.name"), exact=True).fill("Siân")
    page.get_by_role("button", name=s.t("join.submit"), exact=True).click()

    s.h1("saved.title")
    expect(page.get_by_test_id("recovery-code")).to_be_visible()
    s.check("saved: rejoin link and recovery code")
    recovery = page.get_by_test_id("recovery-code").inner_text().strip()

    page.get_by_role("link", name=s.t("saved.confirm")).click()
    s.h1("profile.title")
    s.check("profile")
    page.get_by_role("checkbox", name=s.t("profile.consentContact")).check()
    page.get_by_role("textbox", name=s.t("profile.email")).fill("not-an-email")
    page.get_by_role("button", name=s.t("profile.submit")).click()
    expect(page.get_by_role("alert").filter(has_text=s.t("validation.email"))).to_be_visible()
    s.check("profile, bad email (error)")
    page.get_by_role("textbox", name=s.t("profile.email")).fill("sian@example.org")
    page.get_by_role("radio", name=s.t("perspectives.academic")).check()
    page.get_by_role("checkbox", name=s.t("roles.maven")).check()
    page.get_by_role("textbox", name=s.t("capitals.human"), exact=True).fill("Ymchwil / research")
    page.get_by_role("checkbox", name=s.t("profile.consentShare")).check()
    page.get_by_role("textbox", name=s.t("profile.accessNeeds")).fill("Print mawr / large print")
    page.get_by_role("button", name=s.t("profile.submit")).click()
    expect(page.get_by_text(s.t("profile.saved"))).to_be_visible()
    s.check("profile, saved")

    page.get_by_role("link", name=s.t("profile.goToTable")).click()
    s.h1("myTable.title")
    expect(page.get_by_text(s.t("myTable.notSeated"))).to_be_visible()
    s.check("my table, not seated")
    api(organiser, base_url, "POST", f"/sessions/{session['id']}/allocation", {"keep_pinned": True})
    page.reload()
    expect(
        page.get_by_role("heading", level=2, name=s.t("myTable.tableName", number=1))
    ).to_be_visible()
    expect(page.get_by_text("Gwenllïan")).to_be_visible()
    s.check("my table, seated")

    # Another device: the rejoin screen, its errors, and a successful rejoin.
    other = new_context(phone=True).new_page()
    o = Screens(other, lang)
    other.goto("/rejoin")
    switch_language(other, lang)
    o.h1("rejoin.title")
    o.check("rejoin")
    other.get_by_role("button", name=o.t("rejoin.submit")).click()
    expect(other.get_by_role("alert").filter(has_text=o.t("form.problemTitle"))).to_be_visible()
    o.check("rejoin, empty (error)")
    other.get_by_label(o.t("rejoin.joinCode"), exact=True).fill(code)
    other.get_by_label(o.t("rejoin.recoveryCode"), exact=True).fill("AAAA-BBBB-CCCC")
    other.get_by_role("button", name=o.t("rejoin.submit")).click()
    expect(
        other.get_by_role("alert").filter(has_text=o.t("problems.rejoin_invalid"))
    ).to_be_visible()
    o.check("rejoin, wrong recovery code (error)")
    other.goto("/rejoin#cyd_rj_not-a-real-token")
    expect(other.get_by_text(o.t("problems.rejoin_invalid"))).to_be_visible()
    o.check("rejoin link, invalid (error)")
    other.get_by_label(o.t("rejoin.joinCode"), exact=True).fill(code)
    other.get_by_label(o.t("rejoin.recoveryCode"), exact=True).fill(recovery)
    other.get_by_role("button", name=o.t("rejoin.submit")).click()
    expect(other.get_by_text(o.t("rejoin.welcomeBack", name="Siân"))).to_be_visible()
    o.check("my table, welcome back")

    s.found += o.found
    s.assert_none_found()


@pytest.mark.parametrize("lang", LANGS)
def test_facilitator_screens(new_context, base_url: str, server_data_dir: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    # Arranged through the API: an owner, a session with three people, an invitation.
    owner = new_context(phone=False)
    me = api_sign_up(owner, base_url)
    email = me["user"]["email"]
    org = me["memberships"][0]["organisation_id"]
    session = api_create_session(owner, base_url, org, title_en=TITLE["en"], title_cy=TITLE["cy"])
    sid = session["id"]
    title = TITLE[lang]
    crowd = new_context(phone=True)  # one context joins on behalf of everyone else
    for name in ("Gwenllïan", "Dŵr", "Rhodri"):
        api_join(crowd, base_url, session["join_code"], name)
    invitee = unique_email("invitee")
    api(owner, base_url, "POST", f"/organisations/{org}/invitations", {"email": invitee})
    invitation = token_of(emailed_link(server_data_dir, invitee, "invitation"))

    page = new_context(phone=False).new_page()
    s = Screens(page, lang)
    page.goto("/signin")
    switch_language(page, lang)

    # Signed out: sign in, sign up, password reset, invitation.
    s.h1("auth.signInTitle")
    s.check("sign in")
    page.get_by_label(s.t("auth.email")).fill(email)
    page.get_by_label(s.t("auth.password")).fill("wrong password")
    page.get_by_role("button", name=s.t("auth.signInSubmit")).click()
    expect(
        page.get_by_role("alert").filter(has_text=s.t("problems.invalid_credentials"))
    ).to_be_visible()
    s.check("sign in, wrong password (error)")

    page.goto("/signup")
    s.h1("auth.signUpTitle")
    s.check("sign up")
    page.get_by_label(s.t("auth.email")).fill("nia@")
    page.get_by_label(s.t("auth.password")).fill("short")
    page.get_by_role("button", name=s.t("auth.signUpSubmit")).click()
    expect(page.get_by_role("alert").filter(has_text=s.t("validation.email"))).to_be_visible()
    s.check("sign up, invalid (error)")

    page.goto("/invitations/accept")
    s.h1("auth.inviteTitle")
    expect(page.get_by_text(s.t("auth.missingToken"))).to_be_visible()
    s.check("accept invitation, no token (error)")
    page.goto("/")  # a fresh load: a fragment-only change would not reload the page
    page.goto("/invitations/accept#not-a-real-token")
    s.h1("auth.inviteTitle")
    expect(page.get_by_text(s.t("problems.invitation_invalid"))).to_be_visible()
    s.check("accept invitation, bad link (error)")
    page.goto(f"/invitations/accept?token={invitation}")
    expect(page.get_by_text(s.t("auth.inviteNewAccount"))).to_be_visible()
    s.check("accept invitation, new account")
    page.get_by_role("button", name=s.t("auth.inviteSubmit")).click()
    expect(page.get_by_role("alert").filter(has_text=s.t("validation.required"))).to_be_visible()
    s.check("accept invitation, empty (error)")

    page.goto("/password-reset")
    s.h1("auth.resetTitle")
    s.check("password reset")
    page.get_by_role("button", name=s.t("auth.resetSubmit")).click()
    expect(page.get_by_role("alert").filter(has_text=s.t("validation.required"))).to_be_visible()
    s.check("password reset, empty (error)")
    page.get_by_label(s.t("auth.email")).fill(email)
    page.get_by_role("button", name=s.t("auth.resetSubmit")).click()
    expect(page.get_by_text(s.t("auth.resetSent", email=email))).to_be_visible()
    s.check("password reset, sent")
    reset = token_of(emailed_link(server_data_dir, email, "password_reset"))

    page.goto("/password-reset/confirm")
    s.h1("auth.resetConfirmTitle")
    expect(page.get_by_text(s.t("auth.missingToken"))).to_be_visible()
    s.check("password reset confirm, no token (error)")
    page.goto("/")  # a fresh load: a fragment-only change would not reload the page
    page.goto("/password-reset/confirm#not-a-real-token")
    s.h1("auth.resetConfirmTitle")
    page.get_by_label(s.t("auth.newPassword")).fill(PASSWORD)
    page.get_by_role("button", name=s.t("auth.resetConfirmSubmit")).click()
    expect(
        page.get_by_role("alert").filter(has_text=s.t("problems.reset_token_invalid"))
    ).to_be_visible()
    s.check("password reset confirm, bad link (error)")
    page.goto(f"/password-reset/confirm?token={reset}")
    s.h1("auth.resetConfirmTitle")
    s.check("password reset confirm")
    page.get_by_label(s.t("auth.newPassword")).fill("short")
    page.get_by_role("button", name=s.t("auth.resetConfirmSubmit")).click()
    expect(page.get_by_role("alert").filter(has_text=s.t("form.problemTitle"))).to_be_visible()
    s.check("password reset confirm, too short (error)")
    page.get_by_label(s.t("auth.newPassword")).fill(NEW_PASSWORD)
    page.get_by_role("button", name=s.t("auth.resetConfirmSubmit")).click()
    expect(page.get_by_text(s.t("auth.resetDone"))).to_be_visible()
    s.check("password reset confirm, done")

    # Sign in with the new password.
    page.get_by_role("link", name=s.t("auth.signInSubmit")).last.click()
    page.get_by_label(s.t("auth.email")).fill(email)
    page.get_by_label(s.t("auth.password")).fill(NEW_PASSWORD)
    page.get_by_role("button", name=s.t("auth.signInSubmit")).click()
    s.h1("dashboard.title")
    expect(page.get_by_role("link", name=title)).to_be_visible()
    s.check("dashboard")

    page.get_by_role("link", name=s.t("dashboard.newSession")).click()
    s.h1("sessionForm.createTitle")
    s.check("create session")
    page.get_by_label(s.t("sessionForm.tableMin")).fill("9")
    page.get_by_label(s.t("sessionForm.tableMax")).fill("1")
    page.get_by_role("button", name=s.t("sessionForm.createSubmit")).click()
    expect(
        page.get_by_role("alert").filter(has_text=s.t("validation.between", min=2, max=20))
    ).to_be_visible()
    s.check("create session, invalid (error)")

    # Overview: phase control, timer, join code, and its dialogs.
    page.goto(f"/sessions/{sid}")
    expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
    expect(page.get_by_test_id("join-code")).to_have_text(session["join_code"])
    s.check("session overview")
    page.get_by_role("button", name=s.t("session.rotateCode")).click()
    expect(page.get_by_role("alertdialog")).to_be_visible()
    s.check("session overview, new join code dialog")
    page.get_by_role("alertdialog").get_by_role("button", name=s.t("common.cancel")).click()
    expect(page.get_by_role("alertdialog")).to_have_count(0)

    page.get_by_role("button", name=s.t("timer.start")).click()
    expect(page.get_by_role("timer")).to_be_visible()
    s.check("session overview, timer running")
    page.get_by_role("button", name=s.t("timer.stop")).click()
    expect(page.get_by_text(s.t("timer.none"))).to_be_visible()
    page.get_by_label(s.t("timer.minutes")).fill("0")
    page.get_by_role("button", name=s.t("timer.start")).click()
    expect(page.get_by_text(s.t("validation.between", min=1, max=1440))).to_be_visible()
    s.check("session overview, timer minutes invalid (error)")

    tables_phase = s.t("phases.tables")
    engage = s.t("phases.engage")
    page.get_by_role("button", name=s.t("session.nextPhase", phase=tables_phase)).click()
    expect(page.get_by_text(s.t("session.currentPhase", phase=tables_phase))).to_be_visible()
    page.get_by_role("button", name=s.t("session.prevPhase", phase=engage)).click()
    dialog = page.get_by_role("dialog", name=s.t("session.backDialogTitle", phase=engage))
    expect(dialog).to_be_visible()
    s.check("session overview, go back a phase dialog")
    dialog.get_by_role("button", name=s.t("session.confirmBack")).click()
    expect(dialog.get_by_text(s.t("validation.reasonRequired"))).to_be_visible()
    s.check("session overview, go back a phase dialog, no reason (error)")
    dialog.get_by_label(s.t("session.reason")).fill("Mwy o bobl yn cyrraedd / more people arriving")
    dialog.get_by_role("button", name=s.t("session.confirmBack")).click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_text(s.t("session.currentPhase", phase=engage))).to_be_visible()
    page.get_by_text(s.t("session.history")).click()
    s.check("session overview, phase history open")

    page.get_by_role("link", name=s.t("session.edit")).click()
    expect(page.get_by_role("heading", level=2, name=s.t("sessionForm.editTitle"))).to_be_visible()
    s.check("edit session")
    page.get_by_label(s.t("common.inEnglish", field=s.t("sessionForm.titleField"))).fill("")
    page.get_by_label(s.t("common.inWelsh", field=s.t("sessionForm.titleField"))).fill("")
    page.get_by_role("button", name=s.t("sessionForm.saveSubmit")).click()
    expect(
        page.get_by_role("alert").filter(has_text=s.t("validation.titleOneLanguage"))
    ).to_be_visible()
    s.check("edit session, no title (error)")

    # Participants: the list, the actions menu and its dialogs, CSV import errors.
    page.get_by_role("link", name=s.t("session.participants")).click()
    expect(page.get_by_role("rowheader", name="Dŵr")).to_be_visible()
    s.check("participants")
    page.get_by_role("button", name=f"{s.t('common.actions')}: Dŵr").click()
    expect(page.get_by_role("menu")).to_be_visible()
    s.check("participants, actions menu open")
    page.get_by_role("menuitem", name=s.t("common.edit")).click()
    dialog = page.get_by_role("dialog", name=s.t("participantsAdmin.editTitle", name="Dŵr"))
    expect(dialog).to_be_visible()
    s.check("participants, edit dialog")
    dialog.get_by_label(s.t("participantsAdmin.name")).fill("")
    dialog.get_by_role("button", name=s.t("common.save")).click()
    expect(dialog.get_by_role("alert").filter(has_text=s.t("validation.required"))).to_be_visible()
    s.check("participants, edit dialog, no name (error)")
    dialog.get_by_role("button", name=s.t("common.cancel")).click()
    expect(dialog).to_have_count(0)

    page.get_by_role("button", name=s.t("participantsAdmin.add")).click()
    dialog = page.get_by_role("dialog", name=s.t("participantsAdmin.addTitle"))
    expect(dialog).to_be_visible()
    s.check("participants, add dialog")
    dialog.get_by_label(s.t("participantsAdmin.name")).fill("Llŷr")
    dialog.get_by_role("combobox", name=s.t("perspectives.label")).select_option(
        label=s.t("perspectives.policy")
    )
    dialog.get_by_role("button", name=s.t("participantsAdmin.add")).click()
    creds = page.get_by_role("dialog", name=s.t("participantsAdmin.credentialsTitle", name="Llŷr"))
    expect(creds.get_by_test_id("issued-recovery-code")).to_be_visible()
    s.check("participants, credentials dialog")
    creds.get_by_role("button", name=s.t("common.close")).click()

    page.get_by_role("button", name=f"{s.t('common.actions')}: Rhodri").click()
    page.get_by_role("menuitem", name=s.t("participantsAdmin.reissue", name="Rhodri")).click()
    expect(page.get_by_role("alertdialog")).to_be_visible()
    s.check("participants, reissue dialog")
    page.get_by_role("alertdialog").get_by_role("button", name=s.t("common.cancel")).click()
    page.get_by_role("button", name=f"{s.t('common.actions')}: Rhodri").click()
    page.get_by_role("menuitem", name=s.t("participantsAdmin.remove", name="Rhodri")).click()
    expect(
        page.get_by_role("alertdialog", name=s.t("participantsAdmin.removeTitle", name="Rhodri"))
    ).to_be_visible()
    s.check("participants, remove dialog")
    page.get_by_role("alertdialog").get_by_role("button", name=s.t("common.cancel")).click()

    page.get_by_role("button", name=s.t("participantsAdmin.importCheck")).click()
    expect(page.get_by_text(s.t("validation.required"))).to_be_visible()
    s.check("participants, import without a file (error)")
    page.get_by_label(s.t("participantsAdmin.importFile")).set_input_files(
        files=[
            {
                "name": "pobl.csv",
                "mimeType": "text/csv",
                "buffer": b"display_name,perspective\n,academic\nEluned,astronaut\n",
            }
        ]
    )
    page.get_by_role("button", name=s.t("participantsAdmin.importCheck")).click()
    expect(page.get_by_test_id("csv-errors").get_by_role("listitem")).not_to_have_count(0)
    s.check("participants, CSV errors")
    page.get_by_label(s.t("participantsAdmin.importFile")).set_input_files(
        files=[
            {
                "name": "pobl.csv",
                "mimeType": "text/csv",
                "buffer": b"display_name\nEluned\nMererid\n",
            }
        ]
    )
    page.get_by_role("button", name=s.t("participantsAdmin.importCheck")).click()
    checked = s.t(f"participantsAdmin.importChecked_{'two' if lang == 'cy' else 'other'}", count=2)
    expect(page.get_by_text(checked)).to_be_visible()
    s.check("participants, CSV checked")

    # Tables: before and after an allocation.
    page.get_by_role("link", name=s.t("session.tables"), exact=True).click()
    expect(page.get_by_text(s.t("allocation.noTables"))).to_be_visible()
    s.check("tables, none yet")
    page.get_by_label(s.t("allocation.tableCount")).fill("0")
    page.get_by_role("button", name=s.t("allocation.run")).click()
    expect(
        page.get_by_role("alert").filter(has_text=s.t("validation.between", min=1, max=300))
    ).to_be_visible()
    s.check("tables, invalid table count (error)")
    page.get_by_label(s.t("allocation.tableCount")).fill("")
    page.get_by_role("button", name=s.t("allocation.run")).click()
    expect(page.get_by_test_id("table-1")).to_be_visible()
    expect(
        page.get_by_role(
            "heading",
            name=re.compile(
                re.escape(s.t("allocation.diversity", achieved="X", max="Y"))
                .replace("X", r"\d+")
                .replace("Y", r"\d+")
            ),
        )
    ).to_be_visible()
    s.check("tables, allocated")

    page.get_by_role("link", name=s.t("session.projector")).click()
    expect(page.get_by_test_id("join-code")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    s.check("projector")

    s.assert_none_found()
