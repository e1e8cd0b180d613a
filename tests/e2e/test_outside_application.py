"""An outside application logs civil servants in through the gateway, in Chromium, with every digital key.

The application is Apache httpd with mod_auth_openidc (apache_rp.py, tests/e2e/apache/relying-party.conf) at
http://localhost:PORT, while the gateway is at PERSOPOINT_URL (http://127.0.0.1:...): another origin and another
site, as a real relying party. It shows the claims mod_auth_openidc passes on (a CGI page, one #claim-NAME each).

Every login ends with the gateway sending the browser to the application's redirect_uri: after a form POST for the
password and security-code keys (the browser must let that redirect leave the gateway's origin: the
Content-Security-Policy's form-action applies to it in Chromium), after a GET for the eID card reader.

The suite's own server is shared with other tests, so each story has its own demo person and key: Pieter (password),
Lena (e-mail code), Marc (authenticator app, no other test of the main server uses his; a code already used
is answered with a message, and the next step's code is tried then), Sophie (token card), Emma and Lena (eID cards).
"""

import json
import os
import re
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pyotp
import pytest
import requests
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from apache_rp import outside_application, persopoint  # noqa: F401  (fixture)

LEVEL = "urn:be:fedict:iam:fas:Level"
ARRIVAL_TIMEOUT = 20_000  # ms: the application exchanges the code at the gateway before it answers


@pytest.fixture(scope="session")
def people():
    listed = json.loads(persopoint("demo", "credentials", "--json").stdout)["people"]
    return {person["givenName"]: person for person in listed}


def digits(value) -> str:
    return re.sub(r"\D", "", str(value))


@pytest.fixture
def visit(browser, outside_application):
    """visit(**context options) → a page in a fresh browser (no session anywhere), in English, that records the
    application's answers (.rp_statuses: status, URL), the other pages shown (.gateway_pages) and the browser's
    complaints about a Content-Security-Policy (.csp)."""
    contexts = []

    def open_page(**options):
        options.setdefault("locale", "en-GB")
        options.setdefault("extra_http_headers", {"Accept-Language": "en"})
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        page.rp_statuses, page.gateway_pages, page.csp = [], [], []

        def record(response):
            if response.url.startswith(outside_application.url):
                page.rp_statuses.append((response.status, response.url))
            elif response.status == 200 and response.request.resource_type == "document":
                page.gateway_pages.append(response.url)

        page.on("response", record)
        page.on("console", lambda message: "Content Security Policy" in message.text and page.csp.append(message.text))
        return page

    yield open_page
    for context in contexts:
        context.close()


def at_key_chooser(page, gateway_url):
    expect(page).to_have_url(re.compile("^" + re.escape(gateway_url) + r"/fas/login\?tx="))


def arrives_in_the_application(page, rp, path="/protected/"):
    """The browser is back at the application, which shows who is logged in."""
    try:
        expect(page).to_have_url(re.compile("^" + re.escape(rp.url + path) + "$"), timeout=ARRIVAL_TIMEOUT)
        expect(page.locator("#rp-welcome")).to_be_visible()
    except AssertionError as error:
        raise AssertionError(
            f"the login did not come back to the outside application {rp.url}{path}; the browser is at {page.url}\n"
            f"Content-Security-Policy complaints: {page.csp or 'none reported'}\n"
            f"the application's answers: {page.rp_statuses}\n"
            f"mod_auth_openidc's errors:\n{rp.error_log()}\n{error}"
        ) from None


def claims(page) -> dict:
    return {
        node.get_attribute("id")[len("claim-"):]: node.inner_text()
        for node in page.locator("#claims dd").all()
    }


def assert_person(page, person, level):
    shown = claims(page)
    assert shown.get("acr") == f"{LEVEL}{level}", f"expected acr {LEVEL}{level}: {shown}"
    assert digits(shown.get("egovNRN")) == digits(person["nrn"]), f"egovNRN should be {person['nrn']}: {shown}"
    assert shown.get("given_name") == person["givenName"], shown
    assert shown.get("family_name") == person["surname"], shown
    assert shown.get("sub"), shown
    assert page.locator("#rp-welcome").inner_text().endswith(person["givenName"])
    assert not [s for s in page.rp_statuses if s[0] >= 500], f"the application answered an error: {page.rp_statuses}"
    return shown


def password_step(page, key, person):
    page.locator(f"a#key-{key}").click()
    page.locator("#username").fill(person["username"])
    page.locator("#password").fill(person["password"])
    page.locator("#password-submit").click()


# --- each key -----------------------------------------------------------------------------------------------------


def test_a_civil_servant_logs_in_to_an_outside_application_with_a_password(visit, outside_application, base_url, people, screenshot):
    pieter = people["Pieter"]
    page = visit()
    page.goto(outside_application.protected)
    at_key_chooser(page, base_url)
    password_step(page, "password", pieter)
    arrives_in_the_application(page, outside_application)
    assert_person(page, pieter, 200)
    screenshot(page, "outside-application-password")


def test_a_civil_servant_logs_in_to_an_outside_application_with_a_code_sent_by_email(visit, outside_application, base_url, people):
    lena = people["Lena"]
    mailbox = f"{base_url}/dev/outbox.json"

    def codes_to_lena():
        messages = requests.get(mailbox, timeout=10).json()["messages"]
        return [m for m in messages if lena["email"] in str(m.get("to", ""))]

    before = {m.get("key") or m.get("createdAt") for m in codes_to_lena()}
    page = visit()
    page.goto(outside_application.protected)
    at_key_chooser(page, base_url)
    password_step(page, "email", lena)
    expect(page.locator("form#code-form")).to_be_visible()
    deadline = time.monotonic() + 10
    while not (new := [m for m in codes_to_lena() if (m.get("key") or m.get("createdAt")) not in before]):
        assert time.monotonic() < deadline, "no new e-mail to Lena in the development mailbox"
        time.sleep(0.2)
    code = re.search(r"(?<!\d)(\d{6})(?!\d)", new[0]["text"]).group(1)
    page.locator("#code").fill(code)
    page.locator("#code-submit").click()
    arrives_in_the_application(page, outside_application)
    assert_person(page, lena, 350)


def test_a_civil_servant_logs_in_to_an_outside_application_with_an_authenticator_app(visit, outside_application, base_url, people, screenshot):
    """The Level400 part of the application (acr_values sent by mod_auth_openidc): only keys of 400 and more are
    offered."""
    marc = people["Marc"]
    app = pyotp.TOTP(marc["totpSecret"])
    page = visit()
    page.goto(f"{outside_application.url}/protected/level400/")
    at_key_chooser(page, base_url)
    for weaker in ("password", "token", "email"):
        expect(page.locator(f"#key-{weaker}")).to_have_class(re.compile("disabled"))
    password_step(page, "totp", marc)
    expect(page.locator("form#code-form")).to_be_visible()
    if 30 - time.time() % 30 < 3:  # not a code about to change
        time.sleep(30 - time.time() % 30 + 0.5)
    used = app.now()
    page.locator("#code").fill(used)
    page.locator("#code-submit").click()
    try:
        page.locator("#rp-welcome, p.form-error").first.wait_for(timeout=ARRIVAL_TIMEOUT)
    except PlaywrightTimeoutError:
        pass  # neither: arrives_in_the_application says where the browser is
    if page.url.startswith(base_url) and page.locator("p.form-error").count():
        # Refused: this step's code was used already (a run moments ago). The app shows the next one within 30 s.
        while app.now() == used:
            time.sleep(0.5)
        page.locator("#code").fill(app.now())
        page.locator("#code-submit").click()
    arrives_in_the_application(page, outside_application, "/protected/level400/")
    assert_person(page, marc, 400)
    screenshot(page, "outside-application-authenticator-app")


def test_a_civil_servant_logs_in_to_an_outside_application_with_a_token_card(visit, outside_application, base_url, people):
    sophie = people["Sophie"]
    page = visit()
    page.goto(outside_application.protected)
    at_key_chooser(page, base_url)
    password_step(page, "token", sophie)
    position = int(digits(page.locator("#token-position").inner_text()))
    page.locator("#code").fill(sophie["tokenCard"][position - 1])
    page.locator("#code-submit").click()
    arrives_in_the_application(page, outside_application)
    assert_person(page, sophie, 300)


@pytest.fixture(scope="session")
def eid_origin(outside_application):
    """The gateway's eID listener (its "identify" link), as a browser finds it from the application."""
    with requests.Session() as session:
        chooser = session.get(outside_application.protected, timeout=10)
        link = re.search(r'id="key-eid"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*id="key-eid"', chooser.text)
        assert link, f"no #key-eid link on the key chooser at {chooser.url}:\n{chooser.text[:2000]}"
        insert_card = session.get(urljoin(chooser.url, (link.group(1) or link.group(2)).replace("&amp;", "&")), timeout=10)
        identify = re.search(r'id="eid-identify"[^>]*href="([^"]+)"|href="([^"]+)"[^>]*id="eid-identify"', insert_card.text)
        assert identify, f"no #eid-identify link at {insert_card.url}:\n{insert_card.text[:2000]}"
        parts = urlsplit(identify.group(1) or identify.group(2))
        return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def card_reader(visit, eid_origin):
    """card_reader(person) → a page whose "reader" holds the person's development eID card (PIN 1234)."""

    def open_page(person):
        p12 = Path(os.environ["PERSOPOINT_DATA_DIR"]) / "pki" / "cards" / f"{digits(person['nrn'])}.p12"
        assert p12.is_file(), f"the server's --dev should have issued {person['givenName']}'s card as {p12}"
        return visit(ignore_https_errors=True,
                     client_certificates=[{"origin": eid_origin, "pfxPath": str(p12), "passphrase": "1234"}])

    return open_page


def log_in_with_eid(page, rp, base_url):
    page.goto(rp.protected)
    at_key_chooser(page, base_url)
    page.locator("a#key-eid").click()
    page.locator("#eid-identify").click()
    arrives_in_the_application(page, rp)


def test_a_civil_servant_logs_in_to_an_outside_application_with_the_eid_card_reader(card_reader, outside_application, base_url, people, screenshot):
    emma = people["Emma"]
    page = card_reader(emma)
    log_in_with_eid(page, outside_application, base_url)
    shown = assert_person(page, emma, 500)
    assert "eid" in shown.get("amr", ""), shown
    screenshot(page, "outside-application-eid")


# --- leaving, silently asking, logging out --------------------------------------------------------------------------


def test_a_civil_servant_who_cancels_on_the_key_chooser_lands_on_the_outside_applications_page(visit, outside_application, base_url, screenshot):
    page = visit()
    page.goto(outside_application.protected)
    at_key_chooser(page, base_url)
    page.locator("#cancel-login").click()
    # The application's own page saying the login did not happen (mod_auth_openidc's error template), not a 500 and
    # not the key chooser again.
    expect(page.locator("#rp-login-error")).to_contain_text("access_denied")
    assert page.url.startswith(f"{outside_application.url}/protected/redirect_uri?"), page.url
    assert "error=access_denied" in page.url and "state=" in page.url, page.url
    assert not [s for s in page.rp_statuses if s[0] >= 500], f"the application answered an error: {page.rp_statuses}"
    assert page.locator("#rp-welcome").count() == 0
    screenshot(page, "outside-application-cancelled")


def test_an_outside_application_asking_silently_without_a_gateway_session_gets_its_own_page(visit, outside_application, base_url):
    page = visit()
    page.goto(f"{outside_application.url}/silent/")
    # The gateway shows nothing and answers login_required; the application says the person is not logged in.
    expect(page.locator("#rp-login-error")).to_contain_text("login_required")
    assert page.url.startswith(f"{outside_application.url}/protected/redirect_uri?"), page.url
    assert "error=login_required" in page.url and "state=" in page.url, page.url
    assert not [s for s in page.rp_statuses if s[0] >= 500], f"the application answered an error: {page.rp_statuses}"
    assert not page.gateway_pages, f"the gateway should have shown nothing: {page.gateway_pages}"


def test_an_outside_application_asking_silently_logs_in_a_civil_servant_already_logged_in_at_the_gateway(visit, outside_application, base_url, people):
    marc = people["Marc"]
    page = visit()
    page.goto(f"{base_url}/fas/activity")  # the gateway's own page: log in there first (same origin)
    at_key_chooser(page, base_url)
    password_step(page, "password", marc)
    expect(page).to_have_url(re.compile(r"/fas/activity$"))

    page.goto(f"{outside_application.url}/silent/")
    arrives_in_the_application(page, outside_application, "/silent/")
    assert_person(page, marc, 200)


def test_logging_out_of_the_outside_application_ends_the_gateway_session_too(card_reader, outside_application, base_url, people, screenshot):
    lena = people["Lena"]
    page = card_reader(lena)
    log_in_with_eid(page, outside_application, base_url)
    assert_person(page, lena, 500)

    page.locator("#rp-logout").click()
    expect(page.locator("#rp-logged-out")).to_be_visible()
    assert page.url == f"{outside_application.url}/loggedout.html", page.url
    screenshot(page, "outside-application-logged-out")

    # Back to the application: no single sign-on any more, the gateway asks for a key again.
    page.goto(outside_application.protected)
    at_key_chooser(page, base_url)
    page.goto(f"{base_url}/fas/activity")
    at_key_chooser(page, base_url)
