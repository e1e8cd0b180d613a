"""The phone's fingerprint or face: WebAuthn's platform authenticator with user verification, in a real browser.

A phone (chromium at 390×844, mobile, touch) with a fingerprint reader: Chrome's virtual authenticator through the
DevTools protocol (CTAP2, internal transport, user verification, the person always recognised). It is paired with a
demo person's identity through the development pairing form; the idle view then offers "Also confirm with my
fingerprint or face" (#biometrics-enable). Tapping it registers a credential (navigator.credentials.create, platform
attachment, user verification required, ES256) with the service, which says so, and the offer goes away — for good:
the state the phone reloads names the credential.

Then the person logs in to PersoSelfService on a computer (1280×800) with the gateway's itsme key: the chooser, their
mobile number, a two-digit number on the computer. The phone offers three numbers; after the right one is tapped, the
button "Confirm with fingerprint or face" (#confirm-biometric) stands beside the code form, and tapping it confirms
(the authenticator signs the request's challenge with UV): the computer goes on to PersoSelfService, logged in.
In English and in French (screenshots bio-<lang>-<step>.png).

And when the finger or face is not recognised (the virtual authenticator's isUserVerified turned off): the page says
"Fingerprint or face not recognised: type your code.", nothing is refused, and the 5-digit code still confirms.

WebAuthn refuses IP-address origins, so the server of this module has the public URL http://localhost:PORT and the
pages are opened there (rpId localhost).
"""

import os
import re
import sys
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from interop.servers import ExtraServer  # noqa: E402
from itsme_screens import open_computer_and_phone, pair  # noqa: E402
from own_server import demo_people  # noqa: E402

# MobileIDTexts+Languages.swift and ItsmeTexts.swift, word for word.
TEXTS = {
    "en": {
        "offer": "Also confirm with my fingerprint or face",
        "on": "Your fingerprint or face now confirms requests on this phone.",
        "confirm": "Confirm with fingerprint or face",
        "failed": "Fingerprint or face not recognised: type your code.",
        "confirmed": "Confirmed. You can go on on your computer.",
        "wait": "Confirm on your phone",
    },
    "fr": {
        "offer": "Confirmer aussi avec mon empreinte digitale ou mon visage",
        "on": "Votre empreinte digitale ou votre visage confirme désormais les demandes sur ce téléphone.",
        "confirm": "Confirmer avec l’empreinte ou le visage",
        "failed": "Empreinte ou visage non reconnu : tapez votre code.",
        "confirmed": "Confirmé. Vous pouvez continuer sur votre ordinateur.",
        "wait": "Confirmez sur votre téléphone",
    },
}
VIRTUAL_AUTHENTICATOR = {
    "protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True,
    "isUserVerified": True, "automaticPresenceSimulation": True,
}


class LocalhostServer(ExtraServer):
    """An ExtraServer whose public URL (and the address the tests use) is http://localhost:PORT, not 127.0.0.1."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.url = f"http://localhost:{self.port}"


@pytest.fixture(scope="module")
def server():
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.fail("PERSOPOINT_BIN is not set: run ./scripts/test.sh", pytrace=False)
    started = LocalhostServer(binary, "e2e-biometrics").start()
    yield started
    started.cleanup()


@pytest.fixture(scope="module")
def people(server):
    return demo_people(server)


@pytest.fixture
def screens(browser, server):
    """screens(lang) → (computer page, phone page, phone's CDP session, virtual authenticator id)."""
    contexts = []

    def open_screens(lang):
        computer, phone = open_computer_and_phone(browser, server, lang, contexts)
        # The fingerprint reader, there before the app page asks whether the phone has one.
        cdp = phone.context.new_cdp_session(phone)
        cdp.send("WebAuthn.enable")
        authenticator = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": VIRTUAL_AUTHENTICATOR})["authenticatorId"]
        return computer, phone, cdp, authenticator

    yield open_screens
    for context in contexts:
        context.close()


def turn_on_biometrics(phone, cdp, authenticator, lang):
    offer = phone.locator("#biometrics-enable")
    expect(offer).to_be_visible()
    expect(offer).to_have_text(TEXTS[lang]["offer"])
    offer.click()
    expect(phone.locator("#app-status")).to_have_text(TEXTS[lang]["on"])
    expect(offer).to_have_attribute("hidden", "")
    expect(offer, "#biometrics-enable has the hidden attribute but is still displayed (a stylesheet rule beats [hidden]?)").to_be_hidden()
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert len(credentials) == 1, credentials
    assert credentials[0]["rpId"] == "localhost", credentials[0]


def start_login(computer, person, lang):
    """PersoSelfService → the key chooser → itsme → the mobile number: the number the computer shows."""
    computer.goto("/selfservice/login")
    expect(computer).to_have_url(re.compile(r"/fas/login\?tx="))
    computer.click("a[href*='/fas/login/itsme?']")
    computer.fill("#itsme-phone", person["phone"])
    computer.click("#itsme-send")
    expect(computer.locator("h1")).to_have_text(TEXTS[lang]["wait"])
    number = computer.inner_text("#itsme-number").strip()
    assert re.fullmatch(r"[1-9]\d", number), number
    return number


def tap_number(phone, number):
    choices = phone.locator(".number-choice")
    expect(choices).to_have_count(3, timeout=5_000)
    assert number in [c.strip() for c in choices.all_inner_texts()]
    phone.click(f".number-choice[data-number='{number}']")
    expect(phone.locator("#code-form")).to_be_visible()
    expect(phone.locator("#confirm-biometric"), "the fingerprint button is not offered beside the code form "
           "(did the state the phone rendered name the credential?)").to_be_visible()


def expect_logged_in(computer, person):
    computer.wait_for_url(re.compile(r"/selfservice/?$"), timeout=20_000)
    expect(computer.locator("main")).to_contain_text(person["givenName"])


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_login_confirmed_with_the_fingerprint(screens, people, screenshot, lang):
    person = people["Lena"] if lang == "en" else people["Pieter"]
    computer, phone, cdp, authenticator = screens(lang)
    pair(phone, person)
    screenshot(phone, f"bio-{lang}-1-offer")
    turn_on_biometrics(phone, cdp, authenticator, lang)
    screenshot(phone, f"bio-{lang}-2-on")

    # The phone remembers: after a reload the state names the credential, and the offer stays away.
    phone.reload()
    expect(phone.locator("#app-idle")).to_be_visible()
    expect(phone.locator("#app-hello")).to_contain_text(person["givenName"])
    time.sleep(0.5)  # the platform check and the state both answered
    expect(phone.locator("#biometrics-enable"), "the offer is displayed again after a reload").to_be_hidden()

    number = start_login(computer, person, lang)
    screenshot(computer, f"bio-{lang}-3-computer-waits")
    expect(phone.locator(".number-choice")).to_have_count(3, timeout=5_000)
    expect(phone.locator("#confirm-biometric"), "the fingerprint button is displayed before a number is chosen").to_be_hidden()
    tap_number(phone, number)
    button = phone.locator("#confirm-biometric")
    expect(button).to_be_visible()
    expect(button).to_have_text(TEXTS[lang]["confirm"])
    screenshot(phone, f"bio-{lang}-4-phone-asks")
    button.click()
    expect(phone.locator("#app-status")).to_have_text(TEXTS[lang]["confirmed"])
    expect(phone.locator("#app-idle")).to_be_visible()
    screenshot(phone, f"bio-{lang}-5-phone-confirmed")

    expect_logged_in(computer, person)
    screenshot(computer, f"bio-{lang}-6-logged-in")
    # The authenticator signed once at registration and once for the answer: its counter moved on.
    credentials = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})["credentials"]
    assert len(credentials) == 1 and credentials[0]["signCount"] >= 1, credentials
    assert not computer.errors and not phone.errors, (computer.errors, phone.errors)


def test_a_finger_not_recognised_leaves_the_code(screens, people, screenshot):
    lang = "en"
    person = people["Marc"]
    computer, phone, cdp, authenticator = screens(lang)
    pair(phone, person)
    turn_on_biometrics(phone, cdp, authenticator, lang)

    # No reload here: the request reaches the phone through the event stream it opened when it was paired, before
    # the fingerprint was turned on, as it does for anyone who turns it on and logs in within the next half minute.
    cdp.send("WebAuthn.setUserVerified", {"authenticatorId": authenticator, "isUserVerified": False})
    number = start_login(computer, person, lang)
    tap_number(phone, number)
    phone.click("#confirm-biometric")
    status = phone.locator("#app-status")
    expect(status).to_have_text(TEXTS[lang]["failed"], timeout=20_000)
    expect(status).to_have_class("form-error")
    # Nothing was refused: the request still waits, its code form with it, and the computer still waits too.
    expect(phone.locator("#app-request")).to_be_visible()
    expect(phone.locator("#code-form")).to_be_visible()
    expect(computer.locator("#itsme-number")).to_be_visible()
    screenshot(phone, f"bio-{lang}-7-not-recognised")

    phone.fill("#app-code", person["itsmeCode"])
    phone.click("#confirm-request")
    expect(phone.locator("#app-status")).to_have_text(TEXTS[lang]["confirmed"])
    screenshot(phone, f"bio-{lang}-8-code-confirmed")
    expect_logged_in(computer, person)
    screenshot(computer, f"bio-{lang}-9-logged-in")
    assert not computer.errors and not phone.errors, (computer.errors, phone.errors)
