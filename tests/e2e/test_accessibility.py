"""Accessibility: axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on every page a civil servant meets on the way from
the portal into PersoSelfService, in French and in English, on a desktop screen and on a phone.

Pieter opens the portal and a help article, starts a login from PersoSelfService (the key chooser, then each key's
page of that login), types his username and password for the token card key, reads the code page, types the code
and lands in PersoSelfService (home, personal data), then opens his account at the gateway ("my digital keys",
"my activity"). The password key is not offered to PersoSelfService (it wants Level300): its page is the one of a
login to the account area, where it is offered. Each page is checked with the rules of those tags only, and saved
as test-artifacts/screenshots/a11y-PAGE-LANG-SIZE.png. One login per language and screen size; a test fails with
every violation of every page it visited, not only the first.
"""

import json
import os
import re
import subprocess
import tempfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]}

SIZES = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2},
}
LOCALES = {"fr": ("fr-BE", "fr-BE,fr;q=0.9"), "en": ("en-GB", "en-GB,en;q=0.9")}
CODE_KEYS = ["email", "totp", "token", "eid"]  # offered to PersoSelfService (Level300 and above)


@pytest.fixture(scope="module")
def pieter():
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.fail("PERSOPOINT_BIN is not set: run ./scripts/test.sh", pytrace=False)
    with tempfile.TemporaryDirectory() as data:
        done = subprocess.run([binary, "demo", "credentials", "--json", "--data-dir", data],
                              capture_output=True, text=True, timeout=60, check=True)
    return {person["givenName"]: person for person in json.loads(done.stdout)["people"]}["Pieter"]


@pytest.fixture(scope="module")
def axe():
    return Axe()


class Audit:
    """Runs axe on the pages one visits, keeps every violation, and a screenshot of each page."""

    def __init__(self, axe, screenshot, lang, size):
        self.axe, self.screenshot, self.lang, self.size = axe, screenshot, lang, size
        self.checked = []
        self.problems = []  # (page name, URL, violation)

    def check(self, page, name):
        page.wait_for_load_state("load")
        expect(page.locator("html")).to_have_attribute("lang", self.lang)
        results = self.axe.run(page, options=AXE_OPTIONS).response
        assert not results.get("incomplete_error"), results
        for violation in results["violations"]:
            self.problems.append((name, page.url, violation))
        self.checked.append(name)
        self.screenshot(page, f"a11y-{name}-{self.lang}-{self.size}.png")

    def report(self) -> str:
        lines = [f"{len(self.problems)} WCAG A/AA violation(s) in {self.lang}, {self.size}:"]
        for name, url, violation in self.problems:
            nodes = violation["nodes"]
            first = nodes[0] if nodes else {}
            lines.append(
                f"- [{name}] {violation['id']} ({violation.get('impact')}): {violation['help']} — {len(nodes)} element(s); "
                f"first: {first.get('target')} {first.get('html', '')[:300]}\n    at {url}"
            )
        return "\n".join(lines)


def open_browser(new_page, lang, size):
    locale, accept = LOCALES[lang]
    return new_page(locale=locale, extra_http_headers={"Accept-Language": accept}, **SIZES[size])


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", list(LOCALES))
def test_pieter_meets_no_wcag_barrier_from_the_portal_into_selfservice(new_page, axe, pieter, screenshot, lang, size):
    audit = Audit(axe, screenshot, lang, size)
    page = open_browser(new_page, lang, size)

    page.goto(f"/?lang={lang}")
    expect(page.locator("a#tile-selfservice")).to_be_visible()
    audit.check(page, "portal")

    page.goto("/help/security-code")
    expect(page.locator("h1")).to_be_visible()
    audit.check(page, "help")

    # The account area's login offers the password key; PersoSelfService's does not.
    page.goto("/fas/activity")
    expect(page).to_have_url(re.compile(r"/fas/login\?tx="))
    page.locator("a#key-password").click()
    expect(page.locator("form#password-form")).to_be_visible()
    audit.check(page, "key-password")

    page.goto("/selfservice")
    expect(page).to_have_url(re.compile(r"/fas/login\?tx="))
    expect(page.locator("#key-password")).to_have_class(re.compile("disabled"))
    audit.check(page, "key-chooser")
    chooser = page.url
    tx = re.search(r"tx=([^&]+)", chooser).group(1)
    for key in CODE_KEYS:
        response = page.goto(f"/fas/login/{key}?tx={tx}")
        assert response.status == 200, f"/fas/login/{key} of PersoSelfService's login answered {response.status}"
        audit.check(page, f"key-{key}")

    page.goto(f"/fas/login/token?tx={tx}")
    page.locator("#username").fill(pieter["username"])
    page.locator("#password").fill(pieter["password"])
    page.locator("#password-submit").click()
    expect(page.locator("form#code-form")).to_be_visible()
    audit.check(page, "token-code")
    position = int(page.locator("#token-position").inner_text())
    page.locator("#code").fill(pieter["tokenCard"][position - 1])
    page.locator("#code-submit").click()

    expect(page).to_have_url(re.compile(r"/selfservice(\?lang=\w+)?$"))
    expect(page.locator("#welcome")).to_be_visible()
    audit.check(page, "selfservice-home")
    page.goto("/selfservice/personal")
    expect(page.locator("#field-street")).to_be_visible()
    audit.check(page, "selfservice-personal")

    page.goto("/fas/keys")
    expect(page).to_have_url(re.compile(r"/fas/keys(\?lang=\w+)?$"))
    audit.check(page, "keys")
    page.goto("/fas/activity")
    expect(page).to_have_url(re.compile(r"/fas/activity(\?lang=\w+)?$"))
    expect(page.locator("#activity")).to_be_visible()
    audit.check(page, "activity")

    if audit.problems:
        pytest.fail(audit.report(), pytrace=False)


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("lang", list(LOCALES))
def test_the_change_password_page_meets_wcag_a_and_aa(new_page, axe, pieter, screenshot, lang, size, base_url):
    """The account area's "change my password" page, once it exists (it is being built)."""
    page = open_browser(new_page, lang, size)
    response = page.request.get(f"{base_url}/fas/password", max_redirects=0)
    if response.status == 404:
        pytest.skip("/fas/password answers 404: the change-password page is not there yet")

    page.goto(f"/fas/password?lang={lang}")
    if re.search(r"/fas/login\?tx=", page.url):
        password_offered = "disabled" not in (page.locator("#key-password").get_attribute("class") or "")
        page.locator("a#key-password" if password_offered else "a#key-token").click()
        page.locator("#username").fill(pieter["username"])
        page.locator("#password").fill(pieter["password"])
        page.locator("#password-submit").click()
        if not password_offered:
            position = int(page.locator("#token-position").inner_text())
            page.locator("#code").fill(pieter["tokenCard"][position - 1])
            page.locator("#code-submit").click()
    expect(page).to_have_url(re.compile(r"/fas/password(\?lang=\w+)?$"))
    audit = Audit(axe, screenshot, lang, size)
    audit.check(page, "password")
    if audit.problems:
        pytest.fail(audit.report(), pytrace=False)
