"""Browser fixtures: Playwright's sync API driving the system's chromium.

Browser tests are marked ``@pytest.mark.browser`` and run against
pytest-django's ``live_server``. Without ``/usr/bin/chromium`` (or Playwright)
they are skipped, unless ``SAFEGRID_REQUIRE_BROWSER=1`` is set (CI), in which
case a missing browser is a failure.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("SAFEGRID_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 860}

# Playwright's sync API runs an asyncio loop in this thread; Django would
# otherwise refuse the ORM calls the tests make to set up their data.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _unavailable(reason: str) -> None:
    if os.environ.get("SAFEGRID_REQUIRE_BROWSER") == "1":
        pytest.fail(f"SAFEGRID_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the whole session."""
    if not CHROMIUM.exists():
        _unavailable(f"no chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture(params=[pytest.param(DESKTOP, id="desktop")])
def page(request, browser, live_server, transactional_db):
    """A fresh browser context (own cookies) on the live server; desktop size
    unless a test parametrizes ``page`` indirectly with ``PHONE``."""
    context = browser.new_context(
        viewport=request.param, base_url=live_server.url, locale="zh-CN"
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()
