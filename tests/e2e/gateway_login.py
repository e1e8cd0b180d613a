"""Logging in at the gateway's key chooser as a person does, shared by the stories that need a Level300 login."""

import re

from playwright.sync_api import expect


def log_in_with_token_card(page, person):
    """At the gateway's key chooser: username and password, then the code the token card holds at the position
    asked (Level300)."""
    expect(page).to_have_url(re.compile(r"/fas/login\?tx="))
    page.locator("a#key-token").click()
    page.locator("#username").fill(person["username"])
    page.locator("#password").fill(person["password"])
    page.locator("#password-submit").click()
    position = int(page.locator("#token-position").inner_text())
    page.locator("#code").fill(person["tokenCard"][position - 1])
    page.locator("#code-submit").click()
