"""The links Cyd emails to facilitators (password reset, invitation) open the right screens."""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.helpers import PASSWORD, api, api_sign_up, emailed_link, token_of, unique_email

NEW_PASSWORD = "a brand new passphrase for Cyd"


def _request_reset(new_context, base_url: str):  # type: ignore[no-untyped-def]
    """A facilitator who forgot their password asks for a reset on the sign-in screens."""
    email = api_sign_up(new_context(phone=False), base_url)["user"]["email"]
    page = new_context(phone=False).new_page()
    page.goto("/signin")
    page.get_by_role("link", name="Forgotten your password?").click()
    # The sign-in screen has an "Email address" field too: wait for the new screen first.
    expect(page.get_by_role("heading", level=1, name="Reset your password")).to_be_visible()
    page.get_by_label("Email address").fill(email)
    page.get_by_role("button", name="Send the link").click()
    expect(
        page.get_by_text(f"If there is an account for {email}, a link is on its way.")
    ).to_be_visible()
    return page, email


def _set_new_password_and_sign_in(page, email: str) -> None:  # type: ignore[no-untyped-def]
    expect(page.get_by_role("heading", level=1, name="Choose a new password")).to_be_visible()
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set password").click()
    expect(page.get_by_text("Your password is changed. Sign in with it now.")).to_be_visible()
    page.get_by_role("link", name="Sign in").last.click()
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1, name="My sessions")).to_be_visible()


def test_the_password_reset_screen_sets_a_new_password(
    new_context, base_url: str, server_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    page, email = _request_reset(new_context, base_url)
    token = token_of(emailed_link(server_data_dir, email, "password_reset"))
    page.goto(f"/password-reset/confirm?token={token}")
    _set_new_password_and_sign_in(page, email)


def test_the_emailed_password_reset_link_opens_the_new_password_screen(
    new_context, base_url: str, server_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    page, email = _request_reset(new_context, base_url)
    link = emailed_link(server_data_dir, email, "password_reset")
    page.goto(link)
    _set_new_password_and_sign_in(page, email)


def test_the_emailed_invitation_link_creates_an_account(
    new_context, base_url: str, server_data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    owner = new_context(phone=False)
    me = api_sign_up(owner, base_url)
    organisation = me["memberships"][0]
    invitee = unique_email("invitee")
    api(
        owner,
        base_url,
        "POST",
        f"/organisations/{organisation['organisation_id']}/invitations",
        {"email": invitee},
    )
    link = emailed_link(server_data_dir, invitee, "invitation")

    page = new_context(phone=False).new_page()
    page.goto(link)
    expect(page.get_by_role("heading", level=1, name="Accept your invitation")).to_be_visible()
    expect(
        page.get_by_text(
            f"You are invited to join {organisation['organisation_name']} as a facilitator."
        )
    ).to_be_visible()
    expect(page.get_by_text("Create your account to accept.")).to_be_visible()
    page.get_by_role("button", name="Accept invitation").click()
    expect(page.get_by_role("alert").filter(has_text="There is a problem")).to_be_focused()
    page.get_by_label("Your name").fill("Heledd")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Accept invitation").click()
    expect(page.get_by_role("heading", level=1, name="My sessions")).to_be_visible()
    expect(page.get_by_text(organisation["organisation_name"])).to_be_visible()
    expect(page.get_by_text("Heledd")).to_be_visible()
    assert re.search(r"/dashboard$", page.url)
