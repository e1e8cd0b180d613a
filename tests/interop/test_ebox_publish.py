"""The eBox publish API as an outside sender uses it: plain HTTP (requests), nothing but the contract.

A public service (the demo sender of `persopoint demo credentials --json`) gets an access token from the gateway
(client credentials, client_secret_basic, scope ebox:publish; the token endpoint from discovery), publishes a pay
slip with an attachment into Sophie's eBox, sends it again (idempotent), cannot reuse its message id for
something else, follows the message up, and fetches the signed receipt of registered mail, verified with joserfc
against /ebox/.well-known/jwks.json. Other clients see nothing: no token (401), a token without the scope (403
INSUFFICIENT_SCOPE), a client that is not a sender (403 UNKNOWN_SENDER). Every bad upload is refused with its
stable code and leaves nothing behind (the message id stays unknown). No answer is ever a 5xx or shows internal
text. The served OpenAPI description lists exactly the API's four paths.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import re
import struct
import uuid
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest
import requests
import yaml
from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import KeySet
from openapi_spec_validator import validate as validate_openapi

from .conftest import TIMEOUT, run_cli
from .servers import extra_servers  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = "/ebox/api/v1/messages"
JWKS_PATH = "/ebox/.well-known/jwks.json"
DESCRIPTION_PATH = "/ebox/api/openapi.yaml"
API_PATHS = {
    "/ebox/api/v1/messages",
    "/ebox/api/v1/messages/{messageId}",
    "/ebox/api/v1/messages/{messageId}/receipt",
    "/ebox/.well-known/jwks.json",
}
UPLOAD_TIMEOUT = 120  # seconds, for the uploads of tens of MiB
MiB = 1024 * 1024
VALIDITY_DAYS = {"payslip": 365, "career_interruption_decision": 1095, "registered_letter": 90, "salary_certificate": 365}
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
DIGEST = re.compile(r"^[A-Za-z0-9_-]{43}$")
# What an answer must never show an outsider: traces of the implementation.
INTERNAL_TEXT = ("Error(", "Fluent", "SQLite", "sqlite", "Traceback", "stack trace", ".swift:", "Fatal error", "PostgreSQL")
STABLE_CODES = {
    "UNAUTHORIZED", "INSUFFICIENT_SCOPE", "UNKNOWN_SENDER", "INVALID_REQUEST", "MALFORMED_MULTIPART",
    "INVALID_METADATA", "MISSING_PART", "INVALID_RECIPIENT", "NO_DIGITAL_USER", "MESSAGE_TYPE_NOT_ALLOWED",
    "DIGEST_MISMATCH", "TOO_MANY_ATTACHMENTS", "MEDIA_TYPE_NOT_ALLOWED", "PART_TOO_LARGE", "MESSAGE_TOO_LARGE",
    "MESSAGE_ID_REUSED", "NOT_FOUND", "NOT_REGISTERED_MAIL", "TEMPORARILY_UNAVAILABLE",
}


# --- files a sender sends -------------------------------------------------------------------------------------


def digest(data: bytes) -> str:
    """SHA-256, base64url without padding: how the contract writes a file's digest."""
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def make_pdf(text: str, padding: int = 0) -> bytes:
    """A small but well-formed one-page PDF showing text (ASCII); padding adds a comment of that many bytes."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("ascii")
    content = b"BT /F1 14 Tf 72 770 Td (" + escaped + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    if padding:
        out += b"%" + b"x" * padding + b"\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_png(rgb=(0, 102, 204)) -> bytes:
    """A 1×1 PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + bytes(rgb))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@dataclass
class Part:
    name: str
    filename: str
    media_type: str
    content: bytes


def new_message_id(label: str) -> str:
    """Unique per run, and uses the unusual characters the contract allows (. _ : -)."""
    return f"interop.{label}:{uuid.uuid4().hex[:16]}_x-1"


def new_message(recipient: str, label: str, *, type: str = "payslip", registered: bool = False, main: Part = None,
                attachments=(), message_id: str = None, language: str = "fr", subject: str = None):
    """(metadata, parts) of a message whose digests match its parts; callers spoil them on purpose."""
    message_id = message_id or new_message_id(label)
    main = main or Part("main", "fiche-de-paie.pdf", "application/pdf", make_pdf(f"Fiche de paie {message_id}"))
    parts = [main, *attachments]
    metadata = {
        "recipient": recipient,
        "messageId": message_id,
        "type": type,
        "language": language,
        "subject": subject or "Fiche de paie — octobre 2026",
        "summary": "Votre fiche de paie du mois d'octobre.",
        "registered": registered,
        "digests": {part.name: digest(part.content) for part in parts},
    }
    return metadata, parts


def multipart_body(fields, boundary: str) -> bytes:
    """A multipart/form-data body written by hand: fields are (name, filename or None, media type, bytes)."""
    out = bytearray()
    for name, filename, media_type, content in fields:
        out += f"--{boundary}\r\n".encode()
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        out += f"Content-Disposition: {disposition}\r\nContent-Type: {media_type}\r\n\r\n".encode()
        out += content + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out)


def metadata_bytes(metadata: dict) -> bytes:
    return json.dumps(metadata, ensure_ascii=False).encode("utf-8")


# --- national register numbers --------------------------------------------------------------------------------


def valid_nrn(year: int, month: int, day: int, serial: int) -> str:
    base = (year % 100) * 10_000_000 + month * 100_000 + day * 1000 + serial
    check = 97 - ((2_000_000_000 if year >= 2000 else 0) + base) % 97
    return f"{base:09d}{check:02d}"


def with_wrong_check(nrn: str) -> str:
    """The same number with check digits that fit neither the before-2000 nor the from-2000 rule."""
    base = int(nrn[:9])
    good = {97 - base % 97, 97 - (2_000_000_000 + base) % 97}
    wrong = next(c for c in range(1, 98) if c not in good)
    return f"{nrn[:9]}{wrong:02d}"


# --- answers --------------------------------------------------------------------------------------------------


def describe(response: requests.Response) -> str:
    return f"{response.request.method} {response.request.url} → {response.status_code}: {response.text[:600]}"


def checked(response: requests.Response) -> requests.Response:
    """What holds for every answer: no server error, no internal detail."""
    assert response.status_code < 500, f"a server error: {describe(response)}"
    text = response.content.decode("utf-8", errors="replace")
    for marker in INTERNAL_TEXT:
        assert marker not in text, f"the answer shows internal text {marker!r}: {describe(response)}"
    return response


def expect_error(response: requests.Response, status: int, code: str) -> dict:
    """A refusal of the contract: the status, a JSON body {"code", "message"} with the stable code."""
    assert response.status_code == status, f"expected {status} {code}, got {describe(response)}"
    content_type = response.headers.get("Content-Type", "")
    assert content_type.startswith("application/json"), f"an error must be JSON, not {content_type!r}: {describe(response)}"
    body = response.json()
    assert isinstance(body, dict), body
    assert body.get("code") == code, f"expected code {code}: {describe(response)}"
    assert body["code"] in STABLE_CODES
    assert isinstance(body.get("message"), str) and body["message"].strip(), f"an error needs a message for people: {body}"
    return body


def expect_unknown(api: "SenderAPI", message_id: str):
    """Nothing was stored under message_id: the sender's follow-up does not find it."""
    expect_error(api.status(message_id), 404, "NOT_FOUND")


def parse_timestamp(text: str) -> datetime.datetime:
    assert isinstance(text, str) and TIMESTAMP.match(text), f"not an ISO 8601 UTC timestamp to the second: {text!r}"
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)


def check_status(status: dict, metadata: dict, parts) -> dict:
    """A MessageStatus describing exactly the message that was sent."""
    for key in ("id", "messageId", "recipient", "type", "registered", "deliveredAt", "expiresAt", "readAt",
                "firstOpenedAt", "notice", "files"):
        assert key in status, f"MessageStatus without {key}: {status}"
    uuid.UUID(status["id"])
    assert status["messageId"] == metadata["messageId"]
    assert status["recipient"] == metadata["recipient"]
    assert status["type"] == metadata["type"]
    assert status["registered"] is metadata.get("registered", False)
    delivered = parse_timestamp(status["deliveredAt"])
    now = datetime.datetime.now(datetime.timezone.utc)
    assert abs((now - delivered).total_seconds()) < 600, f"deliveredAt {status['deliveredAt']} is not now ({now})"
    expires = parse_timestamp(status["expiresAt"])
    days = VALIDITY_DAYS[metadata["type"]]
    assert expires - delivered == datetime.timedelta(days=days), (
        f"a {metadata['type']} is kept {days} days: deliveredAt {status['deliveredAt']}, expiresAt {status['expiresAt']}"
    )
    assert status["readAt"] is None and status["firstOpenedAt"] is None, f"nobody opened it yet: {status}"
    notice = status["notice"]
    assert isinstance(notice, dict) and notice.get("status") in ("pending", "sent", "failed", "digest"), notice
    assert "sentAt" in notice, notice
    if notice["sentAt"] is not None:
        parse_timestamp(notice["sentAt"])
    if notice["status"] == "sent":
        assert notice["sentAt"] is not None, f"a sent notice has its sentAt: {notice}"
    if notice["status"] == "pending":
        assert notice["sentAt"] is None, f"a pending notice was not sent: {notice}"
    files = status["files"]
    assert isinstance(files, list)
    by_part = {f["part"]: f for f in files}
    assert len(by_part) == len(files), f"a part listed twice: {files}"
    assert set(by_part) == {p.name for p in parts}, f"files {sorted(by_part)}, sent {[p.name for p in parts]}"
    for part in parts:
        stored = by_part[part.name]
        assert stored["fileName"] == part.filename, stored
        assert stored["mediaType"] == part.media_type, stored
        assert stored["size"] == len(part.content), stored
        assert stored["sha256"] == digest(part.content) == metadata["digests"][part.name], stored
    return status


# --- the sender's client --------------------------------------------------------------------------------------

OWN = object()  # "the sender's own token"


class SenderAPI:
    """The publish API at base_url as a sender calls it: with its bearer token (or another one, or none)."""

    def __init__(self, base_url: str, token: "str | None"):
        self.base_url = base_url.rstrip("/")
        self.token = token

    def _headers(self, token) -> dict:
        token = self.token if token is OWN else token
        return {"Authorization": f"Bearer {token}"} if token else {}

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def message_path(self, message_id: str) -> str:
        return f"{MESSAGES}/{quote(message_id, safe=':')}"

    def publish(self, metadata, parts, *, token=OWN, metadata_first: bool = True, timeout: float = TIMEOUT):
        fields = [(p.name, (p.filename, p.content, p.media_type)) for p in parts]
        if metadata is not None:
            entry = ("metadata", (None, metadata if isinstance(metadata, bytes) else metadata_bytes(metadata), "application/json"))
            fields = [entry, *fields] if metadata_first else [*fields, entry]
        response = requests.post(self.url(MESSAGES), files=fields, headers=self._headers(token), timeout=timeout,
                                 allow_redirects=False)
        return checked(response)

    def publish_raw(self, body: bytes, content_type: str, *, token=OWN, timeout: float = TIMEOUT):
        headers = {**self._headers(token), "Content-Type": content_type}
        response = requests.post(self.url(MESSAGES), data=body, headers=headers, timeout=timeout, allow_redirects=False)
        return checked(response)

    def status(self, message_id: str, *, token=OWN):
        response = requests.get(self.url(self.message_path(message_id)), headers=self._headers(token), timeout=TIMEOUT,
                                allow_redirects=False)
        return checked(response)

    def receipt(self, message_id: str, *, token=OWN):
        response = requests.get(self.url(self.message_path(message_id) + "/receipt"), headers=self._headers(token),
                                timeout=TIMEOUT, allow_redirects=False)
        return checked(response)


def client_credentials_token(token_endpoint: str, client_id: str, client_secret: str, scope: "str | None") -> dict:
    """The client credentials grant with client_secret_basic (id and secret form-encoded, RFC 6749 §2.3.1)."""
    data = {"grant_type": "client_credentials"}
    if scope:
        data["scope"] = scope
    response = requests.post(
        token_endpoint, data=data, auth=(quote(client_id, safe=""), quote(client_secret, safe="")), timeout=TIMEOUT
    )
    assert response.status_code == 200, f"token request for {client_id}: {describe(response)}"
    token = response.json()
    assert token.get("token_type") == "Bearer" and token.get("access_token"), token
    if scope:
        assert scope in str(token.get("scope", scope)).split(), f"asked for {scope}, got {token.get('scope')!r}"
    return token


def sender_token(discovery: dict, sender: dict) -> str:
    for key in ("clientID", "clientSecret", "code", "scope", "types"):
        assert key in sender, f"demo sender without {key}: {sender}"
    return client_credentials_token(discovery["token_endpoint"], sender["clientID"], sender["clientSecret"],
                                    "ebox:publish")["access_token"]


def demo_credentials_of(persopoint_bin: str, data_dir: str) -> dict:
    listed = run_cli(persopoint_bin, "demo", "credentials", "--data-dir", data_dir, "--json")
    assert isinstance(listed, dict), f"`persopoint demo credentials --json` should print an object: {listed!r}"
    assert isinstance(listed.get("people"), list) and isinstance(listed.get("senders"), list) and listed["senders"], listed
    return listed


def person_named(credentials: dict, given_name: str) -> dict:
    for person in credentials["people"]:
        if person["givenName"] == given_name:
            return person
    pytest.fail(f"no demo person called {given_name}")


def register_machine_client(persopoint_bin: str, data_dir: str, name: str, scopes: str) -> dict:
    """`persopoint client add` of a confidential client that may only use the client credentials grant."""
    client_id = f"interop-{name}-{uuid.uuid4().hex[:10]}"
    output = run_cli(
        persopoint_bin, "client", "add", "--data-dir", data_dir, "--id", client_id, "--grant-types", "client_credentials",
        "--scopes", scopes, "--confidential", "--auth-method", "client_secret_basic", "--json",
    )
    assert isinstance(output, dict) and output.get("client_id") == client_id and output.get("client_secret"), output
    return output


# --- fixtures -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_credentials(persopoint_bin, data_dir) -> dict:
    return demo_credentials_of(persopoint_bin, data_dir)


@pytest.fixture(scope="module")
def demo_sender(demo_credentials) -> dict:
    return demo_credentials["senders"][0]


@pytest.fixture(scope="module")
def sophie(demo_credentials) -> str:
    return person_named(demo_credentials, "Sophie")["nrn"]


@pytest.fixture(scope="module")
def pieter(demo_credentials) -> str:
    return person_named(demo_credentials, "Pieter")["nrn"]


@pytest.fixture(scope="module")
def api(base_url, discovery, demo_sender) -> SenderAPI:
    """The demo sender, with a token fetched when the module starts (tokens live 10 minutes)."""
    return SenderAPI(base_url, sender_token(discovery, demo_sender))


@pytest.fixture(scope="module")
def published(api, sophie) -> tuple:
    """A pay slip with a PNG attachment published to Sophie: (metadata, parts, first answer)."""
    annex = Part("annex-1", "logo.png", "image/png", make_png())
    metadata, parts = new_message(sophie, "payslip", attachments=[annex])
    response = api.publish(metadata, parts)
    return metadata, parts, response


# --- publishing -------------------------------------------------------------------------------------------------


def test_a_sender_publishes_a_payslip_with_an_attachment_into_sophies_ebox(api, published):
    metadata, parts, response = published
    assert response.status_code == 201, f"expected 201 Created: {describe(response)}"
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
    location = response.headers.get("Location")
    assert location, "201 needs a Location"
    assert urlsplit(urljoin(api.base_url + "/", location)).path == api.message_path(metadata["messageId"]), location
    check_status(response.json(), metadata, parts)


def test_the_sender_follows_its_message_up(api, published):
    metadata, parts, response = published
    assert response.status_code == 201, describe(response)
    first = response.json()
    followed = api.status(metadata["messageId"])
    assert followed.status_code == 200, describe(followed)
    assert followed.headers.get("Content-Type", "").startswith("application/json"), followed.headers
    status = check_status(followed.json(), metadata, parts)
    for key in ("id", "messageId", "recipient", "type", "registered", "deliveredAt", "expiresAt", "files"):
        assert status[key] == first[key], f"{key} changed between the publish answer and the follow-up"
    # The follow-up works at the address the 201 gave too.
    again = checked(requests.get(urljoin(api.base_url + "/", response.headers["Location"]),
                                 headers={"Authorization": f"Bearer {api.token}"}, timeout=TIMEOUT))
    assert again.status_code == 200 and again.json()["id"] == first["id"], describe(again)


def test_publishing_the_same_message_again_makes_no_second_document(api, published):
    metadata, parts, response = published
    assert response.status_code == 201, describe(response)
    first = response.json()
    for _ in range(2):
        repeated = api.publish(metadata, parts)
        assert repeated.status_code == 200, f"the same message again should be 200 OK: {describe(repeated)}"
        status = check_status(repeated.json(), metadata, parts)
        assert status["id"] == first["id"], "sent again, it must stay one document"
        assert status["deliveredAt"] == first["deliveredAt"] and status["expiresAt"] == first["expiresAt"]
    assert api.status(metadata["messageId"]).json()["id"] == first["id"]


def test_a_message_id_cannot_be_reused_for_another_message(api, published, pieter):
    metadata, parts, response = published
    assert response.status_code == 201, describe(response)
    first = response.json()
    # Other content under the same id.
    other_main = Part("main", "fiche-de-paie.pdf", "application/pdf", make_pdf("Une autre fiche de paie"))
    other_metadata, other_parts = new_message(metadata["recipient"], "x", message_id=metadata["messageId"],
                                              main=other_main, attachments=parts[1:])
    expect_error(api.publish(other_metadata, other_parts), 409, "MESSAGE_ID_REUSED")
    # The same files for someone else.
    same_files, _ = new_message(pieter, "x", message_id=metadata["messageId"], main=parts[0], attachments=parts[1:])
    expect_error(api.publish(same_files, parts), 409, "MESSAGE_ID_REUSED")
    # One attachment fewer.
    fewer, _ = new_message(metadata["recipient"], "x", message_id=metadata["messageId"], main=parts[0])
    expect_error(api.publish(fewer, parts[:1]), 409, "MESSAGE_ID_REUSED")
    # The original is untouched.
    status = api.status(metadata["messageId"])
    assert status.status_code == 200, describe(status)
    assert check_status(status.json(), metadata, parts)["id"] == first["id"]


def test_a_text_main_document_is_accepted(api, sophie):
    main = Part("main", "attestation.txt", "text/plain", "Attestation de salaire 2026\n".encode())
    csv = Part("detail", "detail.csv", "text/csv", b"mois;brut\n10;3500\n")
    metadata, parts = new_message(sophie, "certificate", type="salary_certificate", main=main, attachments=[csv],
                                  language="en", subject="Salary certificate 2026")
    response = api.publish(metadata, parts)
    assert response.status_code == 201, describe(response)
    check_status(response.json(), metadata, parts)


def test_an_unknown_message_is_not_found(api):
    expect_unknown(api, new_message_id("never-sent"))
    expect_error(api.receipt(new_message_id("never-sent")), 404, "NOT_FOUND")


# --- who may call -------------------------------------------------------------------------------------------------


def test_without_a_valid_token_nothing_is_answered_but_401(api, published, sophie):
    metadata, _, _ = published
    fresh, fresh_parts = new_message(sophie, "no-token")
    calls = {
        "publish": lambda token: api.publish(fresh, fresh_parts, token=token),
        "status": lambda token: api.status(metadata["messageId"], token=token),
        "receipt": lambda token: api.receipt(metadata["messageId"], token=token),
    }
    header, payload, signature = api.token.split(".")
    tampered = ".".join([header, payload, signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]])
    for what, call in calls.items():
        for token in (None, "not-a-token", tampered):
            response = call(token)
            expect_error(response, 401, "UNAUTHORIZED")
            challenge = response.headers.get("WWW-Authenticate", "")
            assert challenge.startswith("Bearer"), f"{what} with token {token!r}: WWW-Authenticate {challenge!r}"
    expect_unknown(api, fresh["messageId"])


def test_a_token_without_the_publish_scope_is_refused(api, published, sophie, persopoint_bin, data_dir, discovery):
    metadata, _, _ = published
    client = register_machine_client(persopoint_bin, data_dir, "no-ebox-scope", "openid profile")
    token = client_credentials_token(discovery["token_endpoint"], client["client_id"], client["client_secret"], None)
    access = token["access_token"]
    assert "ebox:publish" not in str(token.get("scope", "")).split()
    fresh, fresh_parts = new_message(sophie, "no-scope")
    expect_error(api.publish(fresh, fresh_parts, token=access), 403, "INSUFFICIENT_SCOPE")
    expect_error(api.status(metadata["messageId"], token=access), 403, "INSUFFICIENT_SCOPE")
    expect_error(api.receipt(metadata["messageId"], token=access), 403, "INSUFFICIENT_SCOPE")
    expect_unknown(api, fresh["messageId"])


def test_a_client_that_is_not_a_sender_sees_nothing(api, published, sophie, persopoint_bin, data_dir, discovery):
    metadata, _, response = published
    assert response.status_code == 201, describe(response)
    client = register_machine_client(persopoint_bin, data_dir, "not-a-sender", "ebox:publish")
    access = client_credentials_token(discovery["token_endpoint"], client["client_id"], client["client_secret"],
                                      "ebox:publish")["access_token"]
    body = expect_error(api.status(metadata["messageId"], token=access), 403, "UNKNOWN_SENDER")
    assert metadata["messageId"] not in json.dumps(body) and metadata["recipient"] not in json.dumps(body)
    expect_error(api.receipt(metadata["messageId"], token=access), 403, "UNKNOWN_SENDER")
    fresh, fresh_parts = new_message(sophie, "not-a-sender")
    expect_error(api.publish(fresh, fresh_parts, token=access), 403, "UNKNOWN_SENDER")
    expect_unknown(api, fresh["messageId"])


# --- bad uploads: refused with their code, nothing kept ---------------------------------------------------------


def _digest_mismatch(api, ctx, mid):
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid)
    metadata["digests"]["main"] = digest(b"not the file that is sent")
    return api.publish(metadata, parts)


def _seven_attachments(api, ctx, mid):
    annexes = [Part(f"annex-{i}", f"photo-{i}.png", "image/png", make_png((i, i, i))) for i in range(1, 8)]
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, attachments=annexes)
    return api.publish(metadata, parts)


def _disallowed_type(api, ctx, mid):
    program = Part("annex-1", "setup.exe", "application/x-msdownload", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 56)
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, attachments=[program])
    return api.publish(metadata, parts)


def _pdf_that_is_not_a_pdf(api, ctx, mid):
    fake = Part("annex-1", "contract.pdf", "application/pdf", b"MZ\x90\x00 this is a program, not a PDF")
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, attachments=[fake])
    return api.publish(metadata, parts)


def _main_pdf_that_is_not_a_pdf(api, ctx, mid):
    fake = Part("main", "payslip.pdf", "application/pdf", b"<html>not a PDF</html>")
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, main=fake)
    return api.publish(metadata, parts)


def _png_that_is_not_a_png(api, ctx, mid):
    fake = Part("annex-1", "photo.png", "image/png", b"GIF89a\x01\x00\x01\x00")
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, attachments=[fake])
    return api.publish(metadata, parts)


def _part_too_large(api, ctx, mid):
    big = Part("main", "big.pdf", "application/pdf", make_pdf("big", padding=16 * MiB))
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, main=big)
    return api.publish(metadata, parts, timeout=UPLOAD_TIMEOUT)


def _message_too_large(api, ctx, mid):
    annexes = [Part(f"annex-{i}", f"data-{i}.txt", "text/plain", (b"%d" % i) * (13 * MiB)) for i in range(1, 5)]
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, attachments=annexes)
    return api.publish(metadata, parts, timeout=UPLOAD_TIMEOUT)


def _truncated_multipart(api, ctx, mid):
    main = Part("main", "fiche.pdf", "application/pdf", make_pdf("truncated", padding=64 * 1024))
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, main=main)
    boundary = "interop" + uuid.uuid4().hex
    body = multipart_body([("metadata", None, "application/json", metadata_bytes(metadata)),
                           ("main", main.filename, main.media_type, main.content)], boundary)
    cut = body.index(main.content) + len(main.content) // 2
    return api.publish_raw(body[:cut], f"multipart/form-data; boundary={boundary}")


def _garbage_multipart(api, ctx, mid):
    boundary = "interop" + uuid.uuid4().hex
    body = b"this is not what the boundary announces " + mid.encode() + b"\r\n"
    return api.publish_raw(body, f"multipart/form-data; boundary={boundary}")


def _not_multipart(api, ctx, mid):
    metadata, _ = new_message(ctx["sophie"], "bad", message_id=mid)
    return api.publish_raw(metadata_bytes(metadata), "application/json")


def _no_boundary(api, ctx, mid):
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid)
    body = multipart_body([("metadata", None, "application/json", metadata_bytes(metadata)),
                           ("main", parts[0].filename, parts[0].media_type, parts[0].content)], "b0undary")
    return api.publish_raw(body, "multipart/form-data")


def _metadata_missing(api, ctx, mid):
    _, parts = new_message(ctx["sophie"], "bad", message_id=mid)
    return api.publish(None, parts)


def _metadata_not_first(api, ctx, mid):
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid)
    return api.publish(metadata, parts, metadata_first=False)


def _metadata_not_json(api, ctx, mid):
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid)
    return api.publish(metadata_bytes(metadata)[:-1] + b",", parts)


def _subject_too_long(api, ctx, mid):
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, subject="x" * 201)
    return api.publish(metadata, parts)


def _unknown_language(api, ctx, mid):
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, language="it")
    return api.publish(metadata, parts)


def _bad_recipient_checksum(api, ctx, mid):
    metadata, parts = new_message(with_wrong_check(ctx["sophie"]), "bad", message_id=mid)
    return api.publish(metadata, parts)


def _valid_number_without_ebox(api, ctx, mid):
    nobody = valid_nrn(1968, 2, 14, 555)
    assert nobody not in ctx["known"], "the made-up number must be nobody's"
    metadata, parts = new_message(nobody, "bad", message_id=mid)
    return api.publish(metadata, parts)


def _type_not_allowed(api, ctx, mid):
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, type="tax_notice")
    return api.publish(metadata, parts)


def _part_without_digest(api, ctx, mid):
    annex = Part("annex-1", "logo.png", "image/png", make_png())
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid, attachments=[annex])
    del metadata["digests"]["annex-1"]
    return api.publish(metadata, parts)


def _digest_without_part(api, ctx, mid):
    metadata, parts = new_message(ctx["sophie"], "bad", message_id=mid)
    metadata["digests"]["annex-1"] = digest(make_png())
    return api.publish(metadata, parts)


def _no_main(api, ctx, mid):
    annex = Part("annex-1", "logo.png", "image/png", make_png())
    metadata, _ = new_message(ctx["sophie"], "bad", message_id=mid, attachments=[annex])
    del metadata["digests"]["main"]
    return api.publish(metadata, [annex])


BAD_UPLOADS = [
    pytest.param(_digest_mismatch, 422, "DIGEST_MISMATCH", id="digest-mismatch"),
    pytest.param(_seven_attachments, 422, "TOO_MANY_ATTACHMENTS", id="seven-attachments"),
    pytest.param(_disallowed_type, 415, "MEDIA_TYPE_NOT_ALLOWED", id="x-msdownload"),
    pytest.param(_pdf_that_is_not_a_pdf, 415, "MEDIA_TYPE_NOT_ALLOWED", id="pdf-attachment-not-a-pdf"),
    pytest.param(_main_pdf_that_is_not_a_pdf, 415, "MEDIA_TYPE_NOT_ALLOWED", id="main-pdf-not-a-pdf"),
    pytest.param(_png_that_is_not_a_png, 415, "MEDIA_TYPE_NOT_ALLOWED", id="png-not-a-png"),
    pytest.param(_part_too_large, 413, "PART_TOO_LARGE", id="part-16-MiB"),
    pytest.param(_message_too_large, 413, "MESSAGE_TOO_LARGE", id="message-52-MiB"),
    pytest.param(_truncated_multipart, 400, "MALFORMED_MULTIPART", id="truncated-multipart"),
    pytest.param(_garbage_multipart, 400, "MALFORMED_MULTIPART", id="garbage-multipart"),
    pytest.param(_not_multipart, 400, "INVALID_REQUEST", id="not-multipart"),
    pytest.param(_no_boundary, 400, "INVALID_REQUEST", id="no-boundary"),
    pytest.param(_metadata_missing, 400, "INVALID_METADATA", id="metadata-missing"),
    pytest.param(_metadata_not_first, 400, "INVALID_METADATA", id="metadata-not-first"),
    pytest.param(_metadata_not_json, 400, "INVALID_METADATA", id="metadata-not-json"),
    pytest.param(_subject_too_long, 400, "INVALID_METADATA", id="subject-201-chars"),
    pytest.param(_unknown_language, 400, "INVALID_METADATA", id="language-it"),
    pytest.param(_bad_recipient_checksum, 400, "INVALID_RECIPIENT", id="recipient-bad-checksum"),
    pytest.param(_valid_number_without_ebox, 422, "NO_DIGITAL_USER", id="made-up-valid-number"),
    pytest.param(_type_not_allowed, 403, "MESSAGE_TYPE_NOT_ALLOWED", id="tax-notice"),
    pytest.param(_part_without_digest, 400, "MISSING_PART", id="part-without-digest"),
    pytest.param(_digest_without_part, 400, "MISSING_PART", id="digest-without-part"),
    pytest.param(_no_main, 400, "MISSING_PART", id="no-main"),
]


@pytest.mark.parametrize("send, status, code", BAD_UPLOADS)
def test_a_bad_upload_is_refused_with_its_code_and_nothing_is_kept(api, demo_credentials, sophie, send, status, code):
    ctx = {"sophie": sophie, "known": {p["nrn"] for p in demo_credentials["people"]}}
    message_id = new_message_id("bad")
    try:
        response = send(api, ctx, message_id)
    except requests.ConnectionError as error:
        pytest.fail(f"the server dropped the connection instead of answering {status} {code}: {error}")
    expect_error(response, status, code)
    expect_unknown(api, message_id)


def test_after_a_refused_upload_the_sender_can_send_the_message_under_the_same_id(api, sophie):
    metadata, parts = new_message(sophie, "retry")
    spoiled = json.loads(json.dumps(metadata))
    spoiled["digests"]["main"] = digest(b"a wrong digest")
    expect_error(api.publish(spoiled, parts), 422, "DIGEST_MISMATCH")
    response = api.publish(metadata, parts)
    assert response.status_code == 201, f"nothing was kept, so this is the first delivery: {describe(response)}"
    check_status(response.json(), metadata, parts)


def test_a_person_without_an_ebox_gets_nothing(extra_servers):
    """Emma Peeters has no eBox on a freshly seeded server (the shared one may have activated hers by now)."""
    server = extra_servers("ebox-emma")
    credentials = server.cli("demo", "credentials")
    discovery = requests.get(f"{server.url}/fas/oauth2/.well-known/openid-configuration", timeout=TIMEOUT).json()
    api = SenderAPI(server.url, sender_token(discovery, credentials["senders"][0]))
    emma = person_named(credentials, "Emma")
    assert emma["surname"] == "Peeters", emma
    metadata, parts = new_message(emma["nrn"], "emma")
    expect_error(api.publish(metadata, parts), 422, "NO_DIGITAL_USER")
    expect_unknown(api, metadata["messageId"])
    # Sophie, on the same server, has one.
    metadata, parts = new_message(person_named(credentials, "Sophie")["nrn"], "sophie")
    assert api.publish(metadata, parts).status_code == 201


# --- registered mail --------------------------------------------------------------------------------------------


def test_registered_mail_has_a_receipt_signed_by_the_ebox(api, sophie, base_url, demo_sender):
    letter = Part("main", "lettre-recommandee.pdf", "application/pdf", make_pdf("Lettre recommandee"))
    annex = Part("annex-1", "scan.png", "image/png", make_png((200, 0, 0)))
    metadata, parts = new_message(sophie, "registered", type="registered_letter", registered=True, main=letter,
                                  attachments=[annex], subject="Lettre recommandée")
    response = api.publish(metadata, parts)
    assert response.status_code == 201, describe(response)
    status = check_status(response.json(), metadata, parts)
    assert status["registered"] is True

    answer = api.receipt(metadata["messageId"])
    assert answer.status_code == 200, describe(answer)
    assert answer.headers.get("Content-Type", "").startswith("application/json"), answer.headers
    receipt = answer.json().get("receipt")
    assert isinstance(receipt, str) and receipt.count(".") == 2, f"a compact JWS: {answer.text[:300]}"

    keys = checked(requests.get(f"{base_url}{JWKS_PATH}", timeout=TIMEOUT))  # public: no token
    assert keys.status_code == 200, describe(keys)
    assert keys.headers.get("Content-Type", "").startswith("application/json"), keys.headers
    key_set = keys.json()
    for key in key_set["keys"]:
        assert key.get("kty") == "EC" and key.get("crv") == "P-256" and key.get("alg") == "ES256", key
        assert key.get("use") == "sig" and key.get("kid") and key.get("x") and key.get("y"), key
        assert "d" not in key, "the key set must not hold the private key"
    verified = jws.deserialize_compact(receipt, KeySet.import_key_set(key_set), algorithms=["ES256"])
    header = verified.protected
    assert header.get("alg") == "ES256", header
    assert header.get("typ") == "ebox-receipt+jwt", header
    assert header.get("kid") in {k["kid"] for k in key_set["keys"]}, header
    claims = json.loads(verified.payload)
    assert claims["iss"] == f"{base_url}/ebox", claims
    assert type(claims["iat"]) is int and claims.get("jti"), claims
    assert claims["message_id"] == metadata["messageId"], claims
    assert claims["ebox_id"] == status["id"], claims
    assert claims["sender"] == demo_sender["code"], claims
    assert claims["recipient"] == sophie and claims["type"] == "registered_letter", claims
    assert claims["digests"] == metadata["digests"], f"the receipt must certify the digests sent: {claims}"
    assert type(claims["delivered_at"]) is int, claims
    assert claims["delivered_at"] == int(parse_timestamp(status["deliveredAt"]).timestamp()), (claims, status)
    assert "opened_at" not in claims, f"nobody opened it yet: {claims}"

    # A receipt whose claims were changed no longer verifies.
    head, payload, signature = receipt.split(".")
    forged_claims = {**claims, "recipient": with_wrong_check(sophie)}
    forged_payload = base64.urlsafe_b64encode(json.dumps(forged_claims).encode()).rstrip(b"=").decode()
    with pytest.raises(BadSignatureError):
        jws.deserialize_compact(f"{head}.{forged_payload}.{signature}", KeySet.import_key_set(key_set), algorithms=["ES256"])

    # The same registered letter sent again: still one document, and the same facts in a new receipt.
    again = api.publish(metadata, parts)
    assert again.status_code == 200 and again.json()["id"] == status["id"], describe(again)
    second = api.receipt(metadata["messageId"])
    assert second.status_code == 200, describe(second)
    second_claims = json.loads(jws.deserialize_compact(second.json()["receipt"], KeySet.import_key_set(key_set),
                                                       algorithms=["ES256"]).payload)
    assert second_claims["delivered_at"] == claims["delivered_at"] and second_claims["digests"] == claims["digests"]


def test_ordinary_mail_has_no_receipt(api, published):
    metadata, _, response = published
    assert response.status_code == 201, describe(response)
    assert metadata["registered"] is False
    expect_error(api.receipt(metadata["messageId"]), 404, "NOT_REGISTERED_MAIL")


# --- the description ---------------------------------------------------------------------------------------------


def served_description(base_url: str) -> dict:
    response = checked(requests.get(f"{base_url}{DESCRIPTION_PATH}", timeout=TIMEOUT))  # public: no token
    assert response.status_code == 200, describe(response)
    content_type = response.headers.get("Content-Type", "")
    assert content_type.startswith("application/yaml"), f"the description should be application/yaml, not {content_type!r}"
    document = yaml.safe_load(response.text)
    assert isinstance(document, dict), document
    return document


def source_description() -> "dict | None":
    """The YAML in PublishAPIDescription.swift, indentation stripped as Swift does; None outside a checkout."""
    path = ROOT / "Sources" / "EBox" / "PublishAPI" / "PublishAPIDescription.swift"
    if not path.exists():
        return None
    match = re.search(r'#"""\n(.*?)\n([ \t]*)"""#', path.read_text(encoding="utf-8"), re.S)
    assert match, f"no raw multi-line string in {path}"
    indent = match.group(2)
    lines = [line[len(indent):] if line.strip() else "" for line in match.group(1).split("\n")]
    return yaml.safe_load("\n".join(lines))


def test_the_served_description_is_openapi_3_1_of_exactly_this_api(base_url):
    document = served_description(base_url)
    assert str(document.get("openapi", "")).startswith("3.1."), document.get("openapi")
    validate_openapi(document)
    assert set(document["paths"]) == API_PATHS, sorted(document["paths"])
    assert [s["url"] for s in document.get("servers", [])] == ["/"], document.get("servers")
    operations = {(path, method) for path, item in document["paths"].items() for method in item
                  if method in ("get", "put", "post", "delete", "patch", "head", "options", "trace")}
    assert operations == {
        ("/ebox/api/v1/messages", "post"),
        ("/ebox/api/v1/messages/{messageId}", "get"),
        ("/ebox/api/v1/messages/{messageId}/receipt", "get"),
        ("/ebox/.well-known/jwks.json", "get"),
    }, sorted(operations)
    scheme = document["components"]["securitySchemes"]["bearerAuth"]
    assert scheme["type"] == "http" and scheme["scheme"].lower() == "bearer", scheme
    for path, method in operations:
        security = document["paths"][path][method].get("security", document.get("security"))
        if path == JWKS_PATH:
            assert not security, f"{path} is public"
        else:
            assert security == [{"bearerAuth": []}], f"{method.upper()} {path}: {security}"
    codes = set(document["components"]["schemas"]["Error"]["properties"]["code"]["enum"])
    assert codes == STABLE_CODES, f"missing {STABLE_CODES - codes}, extra {codes - STABLE_CODES}"
    source = source_description()
    if source is not None:
        assert document == source, "the server serves another description than PublishAPIDescription.swift"
