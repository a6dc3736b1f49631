"""Browser fixtures: one server per test module, Debian's Chromium driven by Playwright."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright

from tests.browser.server import running_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def server_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The module's server's DATA_DIR (its database, and the outbox of emails it sent)."""
    return tmp_path_factory.mktemp("server")


@pytest.fixture(scope="module")
def base_url(server_data_dir: Path) -> Iterator[str]:
    with running_server(server_data_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def new_context(browser: Browser, base_url: str) -> Iterator:  # type: ignore[type-arg]
    """Factory for separate browser contexts (separate people), phone-sized by default."""
    contexts: list[BrowserContext] = []

    def _make(*, phone: bool = True, locale: str = "en-GB") -> BrowserContext:
        viewport: ViewportSize = (
            {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
        )
        context = browser.new_context(
            base_url=base_url,
            viewport=viewport,
            locale=locale,
            bypass_csp=True,  # axe is injected
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context

    yield _make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context) -> Page:  # type: ignore[no-untyped-def]
    return new_context(phone=False).new_page()
