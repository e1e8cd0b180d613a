"""Logging in to PersoSelfService with itsme, in a real browser on a computer and another on a phone.

Pieter's computer (chromium at 1280×800) opens PersoSelfService, which sends him to the gateway's key chooser; he
chooses "LOG IN via itsme" and types his mobile number the Belgian way (0470 …). The gateway asks the mobile identity
service by CIBA and shows a two-digit number. His phone (390×844, touch), set up once through the development
pairing, learns of the request within seconds and offers three numbers; he taps the one his computer shows and types
his 5-digit code. The computer, which has been waiting, goes on by itself to PersoSelfService, where he is logged in.

The same in French and in Dutch (screenshots itsme-<lang>-<step>.png of both screens at each step). Then what stops a
login: a number that is not a mobile number, a number nobody enrolled, the wrong number tapped on the phone (the
computer says the phone refused), and cancelling on the computer (back to the phone number, to start again).

A server of its own (--dev: the demo people each have a phone and a code, and the pairing route exists).
"""

import re
import time

import pytest
from playwright.sync_api import expect

from itsme_screens import national_format, open_computer_and_phone, pair
from own_server import demo_people, start_own_server

# ItsmeTexts.swift and MobileIDTexts+Languages.swift, word for word.
WAIT_TITLE = {"fr": "Confirmez sur votre téléphone", "nl": "Bevestig op uw telefoon", "en": "Confirm on your phone"}
CONFIRMED = {"fr": "Confirmé. Vous pouvez continuer sur votre ordinateur.", "nl": "Bevestigd. U kunt verder op uw computer.",
             "en": "Confirmed. You can go on on your computer."}
INVALID_PHONE = "Type your mobile phone number, for example +32 470 12 34 56."
UNKNOWN_PHONE = "No itsme identity is registered for this number."
DENIED_ON_PHONE = "The request was refused on the phone."


@pytest.fixture(scope="module")
def server():
    started = start_own_server("e2e-itsme")
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


def start_login(computer, typed):
    computer.goto("/selfservice/login")
    expect(computer).to_have_url(re.compile(r"/fas/login\?tx="))
    computer.click("a[href*='/fas/login/itsme?']")
    computer.fill("#itsme-phone", typed)
    computer.click("#itsme-send")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_pieter_logs_in_with_itsme_by_tapping_the_number_his_computer_shows(screens, people, screenshot, lang):
    person = people["Pieter"] if lang == "fr" else people["Lena"]
    computer, phone = screens(lang)
    pair(phone, person)
    screenshot(phone, f"itsme-{lang}-1-phone-ready")
    computer.goto("/selfservice/login")
    screenshot(computer, f"itsme-{lang}-2-chooser")
    computer.click("a[href*='/fas/login/itsme?']")
    expect(computer.locator("#itsme-phone")).to_be_visible()
    computer.fill("#itsme-phone", national_format(person["phone"]))
    screenshot(computer, f"itsme-{lang}-3-phone-number")
    computer.click("#itsme-send")
    expect(computer.locator("h1")).to_have_text(WAIT_TITLE[lang])
    number = computer.inner_text("#itsme-number").strip()
    assert re.fullmatch(r"[1-9]\d", number), number
    screenshot(computer, f"itsme-{lang}-4-computer-waits")

    started = time.monotonic()
    choices = phone.locator(".number-choice")
    expect(choices).to_have_count(3, timeout=5_000)
    seen_after = time.monotonic() - started
    assert number in [choices.nth(i).inner_text().strip() for i in range(3)]
    screenshot(phone, f"itsme-{lang}-5-phone-asks")
    phone.click(f".number-choice[data-number='{number}']")
    phone.fill("#app-code", person["itsmeCode"])
    screenshot(phone, f"itsme-{lang}-6-phone-code")
    phone.click("#confirm-request")
    expect(phone.locator("#app-status")).to_have_text(CONFIRMED[lang])
    screenshot(phone, f"itsme-{lang}-7-phone-confirmed")

    confirmed = time.monotonic()
    computer.wait_for_url(re.compile(r"/selfservice/?$"), timeout=20_000)
    reached_after = time.monotonic() - confirmed
    expect(computer.locator("main")).to_contain_text(person["givenName"])
    screenshot(computer, f"itsme-{lang}-8-logged-in")
    print(f"itsme ({lang}): the phone saw the request after {seen_after:.1f} s; "
          f"the computer reached the application {reached_after:.1f} s after the confirmation")
    assert not computer.errors and not phone.errors, (computer.errors, phone.errors)


def test_what_stops_an_itsme_login(screens, people, screenshot):
    person = people["Marc"]
    computer, phone = screens("en")
    pair(phone, person)

    start_login(computer, "12")
    expect(computer.locator("#itsme-error")).to_have_text(INVALID_PHONE)
    start_login(computer, "+32 479 99 99 99")
    expect(computer.locator("#itsme-error")).to_have_text(UNKNOWN_PHONE)
    screenshot(computer, "itsme-en-unknown-phone")

    # The wrong number tapped: the phone refuses, and the computer says so.
    start_login(computer, person["phone"])
    number = computer.inner_text("#itsme-number").strip()
    expect(phone.locator(".number-choice")).to_have_count(3, timeout=5_000)
    wrong = next(c for c in phone.locator(".number-choice").all_inner_texts() if c.strip() != number).strip()
    phone.click(f".number-choice[data-number='{wrong}']")
    phone.fill("#app-code", person["itsmeCode"])
    phone.click("#confirm-request")
    expect(computer.locator("#itsme-error")).to_have_text(DENIED_ON_PHONE, timeout=20_000)
    screenshot(computer, "itsme-en-refused-on-phone")

    # Cancelled on the computer: back to the phone number, and the login can start again.
    start_login(computer, person["phone"])
    expect(computer.locator("#itsme-number")).to_be_visible()
    computer.click("#itsme-cancel")
    expect(computer.locator("#itsme-phone")).to_be_visible()
    assert not computer.errors and not phone.errors, (computer.errors, phone.errors)
