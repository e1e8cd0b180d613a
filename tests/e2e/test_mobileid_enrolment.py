"""Creating an itsme identity in the guide's eight steps (issue 15), in real browsers: a computer (chromium at 1280×800,
with the person's eID card "in the reader") and a phone (390×844, mobile, touch).

  1. Sophie (in French) and Pieter (in Dutch) enrol a new mobile number. On the computer: the app's address and its
     QR code (step 1), the country, the number written the Belgian way and an e-mail address (step 2), the contract
     read and signed by logging in at the gateway with the eID card, PIN 1234 (step 3: Playwright's
     client_certificates from the development PKI's PKCS#12 file), and the identification token (step 4). On the
     phone, in /mobileid/app: the number (5), the token (6), the code texted from 8836, read in the development outbox
     (7), and a 5-digit itsme code chosen twice (8): the identity is created, the app waits for requests and the
     step-2 address gets an e-mail. The computer's token page, reloaded, says the phone took over. Then they log in
     to PersoSelfService with itsme and the new number (a new browser window on the computer, so that the
     signature's eID login does not log them in by single sign-on): the two-digit number the computer shows is tapped
     on the phone, the code typed, and the computer lands in PersoSelfService.
  2. Emma's phone is refused, through its page: a token with the wrong capitals (the error shows, the token step
     stays), the right token taken once only (a second start with the JSON API: 410 token_spent), wrong texted codes
     counting down, a new code sent on demand and the limit of three texts (the API's fourth: 429 too_many_texts),
     a code too easy to guess (12345) and two codes that differ; then the identity is created, and a second finish
     of the same enrolment finds nothing (404).
  3. Marc's app locks after five wrong codes on a login request; he enrols again (a new number) with his eID card:
     the new phone logs him in, his old phone falls back to the set-up view, and his old number no longer has an
     identity.
  4. Step 2 refuses a number that is not a phone number and an address that is not an e-mail address (422, what was
     typed kept); the contract without step 2 is a 409 (#session-lost); the token page without an eID login a 403
     (#not-signed).
  5. The first step on a phone: the list of steps wraps, nothing scrolls sideways.

A server of its own (--dev: the demo people with their eID cards and phones, the development outbox with its texts).
Screenshots enrol-<lang>-<step>-<screen>.png (screen: computer or phone) in PERSOPOINT_SCREENSHOTS.

Texts are those of EnrolmentTexts+Languages.swift, MobileIDTexts+Languages.swift and ItsmeTexts.swift (English, French
and Dutch), word for word. A text that differs
is recorded and the story goes on (each mismatch is printed); the test fails at its end with the list.
"""

import base64
import re
import time
import uuid
from urllib.parse import unquote

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import ec
from playwright.sync_api import expect

from browsing import submit, submit_statuses, visit
from itsme_screens import COMPUTER, PHONE, open_screen
from own_server import demo_people, start_own_server, wait_for_mail

RUN = uuid.uuid4().hex[:8]

# The contract's texts (en), and the catalogues' in French and Dutch.
TEXTS = {
    "en": {
        "step": "Step {n} of 8",
        "valid_until": r"Valid until \d\d:\d\d\.",
        "fingerprint": r"^Version 2026-12 — SHA-256 fingerprint [0-9a-f]{64}$",
        "token_gone": "Your smartphone has taken over: finish on the smartphone.",
        "sms": "PersoPoint ID: your verification code is {code}. Valid for 10 minutes. Never give it to anyone.",
        "sms_hint": "We sent a text message from 8836 to {masked}.",
        "done": "Your itsme identity is created: you can now log in to PersoSelfService with the itsme app.",
        "mail_subject": "Your itsme identity is created",
        "hello": "Hello {name}",
        "wait_title": "Confirm on your phone",
        "confirmed": "Confirmed. You can go on on your computer.",
    },
    "fr": {
        "step": "Étape {n} sur 8",
        "valid_until": r"Valable jusqu'à \d\d:\d\d\.",
        "fingerprint": r"^Version 2026-12 — empreinte SHA-256 [0-9a-f]{64}$",
        "token_gone": "Votre smartphone a pris le relais : terminez sur le smartphone.",
        "sms": "PersoPoint ID : votre code de vérification est {code}. Valable 10 minutes. Ne le communiquez à personne.",
        "sms_hint": "Vous avez reçu un SMS du 8836 au {masked}.",
        "done": "Votre identité numérique itsme est créée : vous pouvez à présent vous connecter à PersoSelfService via "
                "l'application itsme.",
        "mail_subject": "Votre identité itsme est créée",
        "hello": "Bonjour {name}",
        "wait_title": "Confirmez sur votre téléphone",
        "confirmed": "Confirmé. Vous pouvez continuer sur votre ordinateur.",
    },
    "nl": {
        "step": "Stap {n} van 8",
        "valid_until": r"Geldig tot \d\d:\d\d\.",
        "fingerprint": r"^Versie 2026-12 — SHA-256-vingerafdruk [0-9a-f]{64}$",
        "token_gone": "Uw smartphone heeft het overgenomen: rond af op de smartphone.",
        "sms": "PersoPoint ID: uw verificatiecode is {code}. 10 minuten geldig. Geef hem aan niemand.",
        "sms_hint": "U kreeg een sms van 8836 op {masked}.",
        "done": "Uw digitale itsme-identiteit is aangemaakt: u kunt zich nu met de itsme-app aanmelden bij PersoSelfService.",
        "mail_subject": "Uw itsme-identiteit is aangemaakt",
        "hello": "Hallo {name}",
        "wait_title": "Bevestig op uw telefoon",
        "confirmed": "Bevestigd. U kunt verder op uw computer.",
    },
}
EN = {
    "phone_invalid": "This is not a valid phone number for the chosen country.",
    "wrong_token": "This number and this token do not go together. Check the capitals and the punctuation.",
    "wrong_sms": "Wrong code; {n} tries left.",
    "code_sent": "A new code is on its way.",
    "no_more_texts": "No more codes can be sent",
    "codes_differ": "The two codes are not the same.",
    "weak_code": "This code is too easy to guess: choose another one.",
    "unknown_phone": "No itsme identity is registered for this number.",
    "wrong_login_code": "Wrong code. Tries left: {n}.",
    "locked": "The app is locked after too many wrong codes. Create your identity again with your eID card.",
}
# Ten characters: capitals, small letters, digits and one of . - ! ? at least.
TOKEN = re.compile(r"^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[.\-!?])[A-Za-z0-9.\-!?]{10}$")
SMS_WAIT = 20  # seconds for a text to show in the development outbox


# --- the server, the people, the screens --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server():
    started = start_own_server("e2e-mobileid-enrolment")
    yield started
    started.cleanup()


@pytest.fixture(scope="module")
def people(server):
    people = demo_people(server)
    for name in ("Sophie", "Pieter", "Marc", "Emma", "Lena"):
        assert name in people, f"no demo person {name}: {sorted(people)}"
    return people


@pytest.fixture
def screens(browser, server):
    """screens(lang, size, card=person) → a page in a browser context of its own (COMPUTER or PHONE); with card, the
    person's eID card is in the reader for the gateway's eID origin (the development PKI's PKCS#12 file, PIN 1234).
    Every page records the exceptions its scripts throw in page.errors."""
    contexts = []

    def open_screen_with_card(lang, size, card=None):
        options = {}
        if card is not None:
            p12 = server.pki_dir / "cards" / f"{card['nrn']}.p12"
            assert p12.is_file(), f"--dev should have issued {card['givenName']}'s card as {p12}"
            # Chromium does not trust the development root CA of the eID listener.
            options.update(ignore_https_errors=True,
                           client_certificates=[{"origin": server.eid_url, "pfxPath": str(p12), "passphrase": "1234"}])
        return open_screen(browser, server, lang, size, contexts, **options)

    yield open_screen_with_card
    for context in contexts:
        context.close()


class Texts:
    """Text checks that do not stop the story: a mismatch is printed and recorded; finish() fails with them all."""

    def __init__(self):
        self.mismatches = []

    def record(self, what, detail):
        line = f"{what}: {detail}"
        print("TEXT MISMATCH " + line)
        self.mismatches.append(line)

    def has_text(self, locator, expected, what, timeout=5_000):
        try:
            expect(locator).to_have_text(expected, timeout=timeout)
        except AssertionError:
            self.record(what, f"expected {expected!r}, got {self.read(locator)!r}")

    def contains(self, locator, expected, what, timeout=5_000):
        try:
            expect(locator).to_contain_text(expected, timeout=timeout)
        except AssertionError:
            self.record(what, f"expected to contain {expected!r}, got {self.read(locator)!r}")

    def equal(self, got, expected, what):
        if got != expected:
            self.record(what, f"expected {expected!r}, got {got!r}")

    @staticmethod
    def read(locator):
        try:
            return locator.inner_text(timeout=1_000)
        except Exception as error:  # noqa: BLE001 — whatever the page holds, the report says it
            return f"(unreadable: {error})"

    def finish(self):
        assert not self.mismatches, "texts that differ from the contract:\n" + "\n".join(self.mismatches)


class Shots:
    """Screenshots enrol-<lang>-<step>-<screen>.png of the screens that are open."""

    def __init__(self, screenshot, lang, **screens):
        self.screenshot, self.lang, self.screens = screenshot, lang, screens

    def __call__(self, step, *only):
        for name, page in self.screens.items():
            if page is not None and (not only or name in only):
                self.screenshot(page, f"enrol-{self.lang}-{step}-{name}")


# --- what people type, what the server sends --------------------------------------------------------------------


def national_format(e164):
    """+32470990011 → 0470 99 00 11, as people write it."""
    digits = "0" + e164[3:]
    return f"{digits[:4]} {digits[4:6]} {digits[6:8]} {digits[8:]}"


def masked(e164):
    """The number as the phone's hint shows it (PhoneNumber.masked: "•••• " and the last three digits)."""
    return f"•••• {e164[-3:]}"


def texts_to(server, e164):
    """The development outbox's text messages to that number, newest first."""
    return [m for m in server.outbox() if m.get("channel") == "sms" and m.get("to") == e164]


def wait_for_texts(server, e164, count):
    """The texts to that number once there are `count` of them (newest first)."""
    deadline = time.monotonic() + SMS_WAIT
    while True:
        found = texts_to(server, e164)
        if len(found) >= count:
            return found
        if time.monotonic() > deadline:
            newest = [(m.get("channel"), m.get("to"), str(m.get("text"))[:80]) for m in server.outbox()[:8]]
            pytest.fail(f"{count} text(s) to {e164} expected in /dev/outbox.json within {SMS_WAIT} s, found {len(found)}; "
                        f"newest messages: {newest}\nserver log:\n{server.log_tail(30)}", pytrace=False)
        time.sleep(0.3)


def code_in(message):
    found = re.search(r"\b(\d{5})\b", str(message.get("text", "")))
    assert found, f"no 5-digit code in the text {message!r}"
    return found.group(1)


def another_code(code):
    return f"{(int(code) + 1) % 100_000:05d}"


def api(server, call, body):
    """POST /mobileid/app/enrol/<call> as the phone's script does; (status, JSON answer)."""
    response = requests.post(f"{server.url}/mobileid/app/enrol/{call}", json=body, timeout=15)
    try:
        answer = response.json()
    except ValueError:
        answer = {"(not JSON)": response.text[:300]}
    return response.status_code, answer


def public_coordinates():
    """x and y of a fresh P-256 public key, base64url without padding (32 bytes each)."""
    numbers = ec.generate_private_key(ec.SECP256R1()).public_key().public_numbers()
    return tuple(base64.urlsafe_b64encode(n.to_bytes(32, "big")).rstrip(b"=").decode() for n in (numbers.x, numbers.y))


# --- the computer's steps 1 to 4 -----------------------------------------------------------------------------------


def expect_step(page, lang, step, texts):
    """The page says where the person is: "Step N of 8", and the list's current item is the Nth."""
    texts.has_text(page.locator("#enrolment-step"), TEXTS[lang]["step"].format(n=step), f"step {step}: #enrolment-step")
    items = page.locator("ol.enrolment-steps li")
    expect(items).to_have_count(8)
    expect(page.locator("ol.enrolment-steps li.current")).to_have_count(1)
    expect(items.nth(step - 1)).to_have_class(re.compile(r"\bcurrent\b"))


def sign_with_eid(computer, server, shots):
    """Step 3's button: the gateway asks for a fresh eID login at Level500 (the only key offered), the card in the
    reader answers, and the person is back at the enrolment's token page."""
    visited = []
    listener = lambda request: visited.append(request.url) if request.is_navigation_request() else None  # noqa: E731
    computer.on("request", listener)
    try:
        computer.locator("#sign-contract").click()
        expect(computer).to_have_url(re.compile(r"/fas/login(/eid)?\?tx="))
        shots("3-gateway", "computer")
        if "/fas/login/eid?" not in computer.url:
            computer.locator("a#key-eid").click()
        expect(computer).to_have_url(re.compile(r"/fas/login/eid\?tx="))
        identify = computer.locator("#eid-identify")
        expect(identify).to_have_attribute("href", re.compile("^" + re.escape(f"{server.eid_url}/eid/identify?attempt=")))
        shots("3-eid", "computer")
        identify.click()
        expect(computer).to_have_url(re.compile(r"/mobileid/enrol/token$"), timeout=20_000)
    finally:
        computer.remove_listener("request", listener)
    authorize = [url for url in visited if re.search(r"/authorize\?", url)]
    assert authorize, f"signing did not go through the gateway's authorize endpoint: {visited}"
    asked = authorize[0]
    assert "client_id=mobileid" in asked and "Level500" in unquote(asked) and "max_age=0" in asked, asked
    assert any("/mobileid/enrol/callback" in url for url in visited), f"no return through /mobileid/enrol/callback: {visited}"


def computer_steps(computer, server, lang, e164, email, shots, texts):
    """Steps 1 to 4 on the computer; returns the identification token shown at step 4."""
    # Step 1: the app, by its address or its QR code.
    assert visit(computer, "/mobileid/enrol") == 200
    expect(computer.locator("html")).to_have_attribute("lang", re.compile(f"^{lang}"))
    expect_step(computer, lang, 1, texts)
    expect(computer.locator(".qr svg")).to_be_visible()
    expect(computer.locator("#app-address")).to_have_attribute("href", f"{server.url}/mobileid/app")
    shots("1")
    computer.locator("#enrolment-next").click()
    expect(computer).to_have_url(re.compile(r"/mobileid/enrol/details$"))

    # Step 2: the country, the number the Belgian way, the e-mail address.
    expect_step(computer, lang, 2, texts)
    computer.locator("#country").select_option("be")
    computer.locator("#phone").fill(national_format(e164))
    computer.locator("#email").fill(email)
    shots("2")
    statuses = submit_statuses(computer, "#details-submit", "step 2")
    assert statuses == [303, 200], f"step 2 answered {statuses}, expected a 303 to the contract"
    expect(computer).to_have_url(re.compile(r"/mobileid/enrol/contract$"))

    # Step 3: the contract, its version and fingerprint, signed with the eID.
    expect_step(computer, lang, 3, texts)
    expect(computer.locator("#contract p").first).to_be_visible()
    assert computer.locator("#contract p").count() >= 2, computer.locator("#contract").inner_text()
    fingerprint = computer.locator("#contract-fingerprint")
    if not re.fullmatch(TEXTS[lang]["fingerprint"].strip("^$"), fingerprint.inner_text().strip()):
        texts.record("step 3: #contract-fingerprint", f"expected {TEXTS[lang]['fingerprint']}, got {fingerprint.inner_text()!r}")
    shots("3")
    sign_with_eid(computer, server, shots)

    # Step 4: the token, the same on a reload.
    expect_step(computer, lang, 4, texts)
    token = computer.locator("#identification-token").inner_text().strip()
    assert TOKEN.fullmatch(token), f"identification token {token!r}: 10 characters with capitals, small letters, digits, .-!?"
    texts.contains(computer.locator("body"), re.compile(TEXTS[lang]["valid_until"]), "step 4: valid until")
    shots("4")
    computer.reload()
    expect(computer.locator("#identification-token")).to_have_text(token)
    return token


# --- the phone's steps 5 to 8 --------------------------------------------------------------------------------------


def open_app(phone):
    phone.goto("/mobileid/app")
    expect(phone.locator("#app-setup")).to_be_visible()
    expect(phone.locator("#app-idle")).to_be_hidden()
    expect(phone.locator("#enrol-number")).to_be_visible()
    for hidden in ("#enrol-token", "#enrol-sms", "#enrol-code"):
        expect(phone.locator(hidden)).to_be_hidden()


def phone_number_step(phone, typed):
    """Step 5: the number (client-side only: the token form comes next)."""
    phone.locator("#enrol-phone").fill(typed)
    phone.locator("#enrol-number-submit").click()
    expect(phone.locator("#enrol-token")).to_be_visible()
    expect(phone.locator("#enrol-number")).to_be_hidden()


def phone_token_step(phone, token):
    """Step 6: the token; returns the enrolment secret the server gave the page (for the JSON API's calls)."""
    phone.locator("#enrol-token-value").fill(token)
    with phone.expect_response(lambda r: r.url.endswith("/mobileid/app/enrol/start")) as started:
        phone.locator("#enrol-token-submit").click()
    answer = started.value.json()
    assert started.value.status == 200 and answer.get("enrolment"), f"enrol/start → {started.value.status} {answer}"
    expect(phone.locator("#enrol-sms")).to_be_visible()
    expect(phone.locator("#enrol-token")).to_be_hidden()
    return answer["enrolment"]


def phone_sms_step(phone, code):
    phone.locator("#enrol-sms-code").fill(code)
    phone.locator("#enrol-sms-submit").click()
    expect(phone.locator("#enrol-code")).to_be_visible()
    expect(phone.locator("#enrol-sms")).to_be_hidden()


def phone_code_step(phone, code, lang, given_name, texts):
    phone.locator("#enrol-new-code").fill(code)
    phone.locator("#enrol-repeat-code").fill(code)
    phone.locator("#enrol-code-submit").click()
    expect(phone.locator("#app-idle")).to_be_visible()
    expect(phone.locator("#app-setup")).to_be_hidden()
    texts.has_text(phone.locator("#app-status"), TEXTS[lang]["done"], "step 8: the phone's done message")
    texts.has_text(phone.locator("#app-hello"), TEXTS[lang]["hello"].format(name=given_name), "the app's #app-hello")


def phone_steps(phone, server, lang, typed, e164, token, code, given_name, shots, texts):
    """Steps 5 to 8 on the phone, the first text from 8836 read in the development outbox."""
    open_app(phone)
    phone_number_step(phone, typed)
    shots("5")
    sent_before = len(texts_to(server, e164))
    phone_token_step(phone, token)
    texts.contains(phone.locator("#enrol-sms-code-hint"), TEXTS[lang]["sms_hint"].format(masked=masked(e164)),
                   "step 7: #enrol-sms-code-hint")
    shots("6")
    sms = wait_for_texts(server, e164, sent_before + 1)[0]
    received = code_in(sms)
    texts.equal(sms.get("text"), TEXTS[lang]["sms"].format(code=received), f"the text to {e164}")
    phone_sms_step(phone, received)
    shots("7")
    phone_code_step(phone, code, lang, given_name, texts)
    shots("8")


# --- logging in with itsme --------------------------------------------------------------------------------------


def start_itsme_login(computer, typed):
    computer.goto("/selfservice/login")
    expect(computer).to_have_url(re.compile(r"/fas/login\?tx="))
    computer.locator("a[href*='/fas/login/itsme?']").click()
    expect(computer.locator("#itsme-phone")).to_be_visible()
    computer.locator("#itsme-phone").fill(typed)
    computer.locator("#itsme-send").click()


def log_in_with_itsme(computer, phone, lang, e164, code, given_name, shots, texts):
    """PersoSelfService → the gateway's itsme key → the number → the two-digit number tapped on the phone, the code
    typed → logged in on the computer."""
    computer.goto("/selfservice/login")
    expect(computer).to_have_url(re.compile(r"/fas/login\?tx="))
    shots("login-1", "computer")
    computer.locator("a[href*='/fas/login/itsme?']").click()
    expect(computer.locator("#itsme-phone")).to_be_visible()
    expect(computer.locator("#itsme-create")).to_have_attribute("href", re.compile(r"/mobileid/enrol$"))
    computer.locator("#itsme-phone").fill(national_format(e164))
    shots("login-2", "computer")
    computer.locator("#itsme-send").click()
    texts.has_text(computer.locator("h1"), TEXTS[lang]["wait_title"], "the itsme key's waiting page")
    number = computer.locator("#itsme-number").inner_text().strip()
    assert re.fullmatch(r"[1-9]\d", number), number

    choices = phone.locator(".number-choice")
    expect(choices).to_have_count(3, timeout=10_000)
    assert number in [c.strip() for c in choices.all_inner_texts()], (number, choices.all_inner_texts())
    shots("login-3")
    phone.locator(f".number-choice[data-number='{number}']").click()
    phone.locator("#app-code").fill(code)
    shots("login-4", "phone")
    phone.locator("#confirm-request").click()
    texts.has_text(phone.locator("#app-status"), TEXTS[lang]["confirmed"], "the phone's confirmation")

    computer.wait_for_url(re.compile(r"/selfservice/?$"), timeout=20_000)
    expect(computer.locator("main")).to_contain_text(given_name)
    shots("login-5")


# --- 1. the whole enrolment ---------------------------------------------------------------------------------------

NEW_NUMBERS = {"fr": ("Sophie", "+32470990011", "+32 470 99 00 11"), "nl": ("Pieter", "+32470990022", "0470 99 00 22")}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_person_enrols_a_new_phone_in_eight_steps_then_logs_in_with_itsme(screens, server, people, screenshot, lang):
    name, e164, typed_on_phone = NEW_NUMBERS[lang]
    person = people[name]
    assert person.get("phone") != e164, f"{e164} is already {name}'s demo number"
    email = f"{name.lower()}.{RUN}@example.org"
    itsme_code = "27493"
    texts = Texts()
    computer = screens(lang, COMPUTER, card=person)
    phone = screens(lang, PHONE)
    shots = Shots(screenshot, lang, computer=computer, phone=phone)

    # The phone opens the app's address (the QR code of step 1): nothing is set up yet.
    open_app(phone)
    expect(phone.locator("html")).to_have_attribute("lang", re.compile(f"^{lang}"))
    token = computer_steps(computer, server, lang, e164, email, shots, texts)

    phone_number_step(phone, typed_on_phone)
    shots("5")
    phone_token_step(phone, token)
    texts.contains(phone.locator("#enrol-sms-code-hint"), TEXTS[lang]["sms_hint"].format(masked=masked(e164)),
                   "step 7: #enrol-sms-code-hint")
    # The computer's token page, reloaded: the phone has taken over.
    computer.reload()
    expect(computer.locator("#token-gone")).to_be_visible()
    expect(computer.locator("#identification-token")).to_have_count(0)
    texts.has_text(computer.locator("#token-gone"), TEXTS[lang]["token_gone"], "the token page once the phone used it")
    expect(computer.locator("#token-gone")).to_have_class(re.compile(r"\bnotice\b"))
    shots("6")

    sms = wait_for_texts(server, e164, 1)[0]
    received = code_in(sms)
    texts.equal(sms.get("text"), TEXTS[lang]["sms"].format(code=received), f"the text to {e164}")
    phone_sms_step(phone, received)
    shots("7")
    phone.locator("#enrol-new-code").fill(itsme_code)
    phone.locator("#enrol-repeat-code").fill(itsme_code)
    shots("8", "phone")
    phone.locator("#enrol-code-submit").click()
    expect(phone.locator("#app-idle")).to_be_visible()
    texts.has_text(phone.locator("#app-status"), TEXTS[lang]["done"], "step 8: the phone's done message")
    texts.has_text(phone.locator("#app-hello"), TEXTS[lang]["hello"].format(name=name), "the app's #app-hello")
    computer.reload()
    expect(computer.locator("#token-gone")).to_be_visible()
    texts.has_text(computer.locator("#token-gone"), TEXTS[lang]["token_gone"], "the token page after the enrolment")
    shots("9-done")

    mails = wait_for_mail(server, email, lambda m: m.get("channel", "email") == "email", "the enrolment's e-mail")
    texts.equal(mails[0].get("subject"), TEXTS[lang]["mail_subject"], f"the e-mail to {email}")

    # Logging in with the new identity, in a new browser window on the computer.
    login = screens(lang, COMPUTER)
    log_in_with_itsme(login, phone, lang, e164, itsme_code, name, Shots(screenshot, lang, computer=login, phone=phone), texts)
    assert not computer.errors and not phone.errors and not login.errors, (computer.errors, phone.errors, login.errors)
    texts.finish()


# --- 2. what the phone refuses ---------------------------------------------------------------------------------


def test_the_phone_refuses_a_wrong_or_spent_token_wrong_and_weak_codes_and_too_many_texts(screens, server, people, screenshot):
    emma = people["Emma"]
    e164 = "+32470990033"
    texts = Texts()
    computer = screens("en", COMPUTER, card=emma)
    phone = screens("en", PHONE)
    shots = Shots(screenshot, "en-refusals", computer=computer, phone=phone)
    token = computer_steps(computer, server, "en", e164, f"emma.{RUN}@example.org", Shots(screenshot, "en-refusals", computer=computer),
                           texts)
    status = phone.locator("#app-status")

    # The token with its capitals swapped: refused, the token step stays.
    open_app(phone)
    phone_number_step(phone, national_format(e164))
    phone.locator("#enrol-token-value").fill(token.swapcase())
    phone.locator("#enrol-token-submit").click()
    expect(status).to_be_visible()
    texts.has_text(status, EN["wrong_token"], "a wrong token")
    expect(status).to_have_class(re.compile(r"\bform-error\b"))
    expect(phone.locator("#enrol-token")).to_be_visible()
    expect(phone.locator("#enrol-sms")).to_be_hidden()
    shots("wrong-token", "phone")

    # The right token: taken once only.
    secret = phone_token_step(phone, token)
    texts.contains(phone.locator("#enrol-sms-code-hint"), TEXTS["en"]["sms_hint"].format(masked=masked(e164)),
                   "step 7: #enrol-sms-code-hint")
    again = api(server, "start", {"phone": e164, "token": token})
    assert again == (410, {"error": "token_spent"}), f"the same token a second time → {again}, expected 410 token_spent"

    # Wrong texted codes count down.
    first = code_in(wait_for_texts(server, e164, 1)[0])
    for left in (4, 3):
        phone.locator("#enrol-sms-code").fill(another_code(first))
        phone.locator("#enrol-sms-submit").click()
        texts.has_text(status, EN["wrong_sms"].format(n=left), f"wrong texted code, {left} tries left")
        expect(status).to_have_class(re.compile(r"\bform-error\b"))
        expect(phone.locator("#enrol-sms")).to_be_visible()
    shots("wrong-sms", "phone")

    # A new code on demand; three texts in all.
    phone.locator("#enrol-resend").click()
    texts.has_text(status, EN["code_sent"], "resend")
    wait_for_texts(server, e164, 2)
    third = api(server, "resend", {"enrolment": secret})
    assert third[0] == 200 and third[1].get("result") == "sent", f"a third text → {third}, expected 200 sent"
    wait_for_texts(server, e164, 3)
    fourth = api(server, "resend", {"enrolment": secret})
    assert fourth[0] == 429 and fourth[1].get("error") == "too_many_texts", f"a fourth text → {fourth}, expected 429 too_many_texts"
    phone.locator("#enrol-resend").click()
    texts.contains(status, EN["no_more_texts"], "resend after three texts")
    expect(status).to_have_class(re.compile(r"\bform-error\b"))
    shots("no-more-texts", "phone")
    time.sleep(1)
    assert len(texts_to(server, e164)) == 3, [m.get("text") for m in texts_to(server, e164)]

    # The newest code works.
    phone_sms_step(phone, code_in(texts_to(server, e164)[0]))

    # Codes too easy to guess, and two codes that differ.
    for weak in ("12345", "11111"):
        phone.locator("#enrol-new-code").fill(weak)
        phone.locator("#enrol-repeat-code").fill(weak)
        with phone.expect_response(lambda r: r.url.endswith("/mobileid/app/enrol/finish")) as refused:
            phone.locator("#enrol-code-submit").click()
        assert refused.value.status == 400 and refused.value.json().get("error") == "weak_code", \
            f"finish with {weak} → {refused.value.status} {refused.value.text()}"
        texts.has_text(status, EN["weak_code"], f"the code {weak}")
        expect(status).to_have_class(re.compile(r"\bform-error\b"))
        expect(phone.locator("#enrol-code")).to_be_visible()
    shots("weak-code", "phone")
    phone.locator("#enrol-new-code").fill("24680")
    phone.locator("#enrol-repeat-code").fill("24681")
    phone.locator("#enrol-code-submit").click()
    texts.has_text(status, EN["codes_differ"], "two codes that differ")
    expect(phone.locator("#enrol-code")).to_be_visible()
    shots("codes-differ", "phone")

    # A good code: the identity is created; the same enrolment cannot be finished twice.
    phone_code_step(phone, "24680", "en", "Emma", texts)
    x, y = public_coordinates()
    second = api(server, "finish", {"enrolment": secret, "code": "24680", "x": x, "y": y, "label": "second tab"})
    assert second[0] == 404 and second[1].get("error") == "unknown_enrolment", f"a second finish → {second}, expected 404"
    shots("done", "phone")
    assert not computer.errors and not phone.errors, (computer.errors, phone.errors)
    texts.finish()


# --- 3. enrolling again replaces the identity, and unlocks -----------------------------------------------------


def test_enrolling_again_replaces_a_locked_identity_and_its_old_phone(screens, server, people, screenshot):
    marc = people["Marc"]
    assert re.fullmatch(r"\+\d{8,15}", marc.get("phone", "")) and re.fullmatch(r"\d{5}", marc.get("itsmeCode", "")), marc
    new_e164 = "+32470990044"
    texts = Texts()
    old_phone = screens("en", PHONE)
    login = screens("en", COMPUTER)
    shots = Shots(screenshot, "en-again", computer=login, phone=old_phone)

    # His old phone (set up through the development pairing) locks after five wrong codes on a login request.
    old_phone.goto("/mobileid/app")
    expect(old_phone.locator("#app-setup")).to_be_visible()
    old_phone.locator("#pair-phone").fill(marc["phone"])
    old_phone.locator("#pair-code").fill(marc["itsmeCode"])
    old_phone.locator("#pair-submit").click()
    expect(old_phone.locator("#app-idle")).to_be_visible()
    start_itsme_login(login, national_format(marc["phone"]))
    number = login.locator("#itsme-number").inner_text().strip()
    expect(old_phone.locator(".number-choice")).to_have_count(3, timeout=10_000)
    old_phone.locator(f".number-choice[data-number='{number}']").click()
    wrong = another_code(marc["itsmeCode"])
    status = old_phone.locator("#app-status")
    for left in (4, 3, 2, 1, 0):
        before = status.inner_text() if status.is_visible() else ""
        old_phone.locator("#app-code").fill(wrong)
        old_phone.locator("#confirm-request").click()
        if left:
            expect(status).to_have_text(EN["wrong_login_code"].format(n=left))
        else:
            expect(status).not_to_have_text(before)
    old_phone.reload()
    expect(status).to_have_text(EN["locked"])
    shots("locked", "phone")
    if login.locator("#itsme-cancel").is_visible():
        login.locator("#itsme-cancel").click()

    # He enrols again with his eID card and a new number, on a new phone.
    computer = screens("en", COMPUTER, card=marc)
    new_phone = screens("en", PHONE)
    token = computer_steps(computer, server, "en", new_e164, f"marc.{RUN}@example.org",
                           Shots(screenshot, "en-again", computer=computer), texts)
    phone_steps(new_phone, server, "en", new_e164, new_e164, token, "36912", "Marc", Shots(screenshot, "en-again", phone=new_phone), texts)

    # The old phone falls back to the set-up view; the old number has no identity any more.
    old_phone.reload()
    expect(old_phone.locator("#app-setup")).to_be_visible()
    expect(old_phone.locator("#app-idle")).to_be_hidden()
    shots("old", "phone")
    fresh = screens("en", COMPUTER)
    start_itsme_login(fresh, national_format(marc["phone"]))
    expect(fresh.locator("#itsme-error")).to_have_text(EN["unknown_phone"])

    # The new phone logs him in: nothing is locked.
    log_in_with_itsme(screens("en", COMPUTER), new_phone, "en", new_e164, "36912", "Marc",
                      Shots(screenshot, "en-again", phone=new_phone), texts)
    assert not computer.errors and not new_phone.errors and not old_phone.errors, (computer.errors, new_phone.errors, old_phone.errors)
    texts.finish()


# --- 4. step 2's refusals, and the steps that need the ones before -------------------------------------------------


def test_step_2_refuses_a_bad_number_and_a_bad_address_and_the_later_steps_need_the_earlier_ones(screens, screenshot):
    texts = Texts()
    page = screens("en", COMPUTER)

    # The contract and the token without step 2: the session has nothing to sign.
    assert visit(page, "/mobileid/enrol/contract") == 409
    expect(page.locator("#session-lost")).to_be_visible()
    expect(page.locator("#sign-form")).to_have_count(0)
    screenshot(page, "enrol-en-session-lost-computer")

    assert visit(page, "/mobileid/enrol/details") == 200
    page.locator("#country").select_option("be")
    page.locator("#phone").fill("0470 12")
    page.locator("#email").fill("lena.schmitz@example.be")
    assert submit(page, "#details-submit", "a short number") == 422
    texts.has_text(page.locator("#phone-error"), EN["phone_invalid"], "#phone-error")
    expect(page.locator("#phone")).to_have_value("0470 12")
    expect(page.locator("#email")).to_have_value("lena.schmitz@example.be")
    expect(page.locator("#country")).to_have_value("be")
    expect(page.locator("#email-error")).to_have_count(0)
    screenshot(page, "enrol-en-2-bad-phone-computer")

    page.locator("#phone").fill("0470 99 00 55")
    page.locator("#email").fill("lena.schmitz@")
    assert submit(page, "#details-submit", "a bad e-mail address") == 422
    expect(page.locator("#email-error")).to_be_visible()
    expect(page.locator("#phone-error")).to_have_count(0)
    expect(page.locator("#phone")).to_have_value("0470 99 00 55")
    expect(page.locator("#email")).to_have_value("lena.schmitz@")
    screenshot(page, "enrol-en-2-bad-email-computer")

    # Step 2 done, but no eID login: the token page sends back to the contract.
    page.locator("#email").fill(f"lena.{RUN}@example.org")
    assert submit_statuses(page, "#details-submit", "step 2") == [303, 200]
    expect(page).to_have_url(re.compile(r"/mobileid/enrol/contract$"))
    assert visit(page, "/mobileid/enrol/token") == 403
    expect(page.locator("#not-signed")).to_be_visible()
    expect(page.locator("#sign-contract")).to_be_visible()
    expect(page.locator("#identification-token")).to_have_count(0)
    screenshot(page, "enrol-en-4-not-signed-computer")
    assert not page.errors, page.errors
    texts.finish()


# --- 5. on a phone --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr", "nl"])
def test_the_first_step_fits_a_phone(screens, screenshot, lang):
    page = screens(lang, PHONE)
    assert visit(page, "/mobileid/enrol") == 200
    expect(page.locator("ol.enrolment-steps li.current")).to_have_count(1)
    expect(page.locator(".qr svg")).to_be_visible()
    screenshot(page, f"enrol-{lang}-guide-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"/mobileid/enrol scrolls sideways on a 390 px phone: scrollWidth {width}"
    steps = page.locator("ol.enrolment-steps").bounding_box()
    assert steps and steps["x"] >= 0 and steps["x"] + steps["width"] <= 390, f"the list of steps does not wrap: {steps}"
    assert not page.errors, page.errors
