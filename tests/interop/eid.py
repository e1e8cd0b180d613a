"""Logging in with the eID card reader at an extra server (not a test file).

DevPKI         the development PKI a `persopoint serve --dev` made under <data>/pki (root CA, Citizen CA and its key,
               OCSP signer, the listener's certificate, the demo people's cards).
Card           a card's certificate + key files (PEM), and its PKCS#12 when `persopoint pki card` made it.
CardFactory    cards made here with `cryptography`, each with exactly one defect (or none): expired, not yet valid,
               the wrong key usage, from a CA nobody trusts, self-signed, a serialNumber that is not a national
               register number, an OCSP responder that is down. They are signed with the dev Citizen CA's key and
               their AIA points at OcspResponder (below), which says "good", so that a refusal can only be the
               defect's.
OcspResponder  an RFC 6960 responder on 127.0.0.1 answering "good" for every serial, signed by the dev OCSP signer
               (the nonce echoed): the independent responder a real Citizen CA would run.
EidLogin       one person logging in with the eID key in a browser of their own (a requests.Session): a relying party
               asks Level500, the key chooser's #key-eid, the "insert your card" page, then the card presented to the
               eID listener over TLS (or forwarded by a proxy in a header), back to the main origin.
Curl           the same steps with curl and one cookie jar.

Every HTTP answer these helpers get is checked to be below 500.
"""

from __future__ import annotations

import base64
import datetime
import http.server
import re
import subprocess
import threading
import urllib.parse
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509 import ocsp
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

from .code_login import RelyingParty
from .conftest import (
    TIMEOUT,
    Browser,
    acr,
    authorization_request,
    callback_code,
    check_token_response,
    exchange_code,
    follow_response,
    key_chooser_keys,
    key_is_enabled,
    parse_html,
    query_of,
    same_origin,
    verify_id_token,
)
from .servers import ExtraServer, free_port

LEVEL500 = acr(500)
EID_AMR = ["eid", "hwk", "pin"]
REASONS = {
    "no-certificate", "expired", "not-yet-valid", "revoked", "unknown-issuer", "self-signed", "wrong-key-usage",
    "revocation-unavailable", "unknown-person", "invalid-number", "handoff-invalid",
}
PROXY_HEADER = "X-SSL-Client-Cert"
RETURN_PATH = "/fas/eid/return"  # where the eID origin hands back to (with tx, attempt and result)
PEM_BLOCK = re.compile(rb"-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----\s*", re.DOTALL)


# --- national register numbers --------------------------------------------------------------------------------


def nrn(year: int, month: int, day: int, serial: int) -> str:
    """A valid national register number: YYMMDD + 3-digit serial + 97 − (nine digits mod 97), with a "2" in front
    of the nine digits for people born from 2000 on."""
    base = (year % 100) * 10_000_000 + month * 100_000 + day * 1000 + serial
    check = 97 - ((2_000_000_000 if year >= 2000 else 0) + base) % 97
    return f"{base:09d}{check:02d}"


def digits(text) -> str:
    return re.sub(r"\D", "", str(text))


# --- the development PKI --------------------------------------------------------------------------------------


@dataclass
class Card:
    nrn: str
    certificate: Path  # PEM: the card's certificate (perhaps followed by its chain)
    key: Path  # PEM, PKCS#8
    pkcs12: "Path | None" = None
    label: str = ""

    def leaf_pem(self) -> bytes:
        """The card's own certificate, PEM (what nginx puts in $ssl_client_escaped_cert)."""
        blocks = PEM_BLOCK.findall(self.certificate.read_bytes())
        assert blocks, f"no PEM certificate in {self.certificate}"
        return blocks[0].strip() + b"\n"

    def leaf(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.leaf_pem())


@dataclass
class DevPKI:
    directory: Path

    FILES = ("root-ca.pem", "citizen-ca.pem", "citizen-ca.key", "server.pem", "server.key", "ocsp.pem", "ocsp.key")

    @classmethod
    def of(cls, server: ExtraServer) -> "DevPKI":
        pki = cls(server.pki_dir)
        missing = [name for name in cls.FILES if not (pki.directory / name).is_file()]
        assert not missing, (
            f"`persopoint serve --dev` should have made the development PKI under {pki.directory}; missing {missing} "
            f"(present: {sorted(p.name for p in pki.directory.iterdir()) if pki.directory.is_dir() else 'no pki folder'})"
        )
        return pki

    @property
    def root(self) -> Path:
        return self.directory / "root-ca.pem"

    @property
    def citizen_ca(self) -> Path:
        return self.directory / "citizen-ca.pem"

    def citizen_ca_certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.citizen_ca.read_bytes())

    def citizen_ca_key(self):
        return serialization.load_pem_private_key((self.directory / "citizen-ca.key").read_bytes(), None)

    def root_certificate(self) -> x509.Certificate:
        return x509.load_pem_x509_certificate(self.root.read_bytes())

    def ocsp_signer(self):
        """(certificate, private key) of the OCSP signer."""
        return (
            x509.load_pem_x509_certificate((self.directory / "ocsp.pem").read_bytes()),
            serialization.load_pem_private_key((self.directory / "ocsp.key").read_bytes(), None),
        )

    def card(self, number: str) -> Card:
        """The card `persopoint pki card` (or --dev on first start) wrote for this number."""
        folder = self.directory / "cards"
        card = Card(number, folder / f"{number}.pem", folder / f"{number}.key", folder / f"{number}.p12", f"card of {number}")
        for path in (card.certificate, card.key, card.pkcs12):
            assert path.is_file(), (
                f"no {path.name} in {folder} (there: {sorted(p.name for p in folder.iterdir()) if folder.is_dir() else 'no cards folder'})"
            )
        return card


def issued_card(server: ExtraServer, number: str) -> Card:
    """`persopoint pki card NUMBER --json`: a new card from the registration office; checks the printed fields."""
    printed = server.cli("pki", "card", number, "--public-url", server.url)  # the AIA names the server's responder
    assert isinstance(printed, dict), f"`pki card --json` should print an object: {printed!r}"
    missing = {"nrn", "serial", "certificate", "key", "pkcs12", "password", "givenName", "surname"} - set(printed)
    assert not missing, f"`pki card --json` lacks {sorted(missing)}: {printed}"
    assert digits(printed["nrn"]) == number, printed
    for name in ("certificate", "key", "pkcs12"):
        assert Path(printed[name]).is_absolute() and Path(printed[name]).is_file(), f"{name}: {printed[name]!r}"
    return Card(number, Path(printed["certificate"]), Path(printed["key"]), Path(printed["pkcs12"]), f"new card of {number}")


# --- cards made here ------------------------------------------------------------------------------------------


def _name(given: str, surname: str, number: str) -> x509.Name:
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
        x509.NameAttribute(NameOID.COMMON_NAME, f"{given} {surname} (Authentication)"),
        x509.NameAttribute(NameOID.SURNAME, surname),
        x509.NameAttribute(NameOID.GIVEN_NAME, given),
        x509.NameAttribute(NameOID.SERIAL_NUMBER, number),
    ])


def key_usage(*, digital_signature=False, key_encipherment=False) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature, False, key_encipherment, False, False, False, False, False, False)


class CardFactory:
    """Cards shaped like Belgian eID authentication certificates, made with `cryptography`."""

    def __init__(self, pki: DevPKI, directory: Path, ocsp_url: str):
        self.pki = pki
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self.ocsp_url = ocsp_url
        self._foreign = None

    def foreign_ca(self):
        """(certificate, key) of a Citizen CA look-alike that no PersoPoint trusts."""
        if self._foreign is None:
            key = ec.generate_private_key(ec.SECP256R1())
            name = x509.Name([
                x509.NameAttribute(NameOID.COUNTRY_NAME, "BE"),
                x509.NameAttribute(NameOID.COMMON_NAME, "Citizen CA (interop tests, trusted by nobody)"),
            ])
            now = datetime.datetime.now(datetime.timezone.utc)
            certificate = (
                x509.CertificateBuilder()
                .subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=365))
                .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
                .sign(key, hashes.SHA256())
            )
            self._foreign = (certificate, key)
        return self._foreign

    def make(
        self,
        label: str,
        *,
        number: str,
        given: str,
        surname: str,
        valid_from: "datetime.timedelta" = datetime.timedelta(days=-30),
        valid_until: "datetime.timedelta" = datetime.timedelta(days=365),
        usage: "x509.KeyUsage | None" = None,
        extended_usage=(ExtendedKeyUsageOID.CLIENT_AUTH,),
        issuer: str = "citizen",  # citizen | foreign | self
        ocsp_url: "str | None" = None,
    ) -> Card:
        """A card for number; every argument left alone gives a card the gateway must accept (valid now, key usage
        digitalSignature, EKU clientAuth, signed by the dev Citizen CA, AIA → self.ocsp_url)."""
        now = datetime.datetime.now(datetime.timezone.utc)
        key = ec.generate_private_key(ec.SECP256R1())
        subject = _name(given, surname, number)
        if issuer == "citizen":
            issuer_certificate, issuer_key = self.pki.citizen_ca_certificate(), self.pki.citizen_ca_key()
            issuer_name = issuer_certificate.subject
        elif issuer == "foreign":
            issuer_certificate, issuer_key = self.foreign_ca()
            issuer_name = issuer_certificate.subject
        elif issuer == "self":
            issuer_certificate, issuer_key, issuer_name = None, key, subject
        else:
            raise ValueError(issuer)
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(issuer_name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now + valid_from)
            .not_valid_after(now + valid_until)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage or key_usage(digital_signature=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .add_extension(
                x509.AuthorityInformationAccess([
                    x509.AccessDescription(AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp_url or self.ocsp_url))
                ]),
                critical=False,
            )
        )
        if extended_usage:
            builder = builder.add_extension(x509.ExtendedKeyUsage(list(extended_usage)), critical=False)
        signer_public = issuer_key.public_key()
        builder = builder.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signer_public), critical=False)
        certificate = builder.sign(issuer_key, hashes.SHA256())

        stem = f"{re.sub(r'[^a-z0-9]+', '-', label.lower()).strip('-')}-{uuid.uuid4().hex[:6]}"
        card = Card(number, self.directory / f"{stem}.pem", self.directory / f"{stem}.key", None, label)
        card.certificate.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        card.key.write_bytes(
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        )
        return card


# --- an OCSP responder of our own ---------------------------------------------------------------------------------


class OcspResponder:
    """Answers "good" for every certificate asked about (POST / and GET /<base64>), as the dev OCSP signer."""

    def __init__(self, pki: DevPKI):
        self.signer, self.signer_key = pki.ocsp_signer()
        self.asked: list = []  # serial numbers asked about
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/ocsp"
        responder = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.answer(self.rfile.read(length))

            def do_GET(self):
                encoded = urllib.parse.unquote(self.path.split("/ocsp/", 1)[-1])
                try:
                    self.answer(base64.b64decode(encoded))
                except ValueError:
                    self.send_error(400)

            def answer(self, der: bytes):
                try:
                    body = responder.respond(der)
                except Exception:  # a malformed request: RFC 6960 malformedRequest
                    body = ocsp.OCSPResponseBuilder.build_unsuccessful(ocsp.OCSPResponseStatus.MALFORMED_REQUEST).public_bytes(
                        serialization.Encoding.DER
                    )
                self.send_response(200)
                self.send_header("Content-Type", "application/ocsp-response")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def respond(self, der: bytes) -> bytes:
        request = ocsp.load_der_ocsp_request(der)
        self.asked.append(request.serial_number)
        now = datetime.datetime.now(datetime.timezone.utc)
        builder = (
            ocsp.OCSPResponseBuilder()
            .add_response_by_hash(
                issuer_name_hash=request.issuer_name_hash,
                issuer_key_hash=request.issuer_key_hash,
                serial_number=request.serial_number,
                algorithm=request.hash_algorithm,
                cert_status=ocsp.OCSPCertStatus.GOOD,
                this_update=now - datetime.timedelta(minutes=1),
                next_update=now + datetime.timedelta(hours=1),
                revocation_time=None,
                revocation_reason=None,
            )
            .responder_id(ocsp.OCSPResponderEncoding.HASH, self.signer)
            .certificates([self.signer])
        )
        for extension in request.extensions:
            if isinstance(extension.value, x509.OCSPNonce):
                builder = builder.add_extension(extension.value, critical=False)
        return builder.sign(self.signer_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)

    def start(self) -> "OcspResponder":
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def closed_port_url() -> str:
    """An OCSP URL where nothing listens: the responder is down."""
    return f"http://127.0.0.1:{free_port()}/pki/ocsp"


# --- OCSP with openssl and by hand --------------------------------------------------------------------------------


def openssl_ocsp(pki: DevPKI, card: Card, url: str) -> str:
    """`openssl ocsp -issuer citizen-ca.pem -cert CARD -url URL -CAfile root-ca.pem`: its whole output."""
    command = [
        "openssl", "ocsp", "-issuer", str(pki.citizen_ca), "-cert", str(card.certificate), "-url", url,
        "-CAfile", str(pki.root), "-timeout", "10",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"`{' '.join(command)}` exited with {done.returncode}:\n{output}"
    return output


def ocsp_status_line(output: str, card: Card) -> str:
    """good | revoked | unknown, from openssl ocsp's "FILE: STATUS" line."""
    match = re.search(rf"^{re.escape(str(card.certificate))}: (\w+)", output, re.MULTILINE)
    assert match, f"openssl ocsp printed no status for {card.certificate}:\n{output}"
    return match.group(1)


def ocsp_by_get(server: ExtraServer, pki: DevPKI, card: Card) -> ocsp.OCSPResponse:
    """RFC 6960 A.1 GET: /pki/ocsp/{url-encoded base64 of the DER request}; the response, its signature checked."""
    certificate = card.leaf()
    request = ocsp.OCSPRequestBuilder().add_certificate(certificate, pki.citizen_ca_certificate(), hashes.SHA1()).build()
    encoded = urllib.parse.quote(base64.b64encode(request.public_bytes(serialization.Encoding.DER)).decode(), safe="")
    response = server.get(f"/pki/ocsp/{encoded}")
    assert response.status_code == 200, f"GET /pki/ocsp/… → {response.status_code}: {response.text[:300]}"
    assert response.headers.get("Content-Type", "").startswith("application/ocsp-response"), response.headers
    answer = ocsp.load_der_ocsp_response(response.content)
    assert answer.response_status == ocsp.OCSPResponseStatus.SUCCESSFUL, answer.response_status
    assert answer.serial_number == certificate.serial_number, "the answer must be about the card asked about"
    signers = [c for c in answer.certificates] or [pki.citizen_ca_certificate()]
    signer = signers[0]
    signer.public_key().verify(answer.signature, answer.tbs_response_bytes, ec.ECDSA(answer.signature_hash_algorithm))
    return answer


# --- a browser that never accepts a 5xx -----------------------------------------------------------------------------


class EidBrowser(Browser):
    """requests.Session (10 s timeout, no automatic redirects) failing the test on any answer of 500 or more."""

    def request(self, method, url, **kwargs):
        kwargs["allow_redirects"] = False  # Session.get would say True; the tests follow redirects themselves
        response = super().request(method, url, **kwargs)
        assert response.status_code < 500, (
            f"{method} {url} → {response.status_code}: never a 5xx for anything a browser or proxy sends\n{response.text[:1500]}"
        )
        return response


def refusal(response) -> "tuple[str | None, object]":
    """(data-reason, the section node) of the page's <section id="eid-refusal">, or (None, None)."""
    text = response.text if hasattr(response, "text") else str(response)
    node = parse_html(text).find("section", id="eid-refusal")
    if node is None:
        return None, None
    return node.attrs.get("data-reason"), node


def identify_link(page_text: str, url: str) -> str:
    node = parse_html(page_text).find(id="eid-identify")
    assert node is not None, f"the 'insert your card' page at {url} lacks #eid-identify:\n{page_text[:2000]}"
    href = node.attrs.get("href") or node.attrs.get("formaction") or node.attrs.get("data-href")
    if not href and node.tag in ("button", "input"):
        form = node.parent
        while form is not None and form.tag != "form":
            form = form.parent
        href = form.attrs.get("action") if form is not None else None
    assert href, f"#eid-identify at {url} leads nowhere: {node.attrs}"
    return urljoin(url, href)


# --- one eID login ---------------------------------------------------------------------------------------------------


class EidLogin:
    """One person, one browser of their own; the relying party asks Level500."""

    def __init__(self, server: ExtraServer, rp: RelyingParty, pki: DevPKI, *, language: str = "en"):
        self.server = server
        self.rp = rp
        self.pki = pki
        self.browser = EidBrowser()
        self.browser.headers["Accept-Language"] = language
        self.flow = None
        self.page: "requests.Response | None" = None  # the last gateway page shown
        self.identify_url: "str | None" = None
        self.attempt: "str | None" = None
        self.result_url: "str | None" = None  # the hand-off back to the main origin (RETURN_PATH?attempt&result)
        self.callback: "str | None" = None  # the way back to the relying party, once logged in

    def close(self):
        self.browser.close()

    def open(self) -> "EidLogin":
        """The relying party asks Level500; the person chooses the eID key: the "insert your card" page."""
        self.flow = authorization_request(self.rp.client, self.rp.discovery, acr_values=LEVEL500)
        chooser = follow_response(self.browser, self.browser.get(self.flow.url))
        link = key_chooser_keys(chooser)["key-eid"]
        assert key_is_enabled(link), f"the eID key is not offered to an application asking Level500:\n{chooser.text[:2000]}"
        self.page = follow_response(self.browser, self.browser.get(urljoin(chooser.url, link.attrs["href"])))
        self.check_insert_card_page(self.page)
        return self

    def check_insert_card_page(self, page: requests.Response):
        assert page.status_code == 200, f"'insert your card' page → {page.status_code}: {page.text[:1000]}"
        assert urlsplit(page.url).path == "/fas/login/eid", f"the eID key leads to {page.url}, not /fas/login/eid"
        assert query_of(page.url).get("tx"), f"/fas/login/eid without its tx: {page.url}"
        self.identify_url = identify_link(page.text, page.url)
        assert self.identify_url.startswith(f"{self.server.eid_url}/eid/identify?"), (
            f"#eid-identify should lead to the eID origin {self.server.eid_url}/eid/identify?attempt=…, not {self.identify_url}"
        )
        self.attempt = query_of(self.identify_url).get("attempt")
        assert self.attempt and len(self.attempt) >= 16, f"the attempt should be long and random: {self.identify_url}"

    # the card

    def present(self, card: "Card | None", *, url: "str | None" = None) -> requests.Response:
        """GET the identify link at the eID listener over TLS, presenting card (or no certificate); the answer, not
        followed. The listener's certificate is checked against the dev root CA."""
        target = url or self.identify_url
        try:
            # A TLS connection of its own for each presentation: a kept-alive one would carry the certificate of an
            # earlier handshake (urllib3 pools connections by certificate path, and a re-issued card has the same).
            with EidBrowser() as tls:
                tls.headers.update(self.browser.headers)
                tls.cookies = self.browser.cookies
                return tls.get(target, cert=(str(card.certificate), str(card.key)) if card else None, verify=str(self.pki.root))
        except requests.exceptions.ConnectionError as error:  # SSLError included
            pytest.fail(
                f"presenting {card.label if card else 'no certificate'} to {target}: no HTTP answer ({error!r}); the "
                "listener should complete the TLS handshake and answer with the hand-off or a refusal page",
                pytrace=False,
            )

    def forwarded(self, value: str, *, server: "ExtraServer | None" = None, header: str = PROXY_HEADER) -> requests.Response:
        """Proxy mode: GET /eid/identify?attempt=A on the main origin with the certificate in the proxy's header."""
        server = server or self.server
        return self.browser.get(f"{server.url}/eid/identify", params={"attempt": self.attempt}, headers={header: value})

    def come_back(self, answer: requests.Response, browser: "requests.Session | None" = None) -> requests.Response:
        """What the browser does with the eID origin's answer: a 303 to /fas/eid/return is followed on the
        main origin in this (or another) browser. On success self.callback is the way to the relying party;
        otherwise the page shown is returned (and kept in self.page)."""
        browser = browser or self.browser
        response = answer
        if answer.status_code in (301, 302, 303, 307, 308):
            target = urljoin(answer.url, answer.headers.get("Location", ""))
            if same_origin(target, self.server.url) and not same_origin(answer.url, self.server.url):
                self.result_url = target  # from the eID origin back to the main origin: the hand-off
            elif urlsplit(target).path == RETURN_PATH:
                self.result_url = target  # proxy mode: the hand-off on the main origin itself
            response = follow_response(browser, browser.get(target))
        if response.status_code in (302, 303) and not same_origin(urljoin(response.url, response.headers["Location"]), self.server.url):
            location = urljoin(response.url, response.headers["Location"])
            if browser is self.browser:
                self.callback = location
            return response
        if browser is self.browser:
            self.page = response
        return response

    def identify(self, card: "Card | None") -> requests.Response:
        return self.come_back(self.present(card))

    def refused(self, response: requests.Response, reason: str, why: str) -> object:
        """The page shown is the refusal with this reason; nobody is logged in. Returns the <section> node."""
        assert reason in REASONS, reason
        assert self.callback is None, f"{why}: logged in (sent back to the application: {self.callback})"
        found, node = refusal(response)
        assert found == reason, (
            f"{why}: expected <section id=\"eid-refusal\" data-reason=\"{reason}\">, got {found!r} "
            f"({response.status_code} at {response.url}):\n{response.text[:2500]}"
        )
        assert node.text.strip(), f"{why}: the refusal says nothing to the person"
        return node

    def try_again(self, response: requests.Response) -> str:
        """Follows #eid-try-again back to step 1 with a new attempt: either the "insert your card" page, or straight
        its "identify" link (a new attempt at the eID origin). Returns the new identify URL."""
        node = parse_html(response.text).find(id="eid-try-again")
        assert node is not None and node.attrs.get("href"), f"no #eid-try-again link on the refusal:\n{response.text[:2000]}"
        before = self.attempt
        target = urljoin(response.url, node.attrs["href"])
        if target.startswith(f"{self.server.eid_url}/eid/identify?"):
            self.identify_url = target
            self.attempt = query_of(target).get("attempt")
        else:
            page = follow_response(self.browser, self.browser.get(target))
            self.check_insert_card_page(page)
            self.page = page
        assert self.attempt and self.attempt != before, f"trying again needs a new attempt: {target}"
        return self.identify_url

    def finish(self) -> dict:
        """The relying party's side: the code exchanged with Authlib, the ID token verified; its claims."""
        assert self.callback, f"not logged in; the last page:\n{self.page.text[:2000] if self.page is not None else ''}"
        return finish_as_relying_party(self.rp, self.flow, self.callback)

    def logged_in_at_gateway(self, browser: "requests.Session | None" = None) -> bool:
        """Whether the browser holds a gateway session: /fas/activity shows the person's activity, not a login."""
        browser = browser or self.browser
        response = browser.get(f"{self.server.url}/fas/activity")
        return response.status_code == 200 and urlsplit(response.url).path == "/fas/activity"


def assert_handoff(answer_status: int, location: "str | None", server: ExtraServer, attempt: str):
    """The eID origin's answer to a good card: 303 to {public URL}/fas/eid/return?attempt=A&result=R."""
    assert answer_status == 303, f"the eID listener should hand back with 303, got {answer_status}"
    assert location and location.startswith(f"{server.url}{RETURN_PATH}?"), (
        f"the hand-off should go to {server.url}{RETURN_PATH}?attempt=…&result=…, not {location}"
    )
    back = query_of(location)
    assert back.get("attempt") == attempt, f"the hand-off should carry the attempt {attempt}: {location}"
    assert back.get("result") and len(back["result"]) >= 16, f"the hand-off should carry a long random result: {location}"


def finish_as_relying_party(rp: RelyingParty, flow, callback: str) -> dict:
    """The callback checked (state, iss), the code exchanged with Authlib, the ID token verified; its claims."""
    callback_code(flow, callback, rp.issuer)
    token, session = exchange_code(rp.client, rp.discovery, flow, callback)
    check_token_response(token, session)
    return verify_id_token(
        token["id_token"], rp.discovery, rp.issuer, rp.client, nonce=flow.nonce, access_token=token["access_token"]
    )


def assert_eid_claims(claims: dict, number: str):
    assert claims["acr"] == LEVEL500, f"an eID login is Level500, got acr {claims['acr']!r}"
    amr = claims.get("amr")
    assert isinstance(amr, list) and "eid" in amr, f"amr should contain eid: {amr!r}"
    assert set(EID_AMR) <= set(amr), f"amr should be {EID_AMR}: {amr!r}"
    assert claims.get("egovNRN") == number, f"egovNRN should be the card's number {number}, got {claims.get('egovNRN')!r}"


# --- the same with curl -----------------------------------------------------------------------------------------------


@dataclass
class CurlAnswer:
    status: int
    headers: dict  # lower-case names, the last value
    text: str
    url: str

    @property
    def location(self) -> "str | None":
        value = self.headers.get("location")
        return urljoin(self.url, value) if value else None


@dataclass
class Curl:
    """curl with one cookie jar for every step, as a browser would keep its cookies."""

    directory: Path
    language: str = "en"
    calls: list = field(default_factory=list)

    def __post_init__(self):
        self.directory.mkdir(parents=True, exist_ok=True)
        self.jar = self.directory / "cookies.txt"

    def get(self, url: str, *, card: "Card | None" = None, cacert: "Path | None" = None, extra=()) -> CurlAnswer:
        body = self.directory / f"body-{len(self.calls)}"
        headers = self.directory / f"headers-{len(self.calls)}"
        command = [
            "curl", "-sS", "--max-time", str(TIMEOUT), "-b", str(self.jar), "-c", str(self.jar),
            "-H", f"Accept-Language: {self.language}", "-D", str(headers), "-o", str(body), "-w", "%{http_code}",
        ]
        if card is not None:
            command += ["--cert", str(card.certificate), "--key", str(card.key)]
        if cacert is not None:
            command += ["--cacert", str(cacert)]
        command += [*extra, url]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT + 10, stdin=subprocess.DEVNULL)
        self.calls.append(command)
        assert done.returncode == 0, f"`{' '.join(command)}` exited with {done.returncode}: {done.stderr}"
        status = int(done.stdout.strip() or 0)
        parsed = {}
        for line in headers.read_text(errors="replace").splitlines():
            if ":" in line and not line.startswith("HTTP/"):
                name, value = line.split(":", 1)
                parsed[name.strip().lower()] = value.strip()
        answer = CurlAnswer(status, parsed, body.read_text(errors="replace") if body.exists() else "", url)
        assert answer.status < 500, f"curl {url} → {answer.status}: never a 5xx\n{answer.text[:1500]}"
        return answer

    def follow(self, url: str, origin: str, **kwargs) -> CurlAnswer:
        """GETs url and follows redirects while they stay on origin."""
        answer = self.get(url, **kwargs)
        for _ in range(10):
            if answer.status not in (301, 302, 303, 307, 308) or not same_origin(answer.location, origin):
                return answer
            answer = self.get(answer.location)
        pytest.fail(f"too many redirects from {url}")
