"""The browser fixture skips without chromium, unless CI requires the browser."""

import pytest

from tests.browser.conftest import _unavailable


def test_missing_browser_is_a_skip_by_default(monkeypatch):
    monkeypatch.delenv("SAFEGRID_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no chromium"):
        _unavailable("no chromium at /nowhere")


def test_missing_browser_fails_when_required(monkeypatch):
    monkeypatch.setenv("SAFEGRID_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="SAFEGRID_REQUIRE_BROWSER=1"):
        _unavailable("no chromium at /nowhere")
