"""Security-code keys in a real browser: Emma logs in with her token card, activates an authenticator app from the
QR code on "my digital keys" and prints a new card; Sophie logs in with a code sent by e-mail, in French.

A gateway of its own (development mailbox, keys activated from a Level300 session) so that the suite's main
server keeps the real rule (itsme or eID to activate a key).
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from interop.servers import ExtraServer  # noqa: E402


@pytest.fixture(scope="module")
def gateway():
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.fail("PERSOPOINT_BIN is not set: run ./scripts/test.sh", pytrace=False)
    server = ExtraServer(binary, "e2e-keys", args=["--key-activation-level", "300"]).start()
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def people(gateway):
    done = subprocess.run(
        [gateway.binary, "demo", "credentials", "--json", "--data-dir", gateway.data_dir],
        capture_output=True, text=True, timeout=60, check=True,
    )
    return {person["givenName"]: person for person in json.loads(done.stdout)["people"]}


def log_in_with_password_step(page, key, person):
    page.locator(f"a#key-{key}").click()
    page.locator("#username").fill(person["username"])
    page.locator("#password").fill(person["password"])
    page.locator("#password-submit").click()
    expect(page.locator("form#code-form")).to_be_visible()


def test_emma_uses_her_token_card_then_activates_an_authenticator_app_and_prints_a_new_card(new_page, gateway, people, screenshot):
    emma = people["Emma"]
    page = new_page(base_url=gateway.url, locale="en-GB", extra_http_headers={"Accept-Language": "en"})

    page.goto("/fas/keys")
    expect(page).to_have_url(re.compile(r"/fas/login\?tx="))
    log_in_with_password_step(page, "token", emma)
    position = int(page.locator("#token-position").inner_text())
    assert 1 <= position <= 24
    screenshot(page, "token-card-code-en")
    page.locator("#code").fill(emma["tokenCard"][position - 1])
    page.locator("#code-submit").click()

    expect(page).to_have_url(re.compile(r"/fas/keys$"))
    expect(page.locator("#my-key-totp .key-status")).to_have_text("Active")
    screenshot(page, "my-digital-keys-en")

    page.locator("#activate-totp").click()
    expect(page.locator("#totp-qr svg")).to_be_visible()
    screenshot(page, "totp-enrolment-qr-en")
    secret = page.locator("#totp-secret").inner_text().replace(" ", "")
    assert secret != emma["totpSecret"], "replacing the app gives a new secret"
    page.locator("#code").fill("000000" if pyotp.TOTP(secret).now() != "000000" else "111111")
    page.locator("#totp-confirm").click()
    expect(page.locator("p.form-error")).to_contain_text("This code does not match")
    page.locator("#code").fill(pyotp.TOTP(secret).now())
    page.locator("#totp-confirm").click()
    expect(page.locator("p.form-notice")).to_have_text("Your key is activated.")

    page.locator("#activate-token").click()
    codes = page.locator("#token-card .token-code")
    expect(codes).to_have_count(24)
    assert all(re.fullmatch(r"\d{6}", code) for code in codes.all_inner_texts())
    screenshot(page, "token-card-printable-en")


def test_sophie_logs_in_with_a_code_from_the_development_mailbox_in_french(new_page, gateway, people, screenshot):
    sophie = people["Sophie"]
    page = new_page(base_url=gateway.url, locale="fr-BE", extra_http_headers={"Accept-Language": "fr-BE,fr;q=0.9"})

    page.goto("/fas/activity")
    log_in_with_password_step(page, "email", sophie)
    expect(page.locator("p.step")).to_contain_text("Nous avons envoyé un code de sécurité de 6 chiffres")
    screenshot(page, "email-code-fr")

    messages = [m for m in gateway.outbox_to(sophie["email"]) if m["subject"] == "Votre code de sécurité PersoPoint"]
    assert messages, "the code's e-mail is in the development mailbox"
    code = re.search(r"\b(\d{6})\b", messages[0]["text"]).group(1)
    page.locator("#code").fill(code)
    page.locator("#code-submit").click()
    expect(page).to_have_url(re.compile(r"/fas/activity$"))
    expect(page.locator("#activity")).to_contain_text("Identification réussie")

    page.goto("/dev/outbox")
    expect(page.locator("#outbox")).to_contain_text(sophie["email"])
    screenshot(page, "development-mailbox")
