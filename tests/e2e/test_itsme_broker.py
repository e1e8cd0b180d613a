"""Logging in to PersoSelfService with itsme in the gateway's broker mode, in a real browser on a computer and another
on a phone.

In broker mode (PERSOPOINT_ITSME_MODE=broker) the gateway does not ask for the phone number itself: its itsme key
sends the person by the authorisation code flow (client fas-gateway, PKCE S256, state, nonce, acr_values Level450,
ui_locales) to the mobile identity service's own page, /mobileid/authorize. There the person types their mobile number
and sees a two-digit number; their phone (390×844, touch), paired once through the development pairing form, offers
three numbers, they tap the one the computer shows and type their 5-digit code. The computer's page, which asks the
service every two seconds, goes on by itself: back to the gateway at /fas/itsme/return with a code, which the gateway
redeems with private_key_jwt, and on to PersoSelfService, logged in.

Sophie does it in French and Pieter in Dutch, with screenshots of both screens at each step
(broker-<lang>-<step>-<computer|phone>.png). Then what stops a login: Marc answers "This wasn't me" on his phone, or
cancels on the service's page, and lands on the gateway's page #itsme-error with a way to try again (#itsme-again,
which leads back to the service's page) and a way back to the keys. A state the gateway did not give, or one already
used, is a 404 at /fas/itsme/return.

A server of its own, started with PERSOPOINT_ITSME_MODE=broker (--dev: the demo people each have a phone and a code,
and the pairing route exists).
"""

import os
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from itsme_screens import national_format, open_computer_and_phone, pair
from own_server import demo_people
from interop.servers import ExtraServer  # own_server put tests/ on sys.path

PEOPLE = {"fr": "Sophie", "nl": "Pieter"}
LEVEL450 = "urn:be:fedict:iam:fas:Level450"
# AuthorizeTexts.swift, ItsmeTexts.swift and MobileIDTexts+Languages.swift, word for word.
SERVICE_TITLE = {"fr": "S'identifier avec itsme", "nl": "Aanmelden met itsme", "en": "Log in with itsme"}
WAIT_TITLE = {"fr": "Confirmez sur votre téléphone", "nl": "Bevestig op uw telefoon", "en": "Confirm on your phone"}
CONFIRMED = {"fr": "Confirmé. Vous pouvez continuer sur votre ordinateur.", "nl": "Bevestigd. U kunt verder op uw computer.",
             "en": "Confirmed. You can go on on your computer."}
REFUSED_ON_PHONE = "Request refused. Nobody logged in."
DENIED_ON_PHONE = "The itsme login was refused or cancelled."


@pytest.fixture(scope="module")
def server():
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.fail("PERSOPOINT_BIN is not set: run ./scripts/test.sh", pytrace=False)
    # As own_server.start_own_server, with the broker mode's setting in the server's environment.
    started = ExtraServer(binary, "e2e-itsme-broker", env={"PERSOPOINT_ITSME_MODE": "broker"}).start()
    yield started
    started.cleanup()


@pytest.fixture(scope="module")
def people(server):
    return demo_people(server)


@pytest.fixture
def screens(browser, server):
    """screens(lang) → (computer page, phone page), each in a browser context of its own."""
    contexts = []

    def open_screens(lang):
        return open_computer_and_phone(browser, server, lang, contexts)

    yield open_screens
    for context in contexts:
        context.close()


def query(url):
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def to_the_service(computer, server, lang):
    """PersoSelfService → the gateway's key chooser → its itsme key → the service's page (/mobileid/authorize), which
    must have been asked for by the code flow as the contract says."""
    computer.goto("/selfservice/login")
    expect(computer).to_have_url(re.compile(r"/fas/login\?tx="))
    itsme = computer.locator("#key-itsme")
    expect(itsme).to_have_attribute("href", re.compile(r"/fas/login/itsme\?tx="))
    itsme.click()
    expect(computer).to_have_url(re.compile(r"/mobileid/authorize\?"))
    asked = query(computer.url)
    assert urlsplit(computer.url).netloc == urlsplit(server.url).netloc, computer.url
    assert asked.get("response_type") == "code" and asked.get("client_id") == "fas-gateway", asked
    assert asked.get("redirect_uri") == f"{server.url}/fas/itsme/return", asked
    assert asked.get("code_challenge_method") == "S256" and len(asked.get("code_challenge", "")) >= 43, asked
    assert asked.get("state") and asked.get("nonce"), asked
    assert asked.get("acr_values") == LEVEL450, asked
    assert asked.get("ui_locales") == lang, asked
    assert "openid" in asked.get("scope", "").split() and "egovnrn" in asked.get("scope", "").split(), asked
    refused = computer.locator("#authorize-refused")
    if refused.count():
        reason = computer.locator("[data-reason]")
        pytest.fail(f"the service refused the gateway's authorisation request ({refused.inner_text()}: "
                    f"{reason.get_attribute('data-reason') if reason.count() else '?'}) at {computer.url}", pytrace=False)
    expect(computer.locator("h1")).to_have_text(SERVICE_TITLE[lang])
    expect(computer.locator("#authorize-form #phone")).to_be_visible()
    expect(computer.locator("#create-identity")).to_have_attribute("href", re.compile(r"/mobileid/enrol$"))
    return asked


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_demo_person_logs_in_with_itsme_at_the_services_own_page(screens, server, people, screenshot, lang):
    person = people[PEOPLE[lang]]
    computer, phone = screens(lang)

    def shoot(step):
        screenshot(computer, f"broker-{lang}-{step}-computer")
        screenshot(phone, f"broker-{lang}-{step}-phone")

    returns = []
    computer.on("request", lambda request: returns.append(request.url) if "/fas/itsme/return?" in request.url else None)

    pair(phone, person)
    computer.goto("/selfservice/login")
    expect(computer).to_have_url(re.compile(r"/fas/login\?tx="))
    expect(computer.locator("#key-itsme")).to_be_visible()
    shoot("1-chooser")

    to_the_service(computer, server, lang)
    expect(computer.locator("html")).to_have_attribute("lang", lang)
    shoot("2-mobileid")
    computer.fill("#phone", national_format(person["phone"]))
    shoot("3-phone-number")
    computer.click("#authorize-send")

    expect(computer).to_have_url(re.compile(r"/mobileid/authorize/wait\?flow="))
    expect(computer.locator("h1")).to_have_text(WAIT_TITLE[lang])
    number = computer.inner_text("#match-number").strip()
    assert re.fullmatch(r"\d\d", number), number
    expect(computer.locator("#countdown")).to_be_visible()
    expect(computer.locator("#authorize-check")).to_be_visible()

    choices = phone.locator(".number-choice")
    expect(choices).to_have_count(3, timeout=5_000)
    assert number in [c.strip() for c in choices.all_inner_texts()], (number, choices.all_inner_texts())
    shoot("4-number")
    phone.tap(f".number-choice[data-number='{number}']")
    phone.fill("#app-code", person["itsmeCode"])
    shoot("5-code")
    phone.tap("#confirm-request")
    expect(phone.locator("#app-status")).to_have_text(CONFIRMED[lang])

    # Nobody touches the computer: its page sees the answer and goes on, through the gateway, to the application.
    computer.wait_for_url(re.compile(r"/selfservice/?$"), timeout=20_000)
    expect(computer.locator("main")).to_contain_text(person["givenName"])
    shoot("6-logged-in")
    assert not computer.errors and not phone.errors, (computer.errors, phone.errors)

    # The gateway was given a code, its state and the service's issuer; the same answer twice is refused.
    assert len(returns) == 1, returns
    back = query(returns[0])
    assert back.get("code") and back.get("state") and back.get("iss") == f"{server.url}/mobileid", back
    replayed = computer.goto(returns[0])
    assert replayed.status == 404, f"a used state at /fas/itsme/return must be a 404, got {replayed.status}"
    made_up = computer.goto("/fas/itsme/return?code=whatever&state=nobody-gave-this&iss=" + server.url + "/mobileid")
    assert made_up.status == 404, f"an unknown state at /fas/itsme/return must be a 404, got {made_up.status}"


def test_refusing_on_the_phone_or_cancelling_ends_on_the_gateways_itsme_error_page(screens, server, people, screenshot):
    """Marc refuses on his phone ("This wasn't me"), tries again, and cancels on the service's page: both times the
    gateway's #itsme-error page, with #itsme-again and a way back to the keys."""
    person = people["Marc"]
    computer, phone = screens("en")
    pair(phone, person)

    to_the_service(computer, server, "en")
    computer.fill("#phone", person["phone"])
    computer.click("#authorize-send")
    number = computer.inner_text("#match-number").strip()
    assert re.fullmatch(r"\d\d", number), number
    expect(phone.locator(".number-choice")).to_have_count(3, timeout=5_000)
    phone.tap("#refuse-request")
    expect(phone.locator("#app-status")).to_have_text(REFUSED_ON_PHONE)

    expect(computer.locator("#itsme-error")).to_have_text(DENIED_ON_PHONE, timeout=20_000)
    assert urlsplit(computer.url).path.startswith("/fas/"), f"the error page should be the gateway's: {computer.url}"
    again = computer.locator("#itsme-again")
    expect(again).to_be_visible()
    expect(again).to_have_attribute("href", re.compile(r"/fas/login/itsme\?tx="))
    expect(computer.locator("a[href*='/fas/login?tx=']")).to_have_count(1)  # back to the keys
    screenshot(computer, "broker-en-refused-computer")
    screenshot(phone, "broker-en-refused-phone")

    # Try again: the itsme key sends him to the service's page once more; this time he cancels there.
    again.click()
    expect(computer).to_have_url(re.compile(r"/mobileid/authorize\?"))
    assert query(computer.url).get("client_id") == "fas-gateway", computer.url
    expect(computer.locator("#authorize-form #phone")).to_be_visible()
    computer.click("#authorize-cancel")
    expect(computer.locator("#itsme-error")).to_have_text(DENIED_ON_PHONE, timeout=20_000)
    expect(computer.locator("#itsme-again")).to_be_visible()
    screenshot(computer, "broker-en-cancelled-computer")

    # Back to the keys: the chooser of the same login.
    computer.click("a[href*='/fas/login?tx=']")
    expect(computer.locator("#key-itsme")).to_be_visible()
    assert not computer.errors and not phone.errors, (computer.errors, phone.errors)
