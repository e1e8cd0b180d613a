"""The eBox in a real browser (issue 17): the mailbox for official documents, on a server of its own.

  d. accessibility first (it needs Emma without an eBox): axe-core, WCAG 2.x A and AA, on the activation page
     (Emma), the mailbox, a document page and the settings page (Pieter), on a desktop screen in English and on
     a phone in French; serious and critical violations fail the test, the others are reported as warnings.
  a. Emma Peeters has no eBox: she opens /ebox, logs in with her token card (Level300), sees the activation page,
     gives her consent, an address, a language and a format, reads the 6-digit code in the development mailbox,
     types a wrong code (#code-error), then the right one, and lands in her empty mailbox (#activated).
  b. The demo sender (client credentials from the gateway) publishes registered mail to Emma: a PDF plus a PNG
     attachment. Emma sees it unread with the registered mark, opens it (read), downloads the PNG through the
     page (same SHA-256 as sent, and as the .sha256 shown); the sender's receipt, verified with the eBox's JWKS,
     then has opened_at. The notice e-mail reaches Emma's eBox address with a link to the eBox.
  c. Sophie on a phone: no horizontal scroll, the type filter and the search narrow the list, archiving moves a
     document to the archived view and back, and "download everything" gives a ZIP of every document's files.

Screenshots: ebox-*.png and a11y-ebox-*.png in the e2e screenshot directory (PERSOPOINT_SCREENSHOTS).
"""

import base64
import hashlib
import io
import json
import os
import random
import re
import struct
import sys
import uuid
import zipfile
import zlib
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests
from axe_playwright_python.sync_playwright import Axe
from joserfc import jws
from joserfc.jwk import KeySet
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from accessibility_audit import Audit  # noqa: E402
from gateway_login import log_in_with_token_card  # noqa: E402
from interop.servers import ExtraServer  # noqa: E402
from own_server import wait_for_mail  # noqa: E402

TIMEOUT = 15  # seconds, for every HTTP request of the sender

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
LOCALES = {"en": ("en-GB", "en-GB,en;q=0.9"), "fr": ("fr-BE", "fr-BE,fr;q=0.9")}

MAILBOX_URL = re.compile(r"/ebox/?(\?[^/]*)?$")
SIX_DIGITS = re.compile(r"(?<!\d)\d{6}(?!\d)")
HEX_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
ISO_SECONDS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")

# What story a leaves for story b (the module's tests run in file order).
EMMA_EBOX = {"address": "emma.peeters.ebox@example.be", "activated": False, "code_mails": set()}


# --- the server, the people, the sender ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gateway():
    """A PersoPoint of its own (development mode: demo eBoxes, development mailbox), so that Emma's activation and
    Sophie's archiving leave the suite's main server as it was."""
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.fail("PERSOPOINT_BIN is not set: run ./scripts/test.sh", pytrace=False)
    server = ExtraServer(binary, "e2e-ebox").start()
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def demo(gateway):
    listed = gateway.cli("demo", "credentials")
    assert isinstance(listed, dict) and listed.get("people") and listed.get("senders"), (
        f"`persopoint demo credentials --json` must print {{\"people\": [...], \"senders\": [...]}}, got {listed!r}"[:2000]
    )
    return listed


@pytest.fixture(scope="module")
def people(demo):
    return {person["givenName"]: {**person, "nrn": re.sub(r"\D", "", str(person["nrn"]))} for person in demo["people"]}


@pytest.fixture(scope="module")
def sender(demo):
    first = demo["senders"][0]
    for name in ("clientID", "clientSecret", "code", "scope", "types"):
        assert name in first, f"the demo sender lacks {name}: {sorted(first)}"
    return first


@pytest.fixture(scope="module")
def discovery(gateway):
    response = requests.get(f"{gateway.url}/fas/oauth2/.well-known/openid-configuration", timeout=TIMEOUT)
    assert response.status_code == 200, f"discovery → {response.status_code}: {response.text[:300]}"
    return response.json()


@pytest.fixture(scope="module")
def sender_token(sender, discovery):
    """An access token of the demo sender: client_credentials, client_secret_basic, scope ebox:publish."""
    response = requests.post(
        discovery["token_endpoint"], data={"grant_type": "client_credentials", "scope": "ebox:publish"},
        auth=(sender["clientID"], sender["clientSecret"]), timeout=TIMEOUT,
    )
    assert response.status_code == 200, f"client_credentials for the demo sender → {response.status_code}: {response.text[:500]}"
    token = response.json()
    assert token.get("access_token"), token
    return token["access_token"]


@pytest.fixture(scope="module")
def emma_page(browser, gateway):
    """Emma's browser for stories a and b: one context (one session) for both."""
    locale, accept = LOCALES["en"]
    context = browser.new_context(base_url=gateway.url, locale=locale, extra_http_headers={"Accept-Language": accept}, **DESKTOP)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def axe():
    return Axe()


# --- helpers -------------------------------------------------------------------------------------------------------


def open_ebox(page, person, path="/ebox"):
    """Opens path; logs the person in at the gateway if the eBox sends them there; back on the eBox."""
    page.goto(path)
    if re.search(r"/fas/login\?tx=", page.url):
        log_in_with_token_card(page, person)
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/ebox"))
    page.wait_for_load_state("load")


def sideways_scroll(page, what):
    """None, or what scrolls sideways and by how much. On an emulated phone Chromium widens the layout viewport
    (innerWidth) to content that overflows, so the width is also compared with the phone's own (the context's
    viewport)."""
    page.wait_for_load_state("load")
    widths = page.evaluate("({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    widths["phone"] = page.viewport_size["width"]
    if widths["scroll"] > min(widths["inner"], widths["phone"]):
        return f"{what} scrolls sideways on a phone: {widths} at {page.url}"
    return None


def no_horizontal_scroll(page, what):
    problem = sideways_scroll(page, what)
    assert problem is None, problem




def sha256_b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def shown_sha256(item) -> str:
    """The hex SHA-256 a li.file shows in its .sha256 (spaces or a label around it are tolerated)."""
    text = re.sub(r"\s", "", item.locator(".sha256").inner_text())
    found = HEX_SHA256.search(text)
    assert found, f".sha256 does not show a hex SHA-256: {text!r}"
    return found.group(0).lower()


def pdf_bytes(text: str) -> bytes:
    """A small valid one-page PDF saying text."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def png_bytes(width: int = 24, height: int = 16) -> bytes:
    """A small valid RGB PNG with random pixels (so that its digest belongs to this run)."""
    rows = b"".join(b"\x00" + bytes(random.randrange(256) for _ in range(width * 3)) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def publish(gateway, token, metadata: dict, files: dict) -> requests.Response:
    """POST /ebox/api/v1/messages: metadata first, then the file parts {part: (file name, bytes, media type)}."""
    parts = [("metadata", (None, json.dumps(metadata), "application/json"))]
    parts += [(name, spec) for name, spec in files.items()]
    return requests.post(f"{gateway.url}/ebox/api/v1/messages", files=parts,
                         headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)


def sender_get(gateway, token, path) -> requests.Response:
    return requests.get(f"{gateway.url}{path}", headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)


def activate(page, gateway, screenshot=None, wrong_code_first=True):
    """Emma's activation, from the activation page on: consent, address, Dutch notices as text, one per
    document; the code from the development mailbox (a wrong one first); ends in her mailbox."""
    address = EMMA_EBOX["address"]
    form = page.locator("form#activation-form")
    expect(form).to_be_visible()
    page.locator("#consent").check()
    page.locator("#email").fill(address)
    page.locator("#notice-language").select_option("nl")
    page.locator("#format-text").check()
    page.locator("#frequency-each").check()
    expect(page.locator("#consent")).to_be_checked()
    page.locator("#activate").click()

    expect(page).to_have_url(re.compile(r"/ebox/verify"))
    expect(page.locator("#code")).to_be_visible()
    if screenshot:
        screenshot(page, "ebox-verify")
    mails = wait_for_mail(gateway, address, lambda m: SIX_DIGITS.search(m.get("subject") or ""),
                          "the activation code (a 6-digit code in the subject)")
    EMMA_EBOX["code_mails"].update(m["id"] for m in mails)
    code = SIX_DIGITS.search(mails[0]["subject"]).group(0)

    if wrong_code_first:
        wrong = next(c for c in ("000000", "111111", "123456", "987654") if c != code)
        page.locator("#code").fill(wrong)
        page.locator("#confirm").click()
        expect(page.locator("#code-error")).to_be_visible()
        expect(page).to_have_url(re.compile(r"/ebox/verify"))

    page.locator("#code").fill(code)
    page.locator("#confirm").click()
    expect(page).to_have_url(MAILBOX_URL)
    expect(page.locator("#activated")).to_be_visible()
    EMMA_EBOX["activated"] = True

# --- d. accessibility (first: it needs Emma without an eBox) -------------------------------------------------------


@pytest.mark.parametrize("lang,size", [("en", "desktop"), ("fr", "phone")])
def test_d_ebox_pages_have_no_serious_wcag_violation(new_page, gateway, people, axe, screenshot, lang, size):
    audit = Audit(axe, screenshot, lang, size, "eBox")
    locale, accept = LOCALES[lang]
    options = dict(base_url=gateway.url, locale=locale, extra_http_headers={"Accept-Language": accept},
                   **(PHONE if size == "phone" else DESKTOP))

    # Emma has no eBox yet: the activation page (not submitted: story a activates).
    page = new_page(**options)
    open_ebox(page, people["Emma"], f"/ebox?lang={lang}")
    expect(page.locator("form#activation-form")).to_be_visible()
    audit.check(page, "ebox-activation")

    # Pieter's demo eBox: the mailbox, a document, the settings.
    page = new_page(**options)
    open_ebox(page, people["Pieter"], f"/ebox?lang={lang}")
    expect(page.locator("#mailbox .document").first).to_be_visible()
    audit.check(page, "ebox-mailbox")
    page.locator("#mailbox .document a.document-link").first.click()
    expect(page).to_have_url(re.compile(r"/ebox/documents/[0-9A-Fa-f-]{36}"))
    expect(page.locator("#document-subject")).to_be_visible()
    audit.check(page, "ebox-document")
    page.goto("/ebox/settings")
    expect(page).to_have_url(re.compile(r"/ebox/settings"))
    audit.check(page, "ebox-settings")

    audit.finish()


# --- a. activation ---------------------------------------------------------------------------------------------------


def test_a_emma_activates_her_ebox_with_a_code_sent_by_email(emma_page, gateway, people, screenshot):
    page = emma_page
    open_ebox(page, people["Emma"], "/ebox?lang=en")
    expect(page).to_have_url(MAILBOX_URL)
    expect(page.locator("form#activation-form")).to_be_visible()
    for field, name in (("#consent", "consent"), ("#email", "email"), ("#notice-language", "language")):
        expect(page.locator(field)).to_have_attribute("name", name)
    expect(page.locator("#consent")).to_have_attribute("value", "yes")
    expect(page.locator("#consent")).not_to_be_checked()
    languages = page.locator("#notice-language option").evaluate_all("options => options.map(o => o.value)")
    assert {"fr", "nl", "de", "en"} <= set(languages), f"#notice-language offers {languages}"
    for radio, name, value in (("#format-html", "format", "html"), ("#format-text", "format", "text"),
                               ("#frequency-each", "frequency", "each"), ("#frequency-daily", "frequency", "daily")):
        expect(page.locator(radio)).to_have_attribute("name", name)
        expect(page.locator(radio)).to_have_attribute("value", value)
    screenshot(page, "ebox-activation")

    activate(page, gateway, screenshot=screenshot, wrong_code_first=True)
    expect(page.locator("#no-documents")).to_be_visible()
    expect(page.locator("#mailbox .document")).to_have_count(0)


# --- b. a sender publishes registered mail to Emma ---------------------------------------------------------------------


def test_b_registered_mail_from_a_sender_is_read_downloaded_and_receipted(
    emma_page, gateway, people, sender, sender_token, screenshot
):
    emma = people["Emma"]
    page = emma_page
    if not EMMA_EBOX["activated"]:  # run on its own: activate first (story a did not)
        open_ebox(page, emma, "/ebox?lang=en")
        activate(page, gateway, wrong_code_first=False)

    # The sender publishes: a PDF letter and a PNG scan, registered.
    mails_before = {m["id"] for m in gateway.outbox_to(EMMA_EBOX["address"])}
    message_id = f"e2e-registered-{uuid.uuid4().hex[:12]}"
    subject = f"Registered letter {message_id}"
    pdf = pdf_bytes(f"Registered letter {message_id}")
    png = png_bytes()
    digests = {"main": sha256_b64url(pdf), "annex-1": sha256_b64url(png)}
    metadata = {"recipient": emma["nrn"], "messageId": message_id, "type": "registered_letter", "language": "en",
                "subject": subject, "summary": "A registered letter with a scanned annex.", "registered": True,
                "digests": digests}
    response = publish(gateway, sender_token, metadata, {"main": ("letter.pdf", pdf, "application/pdf"),
                                                         "annex-1": ("scan.png", png, "image/png")})
    assert response.status_code == 201, f"publish → {response.status_code}: {response.text[:1000]}"
    assert response.headers.get("Location", "").endswith(f"/ebox/api/v1/messages/{message_id}"), response.headers
    status = response.json()
    assert uuid.UUID(status["id"])
    assert (status["messageId"], status["recipient"], status["type"], status["registered"]) == (
        message_id, emma["nrn"], "registered_letter", True), status
    assert status["readAt"] is None and status["firstOpenedAt"] is None, status
    assert ISO_SECONDS.match(status["deliveredAt"]) and ISO_SECONDS.match(status["expiresAt"]), status
    assert status["notice"]["status"] in ("pending", "sent", "failed", "digest"), status
    files = {f["part"]: f for f in status["files"]}
    assert set(files) == {"main", "annex-1"}, status["files"]
    assert (files["main"]["fileName"], files["main"]["mediaType"], files["main"]["size"], files["main"]["sha256"]) == (
        "letter.pdf", "application/pdf", len(pdf), digests["main"]), files["main"]
    assert (files["annex-1"]["fileName"], files["annex-1"]["mediaType"], files["annex-1"]["size"], files["annex-1"]["sha256"]) == (
        "scan.png", "image/png", len(png), digests["annex-1"]), files["annex-1"]
    document_id = status["id"]

    # Emma's mailbox: the new document, first, unread, registered.
    page.goto("/ebox")
    expect(page).to_have_url(MAILBOX_URL)
    documents = page.locator("#mailbox .document")
    expect(documents.first).to_have_attribute("data-id", re.compile(rf"^{document_id}$", re.I))
    document = page.locator(f'#mailbox .document[data-id="{document_id}" i]')
    expect(document).to_have_class(re.compile(r"(^|\s)unread(\s|$)"))
    expect(document.locator(".registered-mark")).to_be_visible()
    expect(document.locator(".subject")).to_contain_text(subject)
    for part in (".sender", ".date", ".expires"):
        expect(document.locator(part)).to_be_visible()
    expect(document.locator("a.document-link")).to_have_attribute("href", re.compile(rf"/ebox/documents/{document_id}(\?.*)?$", re.I))
    expect(page.locator("#no-documents")).to_have_count(0)
    screenshot(page, "ebox-mailbox-desktop")

    # She opens it: the document page, its two files with their SHA-256.
    document.locator("a.document-link").click()
    expect(page).to_have_url(re.compile(rf"/ebox/documents/{document_id}(\?.*)?$", re.I))
    expect(page.locator("#document-subject")).to_contain_text(subject)
    expect(page.locator("#registered-notice")).to_be_visible()
    expect(page.locator("#archive")).to_be_visible()
    items = page.locator("#files li.file")
    expect(items).to_have_count(2)
    screenshot(page, "ebox-document")

    main_item = items.filter(has=page.locator('a.download[href$="/files/main"]'))
    scan_item = items.filter(has=page.locator('a.download[href$="/files/annex-1"]'))
    expect(main_item).to_have_count(1)
    expect(scan_item).to_have_count(1)
    assert shown_sha256(main_item) == hashlib.sha256(pdf).hexdigest(), "the PDF's .sha256 is not the SHA-256 of the PDF sent"
    shown_png = shown_sha256(scan_item)

    with page.expect_download() as info:
        scan_item.locator("a.download").click()
    download = info.value
    assert download.failure() is None, download.failure()
    received = Path(download.path()).read_bytes()
    assert download.suggested_filename == "scan.png", download.suggested_filename
    assert hashlib.sha256(received).hexdigest() == hashlib.sha256(png).hexdigest(), "the PNG downloaded is not the PNG sent"
    assert shown_png == hashlib.sha256(png).hexdigest(), f"the page shows {shown_png} for the PNG"

    href = scan_item.locator("a.download").get_attribute("href")
    answer = page.request.get(urljoin(page.url, href))
    assert answer.status == 200, answer.status
    assert answer.headers.get("content-type", "").startswith("image/png"), answer.headers
    disposition = answer.headers.get("content-disposition", "")
    assert disposition.startswith("attachment") and 'filename="scan.png"' in disposition and "filename*=UTF-8''scan.png" in disposition, disposition

    # Opened: read in the mailbox, and for the sender.
    page.goto("/ebox")
    expect(document).not_to_have_class(re.compile(r"(^|\s)unread(\s|$)"))
    seen = sender_get(gateway, sender_token, f"/ebox/api/v1/messages/{message_id}")
    assert seen.status_code == 200, f"{seen.status_code}: {seen.text[:500]}"
    assert seen.json()["readAt"] and seen.json()["firstOpenedAt"], seen.json()

    # The receipt, verified with the eBox's key set, says when she opened it.
    answer = sender_get(gateway, sender_token, f"/ebox/api/v1/messages/{message_id}/receipt")
    assert answer.status_code == 200, f"receipt → {answer.status_code}: {answer.text[:500]}"
    receipt = answer.json()["receipt"]
    jwks = requests.get(f"{gateway.url}/ebox/.well-known/jwks.json", timeout=TIMEOUT)
    assert jwks.status_code == 200, jwks.status_code
    for key in jwks.json()["keys"]:
        assert (key["kty"], key["crv"], key["use"], key["alg"]) == ("EC", "P-256", "sig", "ES256"), key
        assert "d" not in key, "the JWKS must not publish the private key"
    verified = jws.deserialize_compact(receipt, KeySet.import_key_set(jwks.json()), algorithms=["ES256"])
    header, claims = verified.protected, json.loads(verified.payload)
    assert header.get("typ") == "ebox-receipt+jwt" and header.get("alg") == "ES256" and header.get("kid"), header
    assert claims["iss"] == f"{gateway.url}/ebox", claims
    assert (claims["message_id"], claims["sender"], claims["recipient"], claims["type"]) == (
        message_id, sender["code"], emma["nrn"], "registered_letter"), claims
    assert claims["digests"] == digests, claims
    assert uuid.UUID(claims["ebox_id"]) and claims.get("jti"), claims
    assert isinstance(claims["iat"], int) and isinstance(claims["delivered_at"], int), claims
    assert isinstance(claims.get("opened_at"), int), f"the receipt has no opened_at after Emma opened the letter: {claims}"
    assert claims["opened_at"] >= claims["delivered_at"], claims

    # The notice e-mail at her eBox address: a link to the eBox.
    notices = wait_for_mail(gateway, EMMA_EBOX["address"], lambda m: m["id"] not in mails_before,
                            "the notice of the new document")
    notice = notices[0]
    bodies = (notice.get("text") or "") + "\n" + (notice.get("html") or "")
    assert f"{gateway.url}/ebox" in bodies, f"the notice e-mail has no link to {gateway.url}/ebox:\n{bodies[:2000]}"

    # Her settings: the address, and the notices sent.
    page.goto("/ebox")
    page.locator("#settings-link").click()
    expect(page).to_have_url(re.compile(r"/ebox/settings"))
    assert EMMA_EBOX["address"] in page.content(), "the settings page does not show the eBox's address"
    expect(page.locator("#notices")).to_be_visible()
    expect(page.locator("#notices tr").filter(has=page.locator("td")).first).to_be_visible()
    screenshot(page, "ebox-settings")


# --- c. Sophie on a phone --------------------------------------------------------------------------------------------


def test_c_sophie_uses_her_mailbox_on_a_phone(new_page, gateway, people, screenshot):
    locale, accept = LOCALES["en"]
    page = new_page(base_url=gateway.url, locale=locale, extra_http_headers={"Accept-Language": accept}, **PHONE)
    open_ebox(page, people["Sophie"], "/ebox?lang=en")
    expect(page).to_have_url(MAILBOX_URL)
    documents = page.locator("#mailbox .document")
    expect(documents).to_have_count(3)  # the demo eBox: a pay slip, a career-interruption decision, a registered letter
    no_horizontal_scroll(page, "the mailbox")
    screenshot(page, "ebox-mailbox-phone")
    ids = [d.get_attribute("data-id") for d in documents.all()]

    # Filter by type.
    types = page.locator("#filter-type option").evaluate_all("options => options.map(o => o.value)")
    assert "payslip" in types, f"#filter-type offers {types}"
    expect(page.locator("#filter-sender")).to_have_attribute("name", "sender")
    page.locator("#filter-type").select_option("payslip")
    page.locator("#apply-filters").click()
    expect(page).to_have_url(re.compile(r"[?&]type=payslip"))
    expect(documents).to_have_count(1)
    payslip_subject = documents.first.locator(".subject").inner_text().strip()
    no_horizontal_scroll(page, "the filtered mailbox")

    # Search by text: the pay slip's subject finds it alone; nonsense finds nothing.
    page.goto("/ebox")
    page.locator("#search").fill(payslip_subject)
    page.locator("#apply-filters").click()
    expect(page).to_have_url(re.compile(r"[?&]q="))
    expect(documents).to_have_count(1)
    expect(documents.first.locator(".subject")).to_have_text(payslip_subject)
    page.goto("/ebox")
    page.locator("#search").fill("zzq-nothing-like-this-xq")
    page.locator("#apply-filters").click()
    expect(page).to_have_url(re.compile(r"[?&]q="))
    expect(documents).to_have_count(0)

    # Archive one: gone from the main view, in the archived view; unarchived, back.
    page.goto("/ebox")
    archived = ids[-1]
    page.locator(f'#mailbox .document[data-id="{archived}"] a.document-link').click()
    expect(page).to_have_url(re.compile(rf"/ebox/documents/{archived}(\?.*)?$"))
    layout_problems = [problem for problem in [sideways_scroll(page, "the document page")] if problem]  # checked at the end
    screenshot(page, "ebox-document-phone")
    page.locator("#archive").click()
    expect(page.locator("#unarchive, #mailbox, #no-documents").first).to_be_visible()
    page.goto("/ebox")
    expect(documents).to_have_count(2)
    expect(page.locator(f'#mailbox .document[data-id="{archived}"]')).to_have_count(0)
    page.locator("#archived-view").click()
    expect(page).to_have_url(re.compile(r"[?&]view=archived"))
    expect(page.locator(f'#mailbox .document[data-id="{archived}"]')).to_have_count(1)
    page.locator(f'#mailbox .document[data-id="{archived}"] a.document-link').click()
    expect(page).to_have_url(re.compile(rf"/ebox/documents/{archived}(\?.*)?$"))
    page.locator("#unarchive").click()
    expect(page.locator("#archive, #mailbox, #no-documents").first).to_be_visible()
    page.goto("/ebox")
    expect(documents).to_have_count(3)
    expect(page.locator(f'#mailbox .document[data-id="{archived}"]')).to_have_count(1)

    # Download everything: a ZIP with every file of every document.
    expected = {}
    for document_id in ids:
        page.goto(f"/ebox/documents/{document_id}")
        items = page.locator("#files li.file")
        expect(items.first).to_be_visible()
        for item in items.all():
            expected[shown_sha256(item)] = document_id
    page.goto("/ebox")
    with page.expect_download() as info:
        page.locator("#download-all").click()
    download = info.value
    assert download.failure() is None, download.failure()
    content = Path(download.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert archive.testzip() is None, "a damaged entry in the ZIP"
        entries = [name for name in archive.namelist() if not name.endswith("/")]
        held = {hashlib.sha256(archive.read(name)).hexdigest(): name for name in entries}
    missing = {digest: document for digest, document in expected.items() if digest not in held}
    assert not missing, f"the ZIP {download.suggested_filename} ({entries}) lacks the files {missing}"
    answer = page.request.get(f"{gateway.url}/ebox/download-all")
    assert answer.status == 200 and answer.headers.get("content-type", "").startswith("application/zip"), (answer.status, answer.headers)

    assert not layout_problems, "\n".join(layout_problems)
