"""People log in with a security code after their password: a code e-mailed to them (Level350), a code from an
authenticator app (TOTP, Level400) or a code from their token card (Level300).

A gateway of its own (its own data directory, so failures and used codes of these stories touch nobody else)
sends its e-mail through a real SMTP conversation to an aiosmtpd server; Authlib is the relying party; pyotp is
the person's authenticator app. Each demo person has one story, so the stories do not disturb each other:
Sophie (e-mail), Pieter (guessing e-mail codes), Lena (authenticator app), Emma (token card), Marc (keys managed
with the command line).
"""

import datetime
import re
import sqlite3
import time

import pyotp
import pytest

from .code_login import CodeLogin, code_in, form_error, html_part, register_relying_party, text_part, wrong_code
from .conftest import acr, key_chooser_keys, key_is_enabled, parse_html
from .servers import extra_servers, mail_catchers, wait_until  # noqa: F401  (fixtures)

SENDER_NAME = "PersoPoint Tests"
SENDER = "codes@persopoint.test"
FRENCH = re.compile(r"\b(votre|vous|code de|connexion|sécurité|vérification|valable)\b", re.IGNORECASE)
WAIT_MESSAGE = re.compile(r"\d+\s*(minute|minutes|min|second|seconds|s)\b", re.IGNORECASE)


# --- the gateway, its mail server, its relying parties --------------------------------------------------------


@pytest.fixture(scope="module")
def mail(mail_catchers):
    return mail_catchers()


@pytest.fixture(scope="module")
def gateway(extra_servers, mail):
    return extra_servers(
        "codes",
        args=["--smtp-url", f"smtp://127.0.0.1:{mail.port}", "--outbox-retry", "1"],
        env={"PERSOPOINT_MAIL_FROM": f"{SENDER_NAME} <{SENDER}>"},
    )


@pytest.fixture(scope="module")
def people(gateway) -> dict:
    """The demo people by given name, with their security-code secrets."""
    listed = gateway.cli("demo", "credentials")["people"]
    assert isinstance(listed, list) and listed, listed
    for person in listed:
        for name in ("username", "password", "email", "totpSecret", "tokenCard"):
            assert name in person, f"`persopoint demo credentials --json` lacks {name} for {person.get('username')}: {sorted(person)}"
        assert re.fullmatch(r"[A-Z2-7]+=*", person["totpSecret"]), f"totpSecret is not base32: {person['totpSecret']!r}"
        card = person["tokenCard"]
        assert len(card) == 24 and all(re.fullmatch(r"\d{6}", c) for c in card), f"tokenCard must be 24 codes of 6 digits: {card}"
    return {person["givenName"]: person for person in listed}


@pytest.fixture(scope="module")
def relying_party(gateway):
    """relying_party(level) → a client registered with that minimum level (one per level)."""
    registered = {}

    def get(level: int):
        if level not in registered:
            registered[level] = register_relying_party(gateway, min_level=level, name=f"level{level}")
        return registered[level]

    return get


@pytest.fixture
def logins():
    """logins(rp, person, key) → a CodeLogin in a browser of its own, closed after the test."""
    opened = []

    def start(rp, person, key):
        login = CodeLogin(rp, person, key)
        opened.append(login)
        return login

    yield start
    for login in opened:
        login.close()


def assert_code_level(claims, level):
    assert claims["acr"] == acr(level), f"expected acr {acr(level)}, got {claims['acr']}"
    assert {"otp", "mfa"} <= set(claims["amr"]), f"amr should contain otp and mfa: {claims['amr']}"


def outbox_entry(gateway, address, subject):
    """The development mailbox's record of the e-mail to address with this subject (newest first)."""
    for message in gateway.outbox_to(address):
        if message.get("subject") == subject:
            return message
    return None


# --- e-mail -----------------------------------------------------------------------------------------------------


def test_sophie_logs_in_with_the_code_emailed_to_her_in_french_after_one_typo(gateway, mail, relying_party, people, logins):
    sophie = people["Sophie"]
    before = len(mail.to(sophie["email"]))
    login = logins(relying_party(350), sophie, "email")
    login.to_code_page()
    offered = key_chooser_keys(login.chooser)
    assert not key_is_enabled(offered["key-token"]) and not key_is_enabled(offered["key-password"]), (
        "an application asking Level350 must not be offered the token card (300) or the password alone (200)"
    )
    assert key_is_enabled(offered["key-totp"]), "the authenticator app (400) is strong enough for Level350"

    received = mail.wait_for_mail(sophie["email"], after=before)
    code = code_in(received)
    login.refused(wrong_code(code), "a mistyped e-mail code")
    claims = login.accepted(code, "the e-mailed code, after one mistyped try")
    assert_code_level(claims, 350)

    # The e-mail itself, as her mail program sees it.
    message = received.message
    assert received.rcpt_tos == [sophie["email"]], f"envelope recipients: {received.rcpt_tos}"
    assert [a.addr_spec for a in message["To"].addresses] == [sophie["email"]], f"To: {message['To']}"
    sender = message["From"].addresses
    assert len(sender) == 1 and sender[0].addr_spec == SENDER and sender[0].display_name == SENDER_NAME, (
        f"From should be the configured {SENDER_NAME} <{SENDER}>, got {message['From']}"
    )
    assert re.fullmatch(r"<[^<>@\s]+@[^<>@\s]+>", str(message["Message-ID"] or "")), f"Message-ID: {message['Message-ID']!r}"
    assert message["Date"] is not None and message["Date"].datetime is not None, "RFC 5322 requires a Date header"
    header_block = received.data.split(b"\r\n\r\n", 1)[0]
    assert all(byte < 128 for byte in header_block), "headers must be 7-bit (RFC 2047 encoded words for accents)"

    assert message.get_content_type() == "multipart/alternative", f"top-level type: {message.get_content_type()}"
    parts = [part.get_content_type() for part in message.iter_parts()]
    assert parts == ["text/plain", "text/html"], f"parts (plain first, the preferred HTML last; RFC 2046 §5.1.4): {parts}"
    for part in message.iter_parts():
        assert part.get_content_charset() == "utf-8", f"{part.get_content_type()} charset: {part.get_content_charset()}"
    text = text_part(message).get_content()
    html = html_part(message).get_content()
    assert code in html, "the HTML part should show the code too"
    subject = str(message["Subject"])
    assert FRENCH.search(subject), f"Sophie's language is French; the subject is {subject!r}"
    assert FRENCH.search(text), f"Sophie's language is French; the text is:\n{text}"
    for garbled in ("Ã", "â€", "\ufffd"):
        assert garbled not in subject + text + html, f"mis-decoded UTF-8 ({garbled!r}) in the e-mail"

    # The development mailbox agrees: sent through SMTP, once.
    entry = wait_until(
        lambda: (e := outbox_entry(gateway, sophie["email"], subject)) and e.get("status") == "sent" and e,
        5, f"the outbox showing the e-mail to {sophie['email']} as sent",
    )
    assert entry["channel"] == "email" and entry["transport"] == "smtp", entry
    assert entry["attempts"] >= 1 and entry["sentAt"] and entry["createdAt"] and entry["key"], entry
    assert entry.get("lastError") is None, entry
    assert code in entry["text"], "the outbox should show the text that was sent"


def test_a_code_from_one_login_does_not_open_the_next_one(mail, relying_party, people, logins):
    sophie = people["Sophie"]
    rp = relying_party(350)

    first = logins(rp, sophie, "email")
    before = len(mail.to(sophie["email"]))
    first.to_code_page()
    used = code_in(mail.wait_for_mail(sophie["email"], after=before))
    assert_code_level(first.accepted(used), 350)

    second = logins(rp, sophie, "email")
    before = len(mail.to(sophie["email"]))
    second.to_code_page()
    fresh = code_in(mail.wait_for_mail(sophie["email"], after=before))
    assert fresh != used, "a new login must get a new code"
    second.refused(used, "the code already used to log in before")
    assert_code_level(second.accepted(fresh, "the new login's own code"), 350)


def test_asking_for_another_code_straight_away_is_refused_with_a_message(gateway, mail, relying_party, people, logins):
    sophie = people["Sophie"]
    login = logins(relying_party(350), sophie, "email")
    before = len(mail.to(sophie["email"]))
    login.to_code_page()
    code = code_in(mail.wait_for_mail(sophie["email"], after=before))
    queued = len(gateway.outbox_to(sophie["email"]))

    page = login.resend()
    message = form_error(page) or " ".join(
        n.text for n in parse_html(page.text).iter() if n.attrs.get("role") == "alert"
    )
    assert message, f"a new code asked for within 60 s must be refused with a message:\n{page.text[:2000]}"
    assert login.code_form() is not None, "the code page should stay, so the code already sent can still be typed"
    assert len(gateway.outbox_to(sophie["email"])) == queued, "no new e-mail may be queued within 60 s of the last"
    assert_code_level(login.accepted(code, "the code sent before the refused resend"), 350)


def test_guessing_an_emailed_code_spends_it_and_imposes_a_wait_that_reveals_nothing(gateway, mail, relying_party, people, logins):
    pieter = people["Pieter"]
    login = logins(relying_party(350), pieter, "email")
    before = len(mail.to(pieter["email"]))
    login.to_code_page()
    code = code_in(mail.wait_for_mail(pieter["email"], after=before))
    guesses = [c for c in ("000000", "111111", "222222", "333333", "444444", "555555", "666666") if c != code]

    wrong = login.refused(guesses[0], "guess 1")
    for n, guess in enumerate(guesses[1:5], start=2):
        login.refused(guess, f"guess {n}")

    # After five failures: a wait, and the same answer whether the code typed is right or wrong.
    right_answer = login.refused(code, "the right code right after five wrong ones")
    wrong_answer = login.refused(guesses[5], "a sixth wrong code during the wait")
    assert right_answer == wrong_answer, (
        f"during the wait a right and a wrong code must get the same answer: {right_answer!r} vs {wrong_answer!r}"
    )
    assert right_answer != wrong, f"the wait must read differently from a wrong code: {right_answer!r}"
    assert WAIT_MESSAGE.search(right_answer), f"the wait message should say how long to wait: {right_answer!r}"

    # The wait over (the failure records cleared stands in for 30 s of waiting), the code itself is spent:
    # at most five tries per code.
    connection = sqlite3.connect(gateway.database, timeout=10)
    try:
        with connection:
            cleared = connection.execute("DELETE FROM login_failures").rowcount
    finally:
        connection.close()
    assert cleared >= 1, "the guessing should have left failure records in login_failures"
    spent = login.refused(code, "the right code after its five tries were used up")
    assert spent != wrong, f"'too many tries for this code' must read differently from a wrong code: {spent!r}"


# --- authenticator app (TOTP) -------------------------------------------------------------------------------------


def test_lena_logs_in_with_her_authenticator_app_and_no_code_works_twice(relying_party, people, logins):
    lena = people["Lena"]
    app = pyotp.TOTP(lena["totpSecret"])  # RFC 6238 defaults: SHA-1, 6 digits, 30 s
    rp = relying_party(400)

    login = logins(rp, lena, "totp")
    login.to_code_page()
    now = time.time()
    window = {app.at(now + steps * 30) for steps in range(-2, 3)}
    stale = app.at(now - 90)
    assert stale not in window, "(three steps ago happens to show a code of the window; rerun)"
    login.refused(stale, "a code from three steps (90 s) ago")
    wrong = login.refused(wrong_code(*window, stale), "a code no authenticator would show now")

    shown_at = time.time()
    code = app.at(shown_at)
    assert_code_level(login.accepted(code, "the app's current code"), 400)

    # A new login (another browser) with the code just used: refused, saying so.
    again = logins(rp, lena, "totp")
    again.to_code_page()
    replay = again.refused(code, "a TOTP code already accepted, in a new login")
    assert replay != wrong, f"'already used' must read differently from a wrong code: {replay!r}"
    following = app.at(shown_at + 30)
    assert following != code
    assert_code_level(again.accepted(following, "the app's next code (within one step)"), 400)


# --- token card ---------------------------------------------------------------------------------------------------


def token_position(login) -> int:
    node = parse_html(login.page.text).find(id="token-position")
    assert node is not None, f"the token page must show #token-position:\n{login.page.text[:2000]}"
    digits = re.findall(r"\d+", node.text)
    assert len(digits) == 1, f"#token-position should hold one number: {node.text!r}"
    position = int(digits[0])
    assert 1 <= position <= 24, f"token positions are 1–24: {position}"
    return position


def test_emma_logs_in_with_her_token_card_and_is_asked_another_position_next_time(relying_party, people, logins):
    emma = people["Emma"]
    card = emma["tokenCard"]
    rp = relying_party(300)

    login = logins(rp, emma, "token")
    login.to_code_page()
    position = token_position(login)
    login.refused(wrong_code(card[position - 1]), f"a wrong code for position {position}")
    position = token_position(login)  # the page asks again (the same position or another)
    assert_code_level(login.accepted(card[position - 1], f"the code at position {position}"), 300)

    following = logins(rp, emma, "token")
    following.to_code_page()
    next_position = token_position(following)
    assert next_position != position, f"the next login asked position {position} again"
    assert_code_level(following.accepted(card[next_position - 1], f"the code at position {next_position}"), 300)


# --- keys managed from the command line -----------------------------------------------------------------------------


def active_kinds(gateway, username) -> dict:
    keys = gateway.cli("key", "list", username)
    assert isinstance(keys, list), f"`key list --json` should print a list: {keys!r}"
    return {key.get("kind"): key for key in keys if key.get("status") == "active"}


def iso_time(value, what: str) -> datetime.datetime:
    """A timestamp a script can read: an ISO 8601 string with its offset (as /dev/outbox.json writes them)."""
    assert isinstance(value, str), f"{what} should be an ISO 8601 time, got {value!r}"
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    assert parsed is not None and parsed.tzinfo is not None, f"{what} should be an ISO 8601 time with offset: {value!r}"
    return parsed


def test_key_list_tells_a_script_which_keys_a_person_has_and_since_when(gateway, people):
    keys = gateway.cli("key", "list", people["Pieter"]["username"])
    assert isinstance(keys, list) and keys, f"`key list --json` should print the keys: {keys!r}"
    now = datetime.datetime.now(datetime.timezone.utc)
    for key in keys:
        missing = {"kind", "status", "activatedAt", "lastUsedAt"} - set(key)
        assert not missing, f"`key list --json` entry without {sorted(missing)} (null when unset): {key}"
        activated = iso_time(key["activatedAt"], f"activatedAt of the {key['kind']} key")
        assert now - datetime.timedelta(days=1) < activated <= now + datetime.timedelta(minutes=1), (
            f"the demo keys were activated when the server seeded them, not at {activated}"
        )
        if key["lastUsedAt"] is not None:
            iso_time(key["lastUsedAt"], f"lastUsedAt of the {key['kind']} key")
    assert {k["kind"] for k in keys if k["status"] == "active"} >= {"email", "totp", "token"}, keys


def test_an_officer_replaces_marcs_app_and_card_from_the_command_line(gateway, relying_party, people, logins):
    marc = people["Marc"]
    username = marc["username"]
    assert {"email", "totp", "token"} <= set(active_kinds(gateway, username)), "demo people have all three code keys"

    for kind in ("totp", "token"):
        done = gateway.cli_plain("key", "remove", username, kind)
        assert done.returncode == 0, f"`key remove {username} {kind}` → {done.returncode}: {done.stderr}"
    assert not {"totp", "token"} & set(active_kinds(gateway, username)), "removed keys must not be listed as active"

    # Without the key: an error once the password is right, and no code asked.
    without = logins(relying_party(400), marc, "totp")
    without.open()
    page = without.password()
    assert form_error(page), f"a person without an active TOTP key should read why:\n{page.text[:2000]}"
    assert without.code_form() is None, "no code may be asked for a key the person does not have"

    app_key = gateway.cli("key", "add", username, "totp")
    assert app_key.get("username") == username and app_key.get("kind") == "totp", app_key
    secret = app_key.get("secret", "")
    assert re.fullmatch(r"[A-Z2-7]{16,}=*", secret), f"the TOTP secret should be base32 of at least 80 bits: {secret!r}"
    assert secret != marc["totpSecret"], "a new key needs a new secret"
    uri = app_key.get("uri", "")
    assert uri.startswith("otpauth://totp/"), uri
    parsed = pyotp.parse_uri(uri)  # what an authenticator app does with the QR code
    assert isinstance(parsed, pyotp.TOTP) and parsed.secret == secret, f"the URI must carry the secret: {uri}"
    assert parsed.digits == 6 and parsed.interval == 30 and parsed.digest().name == "sha1", uri

    card_key = gateway.cli("key", "add", username, "token")
    assert card_key.get("username") == username and card_key.get("kind") == "token", card_key
    card = card_key.get("codes")
    assert isinstance(card, list) and len(card) == 24 and all(re.fullmatch(r"\d{6}", c) for c in card), card
    assert card != marc["tokenCard"], "a new card needs new codes"

    keys = active_kinds(gateway, username)
    assert {"totp", "token"} <= set(keys), f"added keys must be active: {keys}"

    with_app = logins(relying_party(400), marc, "totp")
    with_app.to_code_page()
    assert_code_level(with_app.accepted(parsed.now(), "the new app's code"), 400)
    with_card = logins(relying_party(300), marc, "token")
    with_card.to_code_page()
    position = token_position(with_card)
    old_code = marc["tokenCard"][position - 1]
    with_card.refused(old_code if old_code != card[position - 1] else wrong_code(card[position - 1]), "the old card's code")
    position = token_position(with_card)
    assert_code_level(with_card.accepted(card[position - 1], "the new card's code (index 0 is position 1)"), 300)

    keys = active_kinds(gateway, username)
    assert keys["totp"].get("lastUsedAt"), f"the TOTP key was just used: {keys['totp']}"
    assert keys["token"].get("lastUsedAt"), f"the token card was just used: {keys['token']}"
