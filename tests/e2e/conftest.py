"""Shared fixtures for the end-to-end tests: a real PersoPoint server, driven by Debian's chromium.

scripts/test.sh starts the server and sets PERSOPOINT_URL and PERSOPOINT_SCREENSHOTS.
"""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("PERSOPOINT_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("PERSOPOINT_URL")
    if not url:
        pytest.exit("PERSOPOINT_URL is not set: run ./scripts/test.sh, or start a server and export it", 2)
    return url.rstrip("/")


@pytest.fixture(scope="session")
def screenshot_dir():
    path = Path(os.environ.get("PERSOPOINT_SCREENSHOTS", "test-artifacts/screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def browser():
    # Debian's chromium, never a Playwright download; no sandbox because CI runs as root.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, base_url):
    """Opens a page in a fresh browser context (own cookies); keyword arguments go to new_context."""
    contexts = []

    def open_page(**options):
        options.setdefault("base_url", base_url)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def screenshot(screenshot_dir):
    """screenshot(page, "name.png") saves a full-page PNG next to the other test artifacts."""

    def take(page, name):
        if not name.endswith(".png"):
            name += ".png"
        page.screenshot(path=str(screenshot_dir / name), full_page=True)

    return take
