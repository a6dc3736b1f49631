"""Arranging a table at work quickly (through the API) for the live browser tests, and the few
steps on screen they share: adding an idea, waiting for the live stream, changing language."""

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.browser.axe import axe_violations
from tests.browser.helpers import (
    _csrf,
    api,
    api_create_session,
    api_join,
    api_sign_up,
    switch_language,
    text,
)

PHASES = ["engage", "tables", "strengths", "perspectives", "ideate", "reduce"]


@dataclass
class Table:
    """A session with one table: its facilitator's context and each member's phone context."""

    base_url: str
    facilitator: BrowserContext
    session: dict[str, Any]
    table_id: str
    phones: dict[str, BrowserContext] = field(default_factory=dict)

    @property
    def session_id(self) -> str:
        return str(self.session["id"])

    def phase(self, to: str) -> None:
        """Step the session, one phase at a time, up to `to` (as a facilitator must)."""
        current = api(self.facilitator, self.base_url, "GET", f"/sessions/{self.session_id}")[
            "phase"
        ]
        for phase in PHASES[PHASES.index(current) + 1 : PHASES.index(to) + 1]:
            api(
                self.facilitator,
                self.base_url,
                "POST",
                f"/sessions/{self.session_id}/phase",
                {"to": phase},
            )

    def server_ideas(self) -> list[dict[str, Any]]:
        """Every idea of the table on the server, as the facilitator's API lists them (all pages)."""
        items: list[dict[str, Any]] = []
        cursor: str | None = None
        while True:
            query = {"table_id": self.table_id, **({"cursor": cursor} if cursor else {})}
            page = api(
                self.facilitator,
                self.base_url,
                "GET",
                f"/sessions/{self.session_id}/ideas?{urlencode(query)}",
            )
            items.extend(page["items"])
            cursor = page.get("next_cursor")
            if not cursor:
                return items

    def server_counts(self) -> Counter[str]:
        """How many times each idea text is stored for the table."""
        return Counter(idea["text"] for idea in self.server_ideas())


def arrange_table(new_context, base_url: str, names: list[str], *, phase: str) -> Table:  # type: ignore[no-untyped-def]
    """A facilitator, a session (tables of 2 to 8), everyone in `names` joined on a phone of
    their own, seated at one table, and the session moved on to `phase`."""
    facilitator = new_context(phone=False)
    me = api_sign_up(facilitator, base_url)
    org = me["memberships"][0]["organisation_id"]
    session = api_create_session(
        facilitator,
        base_url,
        org,
        title_en="Buses for the Upper Valley",
        title_cy="Bysiau i Ben y Cwm",
        table_min=2,
        table_max=8,
    )
    phones: dict[str, BrowserContext] = {}
    for name in names:
        phone = new_context(phone=True)
        api_join(phone, base_url, session["join_code"], name)
        phones[name] = phone
    api(facilitator, base_url, "POST", f"/sessions/{session['id']}/allocation", {"table_count": 1})
    mine = api(next(iter(phones.values())), base_url, "GET", "/me/table")
    assert mine["table"], mine
    table = Table(base_url, facilitator, session, str(mine["table"]["id"]), phones)
    table.phase(phase)
    return table


def api_add_idea(context: BrowserContext, base_url: str, idea: str) -> dict[str, Any]:
    """Add an idea as the participant signed in to `context` (with an Idempotency-Key)."""
    response = context.request.post(
        f"{base_url}/api/v1/me/table/ideas",
        headers={
            "Origin": base_url,
            "X-CSRF-Token": _csrf(context),
            "Idempotency-Key": str(uuid.uuid4()),
        },
        data={"text": idea, "author_id": None},
    )
    assert response.ok, f"POST /me/table/ideas: {response.status} {response.text()}"
    return dict(response.json())


# --- on screen ----------------------------------------------------------------------------


def open_now(context: BrowserContext, expected_path: str) -> Page:
    """Open `/me/now` on a new page; the SPA sends the participant to the phase's step."""
    page = context.new_page()
    page.goto("/me/now")
    expect(page).to_have_url(re.compile(re.escape(expected_path) + "$"))
    return page


def wait_live(page: Page) -> None:
    """Wait until the participant's live stream is connected (the phase bar says so)."""
    expect(page.get_by_test_id("connection")).to_have_attribute("data-state", "connected")


def mark_page(page: Page) -> None:
    """Leave a mark in the page's window: it is gone if the page is ever reloaded."""
    page.evaluate("() => { window.__cydNoReload = true; }")


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("() => window.__cydNoReload === true"), f"{page.url} was reloaded"


def add_idea(page: Page, idea: str, lang: str = "en") -> None:
    """Type an idea into the capture screen's box and press its button."""
    page.get_by_role("textbox", name=text(lang, "ideas.label")).fill(idea)
    page.get_by_role("button", name=text(lang, "ideas.add"), exact=True).click()
    expect(page.get_by_role("textbox", name=text(lang, "ideas.label"))).to_have_value("")


def ideas_in(page: Page) -> Locator:
    """The ideas in the screen's idea list (capture screen: mine; board: the table's)."""
    return page.get_by_test_id("idea-list").get_by_test_id("idea")


def set_language(page: Page, lang: str) -> None:
    """Switch the UI to `lang` with the language button, whichever language it is in now."""
    current = page.locator("html").get_attribute("lang")
    if current == lang:
        return
    if lang == "cy":
        switch_language(page, "cy")
    else:
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("button", name="Cymraeg")).to_be_visible()


class Axe:
    """Runs axe-core on each screen checked and keeps every violation, so that one test reports
    all of them at the end (as `assert_accessible` would, screen by screen) while the rest of
    the journey still runs."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.checked: list[str] = []

    def check(self, page: Page, screen: str) -> None:
        lang = page.locator("html").get_attribute("lang")
        loading = text(lang or "en", "common.loading")
        expect(page.get_by_role("status").filter(has_text=loading)).to_have_count(0)
        self.checked.append(f"[{lang}] {screen}")
        for violation in axe_violations(page):
            self.found.append(f"[{lang}] {screen} ({page.url}): {violation}")

    def assert_clean(self) -> None:
        assert self.found == [], "axe-core violations:\n" + "\n".join(self.found)
