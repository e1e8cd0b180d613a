"""My password in a real browser: Emma logs in with her eID card (Playwright's client_certificates, PIN 1234) at
the gateway's "My password" page, in French, is refused a weak password with the reason in French, then chooses a
new username and a strong password. In a browser without her card she logs in to PersoSelfService with them and
her token card, and changes her password on the same page from that fresh security-code login. Then her old
password is refused, her new one alone is not enough to change it (the page asks for a code login first, and its
button leads there), and every change is announced in the development mailbox.

Emma is a demo person: she already has a username and password (emma.peeters), so the eID step is the page's
"forgot your password? choose a new username and password" (a reset; created and reset take the same form).

A gateway of its own (--dev: the development PKI with the demo people's cards, the development mailbox) with its
eID listener on a free port; Chromium does not trust the dev root CA, hence ignore_https_errors.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from interop.servers import ExtraServer  # noqa: E402

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
FRENCH = {"locale": "fr-BE", "extra_http_headers": {"Accept-Language": "fr-BE,fr;q=0.9"}}
ENGLISH = {"locale": "en-GB", "extra_http_headers": {"Accept-Language": "en"}}

NEW_USERNAME = "Emma.P"  # stored in lower case
WEAK = "Peeters-2024-2025"  # her surname and digits: long enough, but personal data
FIRST = "Tulipe-Ardoise-Brouillard-82"
SECOND = "Kraanvogel-Schelde-Mistbank-47"

# AccountTexts.swift and GatewayTexts.swift, word for word.
FR_PERSONAL_DATA = (
    "Ce mot de passe contient votre nom, votre nom d’utilisateur, votre numéro de registre national ou votre date de "
    "naissance. Choisissez-en un autre."
)
FR_CHANGED = "Votre mot de passe a été modifié. Un e-mail de confirmation vous a été envoyé."
FR_RESET_HEADING = "Mot de passe oublié ? Choisissez un nouveau nom d’utilisateur et mot de passe"
EN_CHANGED = "Your password has been changed. We sent you an e-mail to confirm it."
EN_WRONG_CURRENT = "Your current password is incorrect."
EN_WRONG_CREDENTIALS = "The username or password is incorrect."
EN_NEEDS_FRESH_LOGIN = (
    "To change your password, first log in again with a security code (token card, app or e-mail), your eID or "
    "itsme: the login must be less than 5 minutes old."
)
# PasswordChangeMail.swift: Emma's preferred language is Dutch.
NL_MAIL_SUBJECT = "Uw PersoPoint-wachtwoord is gewijzigd"


@pytest.fixture(scope="module")
def gateway():
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.fail("PERSOPOINT_BIN is not set: run ./scripts/test.sh", pytrace=False)
    server = ExtraServer(binary, "e2e-my-password").start()
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def emma(gateway):
    done = subprocess.run(
        [gateway.binary, "demo", "credentials", "--json", "--data-dir", gateway.data_dir, "--public-url", gateway.url],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, f"`persopoint demo credentials` → {done.returncode}: {done.stderr}"
    person = next(p for p in json.loads(done.stdout)["people"] if p["givenName"] == "Emma")
    return {**person, "nrn": re.sub(r"\D", "", person["nrn"])}


@pytest.fixture
def open_page(browser, gateway):
    """open_page(card=person or None, **context options) → a page on the gateway in a fresh browser context; with a
    card, the context's "reader" holds that person's eID card (the PKCS#12 file, password 1234)."""
    contexts = []

    def open_(card=None, **options):
        options.setdefault("viewport", DESKTOP)
        if card is not None:
            p12 = gateway.pki_dir / "cards" / f"{card['nrn']}.p12"
            assert p12.is_file(), f"--dev should have issued {card['givenName']}'s card as {p12}"
            options["ignore_https_errors"] = True
            options["client_certificates"] = [{"origin": gateway.eid_url, "pfxPath": str(p12), "passphrase": "1234"}]
        context = browser.new_context(base_url=gateway.url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


def password_mails(gateway, person):
    return [m for m in gateway.outbox_to(person["email"]) if m["subject"] == NL_MAIL_SUBJECT]


def log_in_with_token_card(page, person, username, password):
    expect(page).to_have_url(re.compile(r"/fas/login\?tx="))
    page.locator("a#key-token").click()
    page.locator("#username").fill(username)
    page.locator("#password").fill(password)
    page.locator("#password-submit").click()
    position = int(page.locator("#token-position").inner_text())
    assert 1 <= position <= 24
    page.locator("#code").fill(person["tokenCard"][position - 1])
    page.locator("#code-submit").click()


def test_emma_resets_her_password_after_an_eid_login_then_changes_it_after_a_code_login(open_page, gateway, emma, screenshot):
    mails_before = len(password_mails(gateway, emma))

    # 1. With her eID card, in French: "My password" starts a gateway login; she chooses the eID.
    page = open_page(card=emma, **FRENCH)
    page.goto("/fas/password?lang=fr")
    expect(page).to_have_url(re.compile(r"/fas/login\?tx="))
    page.locator("a#key-eid").click()
    expect(page).to_have_url(re.compile(r"/fas/login/eid\?tx="))
    page.locator("#eid-identify").click()
    expect(page).to_have_url(re.compile(r"/fas/password$"))
    expect(page.locator("html")).to_have_attribute("lang", re.compile("^fr"))
    expect(page.locator("h1")).to_have_text("Mon mot de passe")
    # She has a username already (a demo person): the eID login lets her reset both.
    expect(page.locator("#password-set h2")).to_have_text(FR_RESET_HEADING)
    expect(page.locator("#new-username")).to_have_value(emma["username"])

    # A weak password: refused, with the reason in French; the username she typed stays, the password does not.
    page.locator("#new-username").fill(NEW_USERNAME)
    page.locator("#new-password").fill(WEAK)
    page.locator("#set-password-submit").click()
    expect(page.locator("p.form-error")).to_have_text(FR_PERSONAL_DATA)
    expect(page.locator("#new-username")).to_have_value(NEW_USERNAME)
    expect(page.locator("#new-password")).to_have_value("")
    assert WEAK not in page.content(), "the refused password is never sent back"
    expect(page.locator("#password-current")).to_contain_text(emma["username"])
    screenshot(page, "my-password-weak-refused-fr.png")
    assert len(password_mails(gateway, emma)) == mails_before, "a refused password changes nothing and sends nothing"

    # A strong one: saved.
    page.locator("#new-password").fill(FIRST)
    page.locator("#set-password-submit").click()
    expect(page).to_have_url(re.compile(r"/fas/password\?done=changed$"))
    expect(page.locator("p.form-notice")).to_have_text(FR_CHANGED)
    expect(page.locator("p.form-error")).to_have_count(0)
    expect(page.locator("#password-current")).to_contain_text("Votre nom d’utilisateur : emma.p")
    screenshot(page, "my-password-created-fr.png")

    mails = password_mails(gateway, emma)
    assert len(mails) == mails_before + 1, f"one e-mail for the new password, in the outbox: {mails}"
    assert "(gebruikersnaam emma.p)" in mails[0]["text"] and "is gewijzigd op" in mails[0]["text"], mails[0]["text"]
    assert FIRST not in mails[0]["text"] and FIRST not in (mails[0]["html"] or ""), "the mail never carries the password"

    # 2. Another browser, no card: PersoSelfService (Level300) with the new username and password and her token card.
    page = open_page(**ENGLISH)
    page.goto("/selfservice?lang=en")
    log_in_with_token_card(page, emma, "emma.p", FIRST)
    expect(page).to_have_url(re.compile(r"/selfservice(\?lang=en)?$"))
    expect(page.locator("#welcome")).to_have_text("Welcome, Emma Peeters")

    # 3. That login is a fresh security-code login: My password offers the change form, not the reset.
    page.goto("/fas/password?lang=en")
    expect(page).to_have_url(re.compile(r"/fas/password\?lang=en$"))
    expect(page.locator("#change-password-form")).to_be_visible()
    expect(page.locator("#set-password-form")).to_have_count(0)
    expect(page.locator("#password-strong-login")).to_be_visible()
    # A wrong current password is refused...
    page.locator("#current-password").fill(emma["password"])
    page.locator("#changed-password").fill(SECOND)
    page.locator("#change-password-submit").click()
    expect(page.locator("p.form-error")).to_have_text(EN_WRONG_CURRENT)
    assert len(password_mails(gateway, emma)) == mails_before + 1
    # ...the right one changes it.
    page.locator("#current-password").fill(FIRST)
    page.locator("#changed-password").fill(SECOND)
    page.locator("#change-password-submit").click()
    expect(page).to_have_url(re.compile(r"/fas/password\?done=changed$"))
    expect(page.locator("p.form-notice")).to_have_text(EN_CHANGED)
    expect(page.locator("#password-current")).to_contain_text("Your username: emma.p")
    screenshot(page, "my-password-changed-en.png")

    mails = password_mails(gateway, emma)
    assert len(mails) == mails_before + 2, f"a second e-mail for the change: {mails}"
    assert "(gebruikersnaam emma.p)" in mails[0]["text"], mails[0]["text"]
    assert mails[0]["id"] != mails[1]["id"]

    # 4. A third browser, on a phone: the old password is refused, the new one opens her account...
    page = open_page(viewport=PHONE, **ENGLISH)
    page.goto("/fas/password?lang=en")
    expect(page).to_have_url(re.compile(r"/fas/login\?tx="))
    page.locator("a#key-password").click()
    page.locator("#username").fill("emma.p")
    page.locator("#password").fill(FIRST)
    page.locator("#password-submit").click()
    expect(page.locator("p.form-error")).to_have_text(EN_WRONG_CREDENTIALS)
    page.locator("#password").fill(SECOND)
    page.locator("#password-submit").click()
    expect(page).to_have_url(re.compile(r"/fas/password$"))
    # ...but a password alone does not change it: the page asks for a security-code login, and its button gets one.
    expect(page.locator("#change-password-form")).to_have_count(0)
    expect(page.locator("#password-change .advice")).to_have_text(EN_NEEDS_FRESH_LOGIN)
    page.locator("a#password-code-login").click()
    log_in_with_token_card(page, emma, "emma.p", SECOND)
    expect(page).to_have_url(re.compile(r"/fas/password$"))
    expect(page.locator("#change-password-form")).to_be_visible()
    expect(page.locator("#current-password")).to_be_visible()
    screenshot(page, "my-password-change-phone-en.png")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways scrolling on a phone"
