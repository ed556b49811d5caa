"""The headless Chromium the widget tests drive (Debian's `chromium`, through Playwright)."""
from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "Debian package 'chromium' is missing (scripts/install-test-services.sh)"
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True,
                                     args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield browser
        browser.close()
