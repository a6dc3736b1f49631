"""Steps shared by the browser tests: what a facilitator or participant does on screen, and a
few API calls that arrange data quickly (the screens themselves are always visited)."""

import itertools
import json
import re
import time
import uuid
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import BrowserContext, Page, expect

from backend.config import PROJECT_ROOT
from tests.browser.axe import assert_accessible

PASSWORD = "correct horse battery staple"
_counter = itertools.count(1)


def unique_email(prefix: str = "facilitator") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@example.org"


# --- facilitator, through the UI -----------------------------------------------------------


def sign_up(page: Page, *, name: str = "Nia Facilitator", organisation: str = "Cyngor Sir") -> str:
    """Create a facilitator account on /signup; ends on the dashboard. Returns the email."""
    email = unique_email()
    page.goto("/signup")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Organisation name").fill(organisation)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1, name="My sessions")).to_be_visible()
    return email


def create_session(
    page: Page,
    *,
    title_en: str,
    title_cy: str,
    table_min: int | None = None,
    table_max: int | None = None,
) -> str:
    """From the dashboard, create a session; ends on its overview. Returns the session id."""
    page.get_by_role("link", name="Create a session").click()
    expect(page.get_by_role("heading", level=1, name="Create a session")).to_be_visible()
    page.get_by_label("Session title (English)").fill(title_en)
    page.get_by_label("Session title (Welsh)").fill(title_cy)
    if table_min is not None:
        page.get_by_label("Smallest table").fill(str(table_min))
    if table_max is not None:
        page.get_by_label("Largest table").fill(str(table_max))
    page.get_by_role("button", name="Create session").click()
    expect(page.get_by_role("heading", level=1, name=title_en)).to_be_visible()
    match = re.search(r"/sessions/([^/?#]+)$", page.url)
    assert match, page.url
    return match.group(1)


def join_code_on(page: Page) -> str:
    code = page.get_by_test_id("join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4,12}", code), code
    return code


# --- participant, through the UI -----------------------------------------------------------


def join(page: Page, code: str, name: str) -> str:
    """Join via /join/<code> (as from the QR code); ends on /me/saved. Returns the recovery code."""
    page.goto(f"/join/{code}")
    page.get_by_label("Display name").fill(name)
    page.get_by_role("button", name="Join", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Save your way back in")).to_be_visible()
    recovery = page.get_by_test_id("recovery-code").inner_text().strip()
    assert recovery
    return recovery


def fill_profile(
    page: Page,
    *,
    perspective: str,
    human_strength: str | None = None,
    social_strength: str | None = None,
    share_perspective: bool = False,
    roles: tuple[str, ...] = (),
    access_needs: str | None = None,
) -> None:
    """On /me: choose a perspective (by its label), strengths, roles and consents, then save."""
    expect(page.get_by_role("heading", level=1, name="About you")).to_be_visible()
    page.get_by_role("radio", name=perspective).check()
    for role in roles:
        page.get_by_role("checkbox", name=role).check()
    if human_strength:
        page.get_by_role("textbox", name="Human", exact=True).fill(human_strength)
    if social_strength:
        page.get_by_role("textbox", name="Social", exact=True).fill(social_strength)
    share = page.get_by_role("checkbox", name="My tablemates may see my perspective")
    share.set_checked(share_perspective)
    if access_needs:
        page.get_by_role("textbox", name="Access needs").fill(access_needs)
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()


# --- quick arrangement through the API (same cookie jar as the browser context) -----------


def _csrf(context: BrowserContext) -> str:
    for cookie in context.cookies():
        if cookie["name"] == "cyd_csrf":
            return cookie["value"]
    return ""


def api(context: BrowserContext, base_url: str, method: str, path: str, body: Any = None) -> Any:
    """Call the API with the context's cookies (context.request shares the browser's cookie jar),
    an Origin header and the CSRF token, as the SPA does."""
    headers = {"Origin": base_url, "X-CSRF-Token": _csrf(context)}
    response = context.request.fetch(
        f"{base_url}/api/v1{path}", method=method, headers=headers, data=body
    )
    assert response.ok, f"{method} {path}: {response.status} {response.text()}"
    return response.json() if response.status != 204 else None


def api_sign_up(
    context: BrowserContext, base_url: str, *, name: str = "Owain Facilitator"
) -> dict[str, Any]:
    """A facilitator account with its own organisation; signs this context in."""
    body = {
        "name": name,
        "email": unique_email(),
        "password": PASSWORD,
        "organisation_name": f"Bwrdd Iechyd {next(_counter)}",
        "locale": "en",
    }
    return dict(api(context, base_url, "POST", "/auth/signup", body))


def api_create_session(
    context: BrowserContext,
    base_url: str,
    organisation_id: str,
    *,
    title_en: str,
    title_cy: str,
    table_min: int = 5,
    table_max: int = 8,
) -> dict[str, Any]:
    body = {
        "organisation_id": organisation_id,
        "title": {"en": title_en, "cy": title_cy},
        "challenge": {
            "en": "How can the bus reach the valley?",
            "cy": "Sut all y bws gyrraedd y cwm?",
        },
        "consent_text": {
            "en": "We publish ideas without names.",
            "cy": "Rydym yn cyhoeddi syniadau heb enwau.",
        },
        "mode": "venue",
        "venue": "Neuadd y Pentref",
        "starts_at": "2030-05-01T09:30:00+00:00",
        "languages": ["en", "cy"],
        "table_size": {"min": table_min, "max": table_max},
    }
    return dict(api(context, base_url, "POST", "/sessions", body))


def api_join(context: BrowserContext, base_url: str, code: str, name: str) -> dict[str, Any]:
    """Join a session as a participant from this context (sets its participant cookie)."""
    body = {"code": code, "display_name": name, "locale": "en"}
    return dict(api(context, base_url, "POST", "/join", body))


# --- the UI's own strings, to assert on what people read in either language ---------------

_I18N = PROJECT_ROOT / "frontend" / "src" / "i18n"


@cache
def _messages(lang: str) -> dict[str, Any]:
    """The catalogue as the SPA builds it (frontend/src/i18n/catalogue.ts): every area's
    sections."""
    messages: dict[str, Any] = {}
    for area in sorted((_I18N / "areas").glob(f"*.{lang}.json")):
        messages.update(json.loads(area.read_text(encoding="utf-8")))
    return messages


def text(lang: str, key: str, **values: object) -> str:
    """The UI string `key` ("join.title") in `lang`, with {{placeholders}} filled in."""
    node: Any = _messages(lang)
    for part in key.split("."):
        node = node[part]
    assert isinstance(node, str), key
    for name, value in values.items():
        node = node.replace("{{" + name + "}}", str(value))
    return node


def switch_language(page: Page, lang: str) -> None:
    """Use the language button (when needed) so the UI is in `lang`; checks <html lang>."""
    html = page.locator("html")
    if lang == "cy":
        page.get_by_role("button", name="Cymraeg").click()
    expect(html).to_have_attribute("lang", lang)
    expect(
        page.get_by_role("button", name="English" if lang == "cy" else "Cymraeg")
    ).to_be_visible()


def check_both_languages(page: Page, screen: str, heading: str) -> None:
    """Axe-check the screen in English, switch to Welsh (its level-1 heading is `heading`) and
    check again, then switch back to English."""
    assert_accessible(page, f"{screen} (en)")
    switch_language(page, "cy")
    expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
    assert_accessible(page, f"{screen} (cy)")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


# --- emails the server wrote to its outbox (DATA_DIR/outbox) -------------------------------


def emailed_link(data_dir: Path, to: str, template: str, timeout: float = 10.0) -> str:
    """The link in the latest `template` email to `to`. Mail is sent just after the response,
    so wait (briefly) until it is there."""
    deadline = time.monotonic() + timeout
    while True:
        for path in sorted((data_dir / "outbox").glob("*.json"), reverse=True):
            mail = json.loads(path.read_text(encoding="utf-8"))
            if mail["to"] == to and mail["template"] == template:
                match = re.search(r"https?://\S+", mail["text"])
                assert match, mail["text"]
                return match.group(0)
        if time.monotonic() > deadline:
            raise AssertionError(f"no {template} email to {to} in {data_dir / 'outbox'}")
        time.sleep(0.05)


def token_of(link: str) -> str:
    """The token in an emailed link (?token=... or #...)."""
    parts = urlsplit(link)
    token = parse_qs(parts.query).get("token", [parts.fragment])[0]
    assert token, link
    return token
