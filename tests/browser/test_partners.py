"""An owner manages partner access in the web client, in English and in Welsh, at phone width:
creates an API key (shown once) and revokes it; subscribes a webhook to a real local receiver
(which refuses the first try), sees the test ping delivered in the log and opens it, by keyboard,
onto both attempts. axe-core finds nothing on any of these screens."""

import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from backend.config import PROJECT_ROOT
from backend.webhooks.signing import verify_signature
from tests.browser.axe import axe_violations
from tests.browser.helpers import api_sign_up, switch_language
from tests.browser.server import running_server
from tests.webhooks.receiver import Receiver, receiving

AREA = PROJECT_ROOT / "frontend" / "src" / "i18n" / "areas"


@pytest.fixture(scope="module")
def base_url(server_data_dir: Path) -> Iterator[str]:
    """This module's server may deliver webhooks to loopback (the test receiver), promptly."""
    extra = {
        "WEBHOOKS_ALLOW_PRIVATE_TARGETS": "true",
        "WEBHOOKS_POLL_SECONDS": "0.3",
        "WEBHOOKS_RETRY_BASE_SECONDS": "0.2",
        "WEBHOOKS_RETRY_MAX_SECONDS": "0.5",
    }
    with running_server(server_data_dir, extra) as url:
        yield url


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with receiving(fail_first=1) as running:
        yield running


@cache
def _strings(lang: str) -> dict[str, Any]:
    return dict(json.loads((AREA / f"partners.{lang}.json").read_text(encoding="utf-8")))


def t(lang: str, key: str, **values: object) -> str:
    node: Any = _strings(lang)["partners"]
    for part in key.split("."):
        node = node[part]
    for name, value in values.items():
        node = node.replace("{{" + name + "}}", str(value))
    return str(node)


def assert_accessible(page: Page, screen: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"axe-core violations on {screen}: {violations}"


def partner_status(context: BrowserContext, base_url: str, token: str) -> int:
    answer = context.request.get(
        f"{base_url}/api/v1/partner/organisation", headers={"Authorization": f"Bearer {token}"}
    )
    return answer.status


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_owner_manages_keys_and_webhooks(
    new_context: Any, base_url: str, receiver: Receiver, lang: str
) -> None:
    context: BrowserContext = new_context(phone=True)
    page = context.new_page()
    me = api_sign_up(context, base_url)
    organisation_id = me["memberships"][0]["organisation_id"]

    page.goto(f"/organisations/{organisation_id}/api-keys")
    switch_language(page, lang)
    expect(page.get_by_role("heading", level=1, name=t(lang, "keys.title"))).to_be_visible()
    page.get_by_role("button", name=t(lang, "keys.create")).click()
    expect(page.get_by_role("alert")).to_contain_text(t(lang, "keys.nameRequired"))
    assert_accessible(page, f"[{lang}] API key form with errors")

    page.get_by_label(t(lang, "keys.name"), exact=True).fill("Funder dashboard")
    page.get_by_label(t(lang, "scope.sessions_read")).check()
    page.get_by_role("button", name=t(lang, "keys.create")).click()
    shown = page.get_by_test_id("new-api-key")
    token = shown.inner_text().strip()
    assert token.startswith("cyd_pk_")
    assert_accessible(page, f"[{lang}] API key shown once")
    assert partner_status(context, base_url, token) == 200
    page.get_by_role("button", name=t(lang, "keys.done")).click()
    expect(shown).to_have_count(0)
    assert token not in page.content()

    revoke = page.get_by_role("button", name=t(lang, "keys.revokeLabel", name="Funder dashboard"))
    revoke.click()
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible()
    assert_accessible(page, f"[{lang}] revoke dialog")
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(revoke).to_be_focused()
    revoke.click()
    dialog.get_by_role("button", name=t(lang, "keys.revokeConfirm")).click()
    expect(page.get_by_role("status").filter(has_text="Funder dashboard")).to_be_visible()
    expect(page.get_by_test_id("api-keys")).to_contain_text(
        t(lang, "keys.revoked", when="").strip()
    )
    assert partner_status(context, base_url, token) == 401

    page.get_by_role("link", name=t(lang, "webhooksTab")).click()
    expect(page.get_by_role("heading", level=1, name=t(lang, "hooks.title"))).to_be_visible()
    page.get_by_label(t(lang, "hooks.url")).fill(receiver.url)
    page.get_by_label(t(lang, "event.session_phase_changed")).check()
    page.get_by_role("button", name=t(lang, "hooks.create")).click()
    secret = page.get_by_test_id("webhook-secret").inner_text().strip()
    assert secret.startswith("cyd_whsec_")
    assert_accessible(page, f"[{lang}] webhook secret shown once")
    page.get_by_role("button", name=t(lang, "hooks.done")).click()

    page.get_by_role("link", name=t(lang, "hooks.openLabel", url=receiver.url)).click()
    expect(page.get_by_role("heading", level=1, name=t(lang, "hook.title"))).to_be_visible()
    page.get_by_role("button", name=t(lang, "hook.ping")).click()
    delivered = page.get_by_test_id("deliveries").locator("li[data-status='delivered']")
    expect(delivered).to_have_count(1, timeout=20_000)
    expect(delivered).to_contain_text(t(lang, "hook.statusValue.delivered"))
    two = "hook.attemptCount_other" if lang == "en" else "hook.attemptCount_two"
    expect(delivered).to_contain_text(t(lang, two, count=2))
    expect(delivered).to_contain_text(t(lang, "hook.answered", code=200))
    assert_accessible(page, f"[{lang}] webhook deliveries log")

    toggle = delivered.get_by_role("button", name=t(lang, "event.ping"))
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    attempts = delivered.get_by_test_id("attempts").get_by_role("listitem")
    expect(attempts).to_have_count(2)
    expect(attempts.nth(0)).to_contain_text(t(lang, "hook.attemptNumber", number=1))
    expect(attempts.nth(0)).to_contain_text(t(lang, "hook.answered", code=500))
    expect(attempts.nth(0)).to_contain_text("not yet, try again")
    expect(attempts.nth(1)).to_contain_text(t(lang, "hook.answered", code=200))
    expect(attempts.nth(1)).to_contain_text("thanks")
    assert_accessible(page, f"[{lang}] a delivery opened onto its attempts")
    page.screenshot(path=f"/tmp/hooks-attempts-{lang}.png", full_page=True)
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(attempts.first).to_be_hidden()

    first, second = receiver.requests
    assert first.headers["cyd-webhook-id"] == second.headers["cyd-webhook-id"]
    for request in (first, second):
        assert verify_signature(
            secret,
            request.headers["cyd-webhook-timestamp"],
            request.body,
            request.headers["cyd-webhook-signature"],
        )
        assert json.loads(request.body)["kind"] == "ping"
