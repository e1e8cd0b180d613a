"""The eID card reader in a real browser: Emma's card is "in the reader" (Playwright's client_certificates, from the
PKCS#12 file `persopoint pki card` wrote, PIN 1234), she opens PersoSelfService, chooses the eID key, clicks
"identify" and is in. Pieter's card was revoked: he reads why, in French.

A gateway of its own (--dev: the development PKI and the demo people's cards) with its eID listener on a free port.
Chromium does not trust the dev root CA, hence ignore_https_errors.
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


@pytest.fixture(scope="module")
def gateway():
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.fail("PERSOPOINT_BIN is not set: run ./scripts/test.sh", pytrace=False)
    server = ExtraServer(binary, "e2e-eid").start()
    yield server
    server.cleanup()


def cli(gateway, *args) -> subprocess.CompletedProcess:
    """`persopoint ARGS` with the server's own settings (its data directory and public URL, as an officer's config
    file would give them)."""
    return subprocess.run(
        [gateway.binary, *args, "--data-dir", gateway.data_dir, "--public-url", gateway.url],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def people(gateway):
    done = cli(gateway, "demo", "credentials", "--json")
    assert done.returncode == 0, f"`persopoint demo credentials` → {done.returncode}: {done.stderr}"
    return {person["givenName"]: {**person, "nrn": re.sub(r"\D", "", person["nrn"])} for person in json.loads(done.stdout)["people"]}


@pytest.fixture
def card_reader(browser, gateway):
    """card_reader(person, **context options) → a page in a browser context whose "reader" holds the person's card
    (the PKCS#12 file, password 1234) for the eID origin."""
    contexts = []

    def open_page(person, **options):
        p12 = gateway.pki_dir / "cards" / f"{person['nrn']}.p12"
        assert p12.is_file(), f"--dev should have issued {person['givenName']}'s card as {p12}"
        context = browser.new_context(
            base_url=gateway.url,
            ignore_https_errors=True,
            client_certificates=[{"origin": gateway.eid_url, "pfxPath": str(p12), "passphrase": "1234"}],
            **options,
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def choose_eid_and_identify(page, gateway, screenshot=None, suffix=""):
    expect(page).to_have_url(re.compile(r"/fas/login\?tx="))
    if screenshot:
        screenshot(page, f"eid-key-chooser-{suffix}")
    page.locator("a#key-eid").click()
    expect(page).to_have_url(re.compile(r"/fas/login/eid\?tx="))
    identify = page.locator("#eid-identify")
    expect(identify).to_be_visible()
    expect(identify).to_have_attribute("href", re.compile("^" + re.escape(f"{gateway.eid_url}/eid/identify?attempt=")))
    if screenshot:
        screenshot(page, f"eid-insert-card-{suffix}")
    identify.click()


def test_emma_logs_in_to_selfservice_with_her_eid_card(card_reader, gateway, people, screenshot):
    emma = people["Emma"]
    page = card_reader(emma, locale="en-GB", extra_http_headers={"Accept-Language": "en"})

    page.goto("/selfservice")
    choose_eid_and_identify(page, gateway, screenshot, "en")

    expect(page).to_have_url(re.compile(r"/selfservice$"))
    expect(page.locator("#welcome")).to_have_text("Welcome, Emma Peeters")
    screenshot(page, "eid-logged-in-en")

    # Her activity shows the eID login.
    page.goto("/fas/activity")
    expect(page).to_have_url(re.compile(r"/fas/activity$"))
    expect(page.locator("#activity")).to_contain_text(re.compile(r"eID", re.IGNORECASE))


def test_pieter_whose_card_was_revoked_reads_why_in_french(card_reader, gateway, people, screenshot):
    pieter = people["Pieter"]
    done = cli(gateway, "pki", "revoke", pieter["nrn"])
    assert done.returncode == 0, f"`persopoint pki revoke` → {done.returncode}: {done.stdout}{done.stderr}"
    page = card_reader(pieter, locale="fr-BE", extra_http_headers={"Accept-Language": "fr-BE,fr;q=0.9"})

    page.goto("/selfservice")
    choose_eid_and_identify(page, gateway)

    refusal = page.locator("section#eid-refusal")
    expect(refusal).to_have_attribute("data-reason", "revoked")
    expect(page.locator("html")).to_have_attribute("lang", re.compile("^fr"))
    expect(refusal).to_contain_text(re.compile(r"révoqu", re.IGNORECASE))
    expect(page.locator("#eid-try-again")).to_be_visible()
    screenshot(page, "eid-refused-revoked-fr")

    # "Try again" goes back to step 1 with a new attempt (the "insert your card" page, or straight its identify
    # link); with the same revoked card in the reader, the answer is the same.
    first_attempt = re.search(r"attempt=([^&]+)", page.url)
    again = page.locator("#eid-try-again").get_attribute("href")
    assert again.startswith(f"{gateway.eid_url}/eid/identify?attempt=") or re.search(r"/fas/login/eid\?tx=", again), again
    page.locator("#eid-try-again").click()
    if "/fas/login/eid?" in page.url:
        page.locator("#eid-identify").click()
    expect(page.locator("section#eid-refusal")).to_have_attribute("data-reason", "revoked")
    assert first_attempt is None or first_attempt.group(1) not in page.url, "trying again needs a new attempt"
