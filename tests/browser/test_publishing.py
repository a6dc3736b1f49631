"""An organiser publishes a session's results; anyone, signed out, reads them on the public page
(in English and Welsh, axe-clean); withdrawing takes the page down."""

from playwright.sync_api import BrowserContext, expect

from tests.browser.axe import assert_accessible
from tests.browser.helpers import api_create_session, api_sign_up, switch_language, text


def test_publish_read_publicly_and_withdraw(new_context, base_url: str) -> None:  # type: ignore[no-untyped-def]
    organiser: BrowserContext = new_context(phone=False)
    account = api_sign_up(organiser, base_url)
    organisation_id = account["memberships"][0]["organisation_id"]
    session = api_create_session(
        organiser, base_url, organisation_id, title_en="Valley buses", title_cy="Bysiau'r cwm"
    )
    page = organiser.new_page()
    page.goto(f"/sessions/{session['id']}")
    card = page.get_by_role("region", name=text("en", "publishing.heading"))
    expect(card.get_by_text(text("en", "publishing.notPublished"))).to_be_visible()
    assert_accessible(page, "session overview with publishing")

    card.get_by_role("button", name=text("en", "publishing.publish")).click()
    expect(card.get_by_text(text("en", "publishing.nowPublished"))).to_be_visible()
    public_link = card.get_by_role("link", name=text("en", "publishing.openPublicPage"))
    public_path = public_link.get_attribute("href")
    assert public_path == f"/published/{session['id']}"

    for lang in ("en", "cy"):
        visitor = new_context(locale="en-GB").new_page()  # signed out, a phone
        visitor.goto(public_path)
        switch_language(visitor, lang)
        title = "Valley buses" if lang == "en" else "Bysiau'r cwm"
        expect(visitor.get_by_role("heading", level=1, name=title)).to_be_visible()
        expect(
            visitor.get_by_role("heading", name=text(lang, "publishing.public.choices"))
        ).to_be_visible()
        assert_accessible(visitor, f"public session page ({lang})")

    card.get_by_role("button", name=text("en", "publishing.withdraw")).click()
    expect(card.get_by_text(text("en", "publishing.nowWithdrawn"))).to_be_visible()
    gone = new_context().new_page()
    gone.goto(public_path)
    expect(
        gone.get_by_role("heading", level=1, name=text("en", "publishing.public.unavailableTitle"))
    ).to_be_visible()
