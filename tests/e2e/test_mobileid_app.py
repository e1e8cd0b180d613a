"""The mobile identity app on a phone, in a real browser: chromium at 390×844 (mobile, touch) is Sophie's phone.

She opens /mobileid/app: the phone has no identity yet (#app-setup). Through the development pairing form she types
her phone number and her 5-digit code; the page makes a WebCrypto P-256 key that never leaves the browser and shows
"Hello Sophie" (#app-idle). A relying party — plain Python, the CIBA client of tests/interop/ciba_client.py with its
own key registered by `persopoint mobileid client-add` — asks for her login with the binding message "47". Within
seconds, pushed by server-sent events, her phone asks "which number do you see on your computer?" with three
buttons; she taps 47, types her code and confirms: the page says so, and the relying party collects an ID token that
names her national number.

Then the ways nobody logs in: she taps a number the computer does not show (the request is refused, the relying party
is told access_denied), or she answers "This wasn't me" (refused too). And the same pairing and confirmation in French
and in Dutch (the browser's locale and Accept-Language), with the confirmations in those languages.

Screenshots mobileid-<lang>-<step>.png at each step. No page may log a console error or throw.

A server of its own (--dev: the demo people, each enrolled with a phone and a code, the pairing route). Sophie refuses
two requests here, one less than the push-bombing limit (three unanswered or refused in ten minutes).
"""

import re
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from interop.ciba_client import LEVEL450, RelyingParty, expect_error  # noqa: E402
from own_server import demo_people, start_own_server  # noqa: E402

PHONE = {"width": 390, "height": 844}
RP_NAME = "Interop Portal"
SHOWS_WITHIN_MS = 5_000  # the request must reach the phone "soon" (within ~1–2 s; 5 s is the limit)

# MobileIDTexts+Languages.swift, word for word.
LANGUAGES = {
    "en": {
        "context": {"locale": "en-GB", "extra_http_headers": {"Accept-Language": "en-GB,en;q=0.9"}},
        "hello": "Hello Sophie",
        "asks": f"{RP_NAME} asks you to confirm a login (level 450).",
        "which": "Which number do you see on your computer?",
        "confirmed": "Confirmed. You can go on on your computer.",
        "refused": "Request refused. Nobody logged in.",
        "wrong_number": "That is not the number shown: the request is refused.",
        "refuse_button": "This wasn't me",
    },
    "fr": {
        "context": {"locale": "fr-BE", "extra_http_headers": {"Accept-Language": "fr-BE,fr;q=0.9"}},
        "hello": "Bonjour Sophie",
        "asks": f"{RP_NAME} demande votre confirmation pour une connexion (niveau 450).",
        "which": "Quel nombre voyez-vous sur votre ordinateur ?",
        "confirmed": "Confirmé. Vous pouvez continuer sur votre ordinateur.",
    },
    "nl": {
        "context": {"locale": "nl-BE", "extra_http_headers": {"Accept-Language": "nl-BE,nl;q=0.9"}},
        "hello": "Hallo Sophie",
        "asks": f"{RP_NAME} vraagt uw bevestiging voor een aanmelding (niveau 450).",
        "which": "Welk getal ziet u op uw computer?",
        "confirmed": "Bevestigd. U kunt verder op uw computer.",
    },
}


@pytest.fixture(scope="module")
def server():
    started = start_own_server("e2e-mobileid")
    yield started
    started.cleanup()


@pytest.fixture(scope="module")
def sophie(server):
    person = demo_people(server)["Sophie"]
    assert re.fullmatch(r"\+\d{8,15}", person.get("phone", "")) and re.fullmatch(r"\d{5}", person.get("itsmeCode", "")), person
    return person


@pytest.fixture(scope="module")
def rp(server, tmp_path_factory):
    """The relying party on the computer: CIBA in poll mode, private_key_jwt."""
    return RelyingParty(server, "e2e-mobileid-rp", RP_NAME).register(tmp_path_factory.mktemp("e2e-mobileid-rp"))


class Phone:
    """The phone's page and what it logged: console errors and uncaught exceptions."""

    def __init__(self, page):
        self.page = page
        self.errors = []
        page.on("console", lambda message: self.errors.append(f"console.{message.type}: {message.text} "
                                                               f"({message.location.get('url', '')})")
                if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))

    def unexpected_errors(self, allowed=()):
        return [e for e in self.errors if not any(re.search(pattern, e) for pattern in allowed)]


@pytest.fixture
def open_phone(browser, server):
    """open_phone(lang) → a Phone: a fresh phone-sized, touch browser context on the server in that language."""
    contexts = []

    def open_(lang):
        context = browser.new_context(base_url=server.url, viewport=PHONE, is_mobile=True, has_touch=True,
                                      **LANGUAGES[lang]["context"])
        context.set_default_timeout(10_000)
        contexts.append(context)
        return Phone(context.new_page())

    yield open_
    for context in contexts:
        context.close()


def set_up_phone(phone, person, lang, screenshot=None):
    """Opens the app, pairs it with the person's phone number and code, and waits for the idle view."""
    page = phone.page
    texts = LANGUAGES[lang]
    page.goto("/mobileid/app")  # the language from the browser: locale and Accept-Language
    expect(page.locator("html")).to_have_attribute("lang", re.compile(f"^{lang}"))
    expect(page.locator("#app-setup")).to_be_visible()
    expect(page.locator("#app-idle")).to_be_hidden()
    expect(page.locator("#app-request")).to_be_hidden()
    expect(page.locator("#dev-pair-form")).to_be_visible()
    if screenshot:
        screenshot(page, f"mobileid-{lang}-setup.png")
    page.locator("#pair-phone").fill(person["phone"])
    page.locator("#pair-code").fill(person["itsmeCode"])
    page.locator("#pair-submit").tap()
    expect(page.locator("#app-idle")).to_be_visible()
    expect(page.locator("#app-hello")).to_have_text(texts["hello"])
    expect(page.locator("#app-setup")).to_be_hidden()
    expect(page.locator("#app-phones")).to_be_visible()
    expect(page.locator("#app-phone-list li")).not_to_have_count(0)
    if screenshot:
        screenshot(page, f"mobileid-{lang}-idle.png")


def ask(rp, person, **kwargs):
    """The relying party asks for the person's login; returns (auth_req_id, when it asked)."""
    started = rp.started(person["phone"], **kwargs)
    return started["auth_req_id"], time.monotonic()


def numbers_shown(phone, lang, asked_at):
    """Waits (5 s at most) for the three number buttons; checks them and the question; returns the numbers."""
    page = phone.page
    page.locator("#number-choices .number-choice").nth(2).wait_for(state="visible", timeout=SHOWS_WITHIN_MS)
    took = time.monotonic() - asked_at
    assert took < SHOWS_WITHIN_MS / 1000, f"the request reached the phone after {took:.1f} s"
    expect(page.locator("#app-request")).to_be_visible()
    expect(page.locator("#app-idle")).to_be_hidden()
    expect(page.locator("#request-asks")).to_have_text(LANGUAGES[lang]["asks"])
    expect(page.locator("#request-numbers")).to_be_visible()
    expect(page.locator("#which-number")).to_have_text(LANGUAGES[lang]["which"])
    expect(page.locator("#request-message")).to_be_hidden()
    expect(page.locator("#code-form")).to_be_hidden()
    buttons = page.locator("#number-choices .number-choice")
    expect(buttons).to_have_count(3)
    numbers = [buttons.nth(i).get_attribute("data-number") for i in range(3)]
    assert "47" in numbers and len(set(numbers)) == 3, numbers
    assert all(re.fullmatch(r"\d\d", n) for n in numbers), numbers
    assert [buttons.nth(i).inner_text().strip() for i in range(3)] == numbers
    return numbers


def no_sideways_scrolling(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling on a phone"


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_sophie_sets_up_her_phone_and_confirms_a_login_by_tapping_the_number_she_sees(open_phone, rp, sophie, screenshot, lang):
    phone = open_phone(lang)
    page = phone.page
    set_up_phone(phone, sophie, lang, screenshot)

    auth_req_id, asked_at = ask(rp, sophie, binding_message="47", scope="openid egovnrn")
    numbers_shown(phone, lang, asked_at)
    no_sideways_scrolling(page)
    screenshot(page, f"mobileid-{lang}-request.png")

    # Nothing confirmed yet: the relying party is told to wait.
    expect_error(rp.token(auth_req_id), 400, "authorization_pending")

    page.locator('#number-choices .number-choice[data-number="47"]').tap()
    expect(page.locator('#number-choices .number-choice[data-number="47"]')).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#code-form")).to_be_visible()
    expect(page.locator("#app-code")).to_be_focused()
    page.locator("#app-code").fill(sophie["itsmeCode"])
    screenshot(page, f"mobileid-{lang}-code.png")
    page.locator("#confirm-request").tap()

    expect(page.locator("#app-status")).to_have_text(LANGUAGES[lang]["confirmed"])
    expect(page.locator("#app-request")).to_be_hidden()
    expect(page.locator("#app-idle")).to_be_visible()
    screenshot(page, f"mobileid-{lang}-confirmed.png")

    tokens = rp.collected(auth_req_id)
    claims = rp.id_token_claims(tokens["id_token"])
    assert claims["egovNRN"] == sophie["nrn"] and claims["acr"] == LEVEL450, claims
    assert phone.unexpected_errors() == [], phone.errors


def test_sophie_taps_a_number_her_computer_does_not_show_and_nobody_logs_in(open_phone, rp, sophie, screenshot):
    phone = open_phone("en")
    page = phone.page
    set_up_phone(phone, sophie, "en")

    auth_req_id, asked_at = ask(rp, sophie, binding_message="47")
    numbers = numbers_shown(phone, "en", asked_at)
    wrong = next(n for n in numbers if n != "47")
    page.locator(f'#number-choices .number-choice[data-number="{wrong}"]').tap()
    expect(page.locator("#code-form")).to_be_visible()
    page.locator("#app-code").fill(sophie["itsmeCode"])
    page.locator("#confirm-request").tap()

    expect(page.locator("#app-status")).to_have_text(LANGUAGES["en"]["wrong_number"])
    expect(page.locator("#app-request")).to_be_hidden()
    screenshot(page, "mobileid-en-wrong-number.png")
    expect_error(rp.token(auth_req_id), 400, "access_denied")
    # The server's 403 to the wrong number is the page's expected answer, which chromium logs as a failed resource.
    assert phone.unexpected_errors(allowed=[r"status of 403.*/mobileid/app/answer"]) == [], phone.errors


def test_sophie_answers_this_was_not_me_and_nobody_logs_in(open_phone, rp, sophie, screenshot):
    phone = open_phone("en")
    page = phone.page
    set_up_phone(phone, sophie, "en")

    auth_req_id, asked_at = ask(rp, sophie, binding_message="47")
    numbers_shown(phone, "en", asked_at)
    refuse = page.locator("#refuse-request")
    expect(refuse).to_have_text(LANGUAGES["en"]["refuse_button"])
    refuse.tap()

    expect(page.locator("#app-status")).to_have_text(LANGUAGES["en"]["refused"])
    expect(page.locator("#app-request")).to_be_hidden()
    expect(page.locator("#app-idle")).to_be_visible()
    screenshot(page, "mobileid-en-refused.png")
    expect_error(rp.token(auth_req_id), 400, "access_denied")
    assert phone.unexpected_errors() == [], phone.errors
