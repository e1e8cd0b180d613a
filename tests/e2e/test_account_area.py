"""A civil servant's account at the gateway, reached from PersoSelfService: who is logged in, the area's pages, the
way back, a readable activity log (cards on a phone), and a logout that says it worked."""

import json
import os
import re
import subprocess
import tempfile

import pytest
from gateway_login import log_in_with_token_card
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def sophie():
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.skip("PERSOPOINT_BIN is not set: run ./scripts/test.sh")
    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run([binary, "demo", "credentials", "--json", "--data-dir", data],
                             check=True, capture_output=True, text=True).stdout
    return next(person for person in json.loads(out)["people"] if person["givenName"] == "Sophie")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_from_selfservice_to_my_activity_and_back(new_page, sophie, screenshot, viewport):
    page = new_page(viewport=PHONE) if viewport == "phone" else new_page()
    page.goto("/selfservice?lang=en")
    log_in_with_token_card(page, sophie)
    expect(page).to_have_url(re.compile(r"/selfservice(\?lang=\w\w)?$"))

    page.locator("#my-activity-link").click()
    expect(page).to_have_url(re.compile(r"/fas/activity\?from=persoselfservice"))
    # Who is logged in, a logout, the area's pages, and the way back.
    expect(page.locator("#account-name")).to_have_text("Sophie Dubois")
    expect(page.locator("#logout")).to_be_visible()
    expect(page.locator(".area-navigation a[aria-current=page]")).to_have_text("My activity")
    expect(page.locator("#area-back")).to_have_text(re.compile("Back to PersoSelfService"))
    # A line a person can read: the application by its name, the key by its name, the browser in words.
    first = page.locator("#activity tbody tr").first
    expect(first).to_contain_text("PersoSelfService")
    expect(first).to_contain_text("Token card")
    expect(first).to_contain_text(re.compile(r"Chrom\w* on Linux"))
    first.locator("summary").click()
    expect(first.locator(".not-me a").first).to_have_attribute("href", "/fas/password")
    screenshot(page, f"account-activity-en-{viewport}.png")
    if viewport == "phone":
        # Cards, not a table cut off at the right edge.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    page.locator("#area-back").click()
    expect(page).to_have_url(re.compile(r"/selfservice(\?lang=\w\w)?$"))


def test_logging_out_of_selfservice_ends_on_a_page_that_says_so(new_page, sophie, screenshot):
    page = new_page()
    page.goto("/selfservice?lang=fr")
    log_in_with_token_card(page, sophie)
    expect(page).to_have_url(re.compile(r"/selfservice(\?lang=\w\w)?$"))
    page.locator("#logout").click()
    expect(page).to_have_url(re.compile(r"/fas/logged-out"))
    expect(page.locator("#logged-out")).to_have_text("Vous êtes déconnecté")
    expect(page.locator("#shared-computer")).to_contain_text("ordinateur partagé")
    screenshot(page, "logged-out-fr.png")
