"""People log in with the eID card reader (Level500): the card's authentication certificate presented in a real TLS
handshake to the eID listener, checked (chain, dates, key usage, revocation by OCSP, the national register number),
then handed back to the main origin where the relying party gets its code.

A gateway of its own with --dev (so the development PKI and the demo people's cards exist) whose eID listener runs
on a port of its own and which trusts 127.0.0.1 as a proxy that forwards certificates in X-SSL-Client-Cert. The
clients are real: curl, openssl s_client and openssl ocsp, requests, Authlib as the relying party. Cards with a
defect are made here with `cryptography` and the dev Citizen CA's key; their OCSP responder is one of ours that
says "good", so that each refusal can only be the defect's. One demo person per story: Sophie (curl), Pieter
(requests + Authlib), Emma (openssl s_client, the hand-off, the proxy), Lena (her card revoked, a new card), Marc
(the cards with a defect).
"""

from __future__ import annotations

import base64
import datetime
import re
import shutil
import socket
import subprocess
import urllib.parse
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import AuthorityInformationAccessOID, ExtendedKeyUsageOID, NameOID

from .code_login import register_relying_party
from .conftest import authorization_request, follow_response, parse_html, query_of
from .eid import (
    LEVEL500,
    PROXY_HEADER,
    CardFactory,
    Curl,
    DevPKI,
    EidBrowser,
    EidLogin,
    OcspResponder,
    assert_eid_claims,
    assert_handoff,
    closed_port_url,
    digits,
    finish_as_relying_party,
    identify_link,
    issued_card,
    key_usage,
    nrn,
    ocsp_by_get,
    ocsp_status_line,
    openssl_ocsp,
    refusal,
)
from .servers import ROOT, extra_servers, free_port, wait_until  # noqa: F401  (extra_servers: a fixture)

DAY = datetime.timedelta(days=1)
NOBODY = nrn(1993, 5, 18, 123)  # a valid number nobody registered
NOT_A_NUMBER = "72012108430"  # 11 digits whose check digits are wrong


# --- the gateway, its PKI, its relying party ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def gateway(extra_servers):
    return extra_servers("eid", env={"PERSOPOINT_EID_TRUSTED_PROXIES": "127.0.0.1"})


@pytest.fixture(scope="module")
def pki(gateway) -> DevPKI:
    return DevPKI.of(gateway)


@pytest.fixture(scope="module")
def people(gateway) -> dict:
    listed = gateway.cli("demo", "credentials")["people"]
    assert isinstance(listed, list) and listed, listed
    return {person["givenName"]: {**person, "nrn": digits(person["nrn"])} for person in listed}


@pytest.fixture(scope="module")
def rp(gateway):
    return register_relying_party(gateway, min_level=500, name="eid")


@pytest.fixture(scope="module")
def responder(pki):
    started = OcspResponder(pki).start()
    yield started
    started.stop()


@pytest.fixture(scope="module")
def factory(pki, responder, tmp_path_factory) -> CardFactory:
    return CardFactory(pki, tmp_path_factory.mktemp("eid-cards"), responder.url)


@pytest.fixture
def logins(gateway, rp, pki):
    """logins(language="en", server=gateway, rp=rp) → an EidLogin in a browser of its own, closed after the test."""
    opened = []

    def start(language="en", *, server=None, relying_party=None):
        login = EidLogin(server or gateway, relying_party or rp, pki if server is None else DevPKI.of(server), language=language)
        opened.append(login)
        return login

    yield start
    for login in opened:
        login.close()


# --- the development PKI's OCSP responder --------------------------------------------------------------------------


def test_an_officer_revokes_lenas_card_the_ocsp_responder_says_so_and_her_new_card_logs_her_in(gateway, pki, people, logins):
    lena = people["Lena"]
    card = pki.card(lena["nrn"])
    url = f"{gateway.url}/pki/ocsp"

    output = openssl_ocsp(pki, card, url)
    assert ocsp_status_line(output, card) == "good", f"a fresh card is good:\n{output}"
    assert "Response verify OK" in output, f"openssl must verify the responder's signature up to the dev root:\n{output}"
    assert ocsp_by_get(gateway, pki, card).certificate_status.name == "GOOD", "GET /pki/ocsp/{request} should agree"

    revoked = gateway.cli_plain("pki", "revoke", lena["nrn"], "--json")
    assert revoked.returncode == 0, f"`pki revoke` → {revoked.returncode}: {revoked.stdout}{revoked.stderr}"

    output = openssl_ocsp(pki, card, url)
    assert ocsp_status_line(output, card) == "revoked", f"the running server's responder must know at once:\n{output}"
    assert "Response verify OK" in output, output
    answer = ocsp_by_get(gateway, pki, card)
    assert answer.certificate_status.name == "REVOKED" and answer.revocation_time_utc is not None, answer.certificate_status

    login = logins().open()
    page = login.identify(card)
    login.refused(page, "revoked", "Lena's revoked card")
    login.try_again(page)

    old_serial = card.leaf().serial_number
    new_card = issued_card(gateway, lena["nrn"])  # replaces the files of the old card
    assert new_card.leaf().serial_number != old_serial, "a new card has a new serial number"
    assert ocsp_status_line(openssl_ocsp(pki, new_card, url), new_card) == "good", "revocation touches the old cards only"
    login.identify(new_card)
    assert_eid_claims(login.finish(), lena["nrn"])


# --- valid cards, real clients --------------------------------------------------------------------------------------


def test_sophie_logs_in_with_her_card_using_curl(gateway, pki, rp, people, tmp_path):
    """Every step with curl and one cookie jar: the key chooser, the "insert your card" page, the card presented to
    the eID listener (--cert/--key, the listener checked with --cacert root-ca.pem), the hand-off back."""
    sophie = people["Sophie"]
    card = pki.card(sophie["nrn"])
    curl = Curl(tmp_path / "curl")
    flow = authorization_request(rp.client, rp.discovery, acr_values=LEVEL500)

    chooser = curl.follow(flow.url, gateway.url)
    assert chooser.status == 200, f"key chooser → {chooser.status}:\n{chooser.text[:1500]}"
    eid_key = parse_html(chooser.text).find(id="key-eid")
    assert eid_key is not None and eid_key.tag == "a" and eid_key.attrs.get("href") and "disabled" not in eid_key.classes, (
        f"the key chooser should offer #key-eid as a link:\n{chooser.text[:2000]}"
    )
    insert = curl.follow(urljoin(chooser.url, eid_key.attrs["href"]), gateway.url)
    assert insert.status == 200 and urlsplit(insert.url).path == "/fas/login/eid", (insert.status, insert.url)
    identify_url = identify_link(insert.text, insert.url)
    assert identify_url.startswith(f"{gateway.eid_url}/eid/identify?attempt="), identify_url

    answer = curl.get(identify_url, card=card, cacert=pki.root)
    back = answer.location
    assert_handoff(answer.status, back, gateway, query_of(identify_url)["attempt"])

    final = curl.follow(back, gateway.url)
    assert final.status in (302, 303) and final.location.startswith(rp.client.redirect_uri), (
        f"back on the main origin with the same cookie jar, Sophie should be sent to the application with a code; "
        f"got {final.status} {final.location}:\n{final.text[:2000]}"
    )
    assert_eid_claims(finish_as_relying_party(rp, flow, final.location), sophie["nrn"])


def test_pieter_logs_in_with_his_card_and_the_relying_party_gets_level500_and_his_number(pki, people, logins):
    pieter = people["Pieter"]
    login = logins().open()
    answer = login.present(pki.card(pieter["nrn"]))
    assert_handoff(answer.status_code, urljoin(answer.url, answer.headers.get("Location", "")), login.server, login.attempt)
    login.come_back(answer)
    claims = login.finish()
    assert_eid_claims(claims, pieter["nrn"])
    assert claims.get("given_name") == "Pieter" and claims.get("family_name") == "Janssens", claims
    assert login.logged_in_at_gateway(), "the browser should now hold a gateway session"


def test_openssl_s_client_is_asked_for_a_card_from_the_dev_cas_and_the_handshake_completes(gateway, pki, people, logins):
    emma = people["Emma"]
    card = pki.card(emma["nrn"])
    login = logins().open()
    target = urllib.parse.urlsplit(login.identify_url)
    request = (
        f"GET {target.path}?{target.query} HTTP/1.1\r\nHost: {target.netloc}\r\nAccept-Language: en\r\n"
        "Connection: close\r\n\r\n"
    )
    command = [
        "openssl", "s_client", "-connect", f"127.0.0.1:{gateway.eid_port}", "-servername", "localhost",
        "-cert", str(card.certificate), "-key", str(card.key), "-CAfile", str(pki.root), "-verify_return_error",
        "-ign_eof",
    ]
    done = subprocess.run(command, input=request, capture_output=True, text=True, timeout=30)
    output = done.stdout + done.stderr
    assert done.returncode == 0, f"`{' '.join(command)}` → {done.returncode}:\n{output}"
    assert "Acceptable client certificate CA names" in output, f"the listener must ask for a card and name its CAs:\n{output}"
    names = output.split("Acceptable client certificate CA names", 1)[1].split("---", 1)[0]
    assert "PersoPoint Development Root CA" in names or "PersoPoint Development Citizen CA" in names, (
        f"the CA names asked for should be the dev root or Citizen CA:\n{names}"
    )
    assert "Verify return code: 0 (ok)" in output, f"the listener's certificate should verify against the dev root:\n{output}"
    # s_client interleaves what the server sends with its own report: look for the HTTP answer anywhere.
    status = re.search(r"HTTP/1\.1 (\d{3})", done.stdout)
    location = re.search(r"^Location: (\S+)", done.stdout, re.MULTILINE | re.IGNORECASE)
    assert status, f"the handshake completed but no HTTP answer came:\n{output}"
    assert_handoff(int(status.group(1)), location and location.group(1), gateway, login.attempt)
    location = location.group(1)

    # The browser that began the login follows the hand-off openssl got: Emma is logged in.
    final = follow_response(login.browser, login.browser.get(location))
    assert final.status_code in (302, 303), f"the hand-off from s_client should log Emma in:\n{final.text[:2000]}"
    login.callback = urllib.parse.urljoin(final.url, final.headers["Location"])
    assert_eid_claims(login.finish(), emma["nrn"])


# --- cards that are refused -----------------------------------------------------------------------------------------


DEFECTS = {
    "expired": dict(valid_from=-400 * DAY, valid_until=-DAY),
    "not-yet-valid": dict(valid_from=DAY, valid_until=400 * DAY),
    "wrong-key-usage (keyEncipherment only)": dict(usage=key_usage(key_encipherment=True)),
    "wrong-key-usage (EKU serverAuth only)": dict(extended_usage=(ExtendedKeyUsageOID.SERVER_AUTH,)),
    "unknown-issuer": dict(issuer="foreign"),
    "self-signed": dict(issuer="self"),
    "revocation-unavailable": dict(ocsp_url="closed"),
    "invalid-number": dict(number=NOT_A_NUMBER),
}


def test_a_card_made_with_the_citizen_cas_key_and_no_defect_logs_marc_in(people, factory, responder, logins):
    """The control for the cards with a defect below: the factory's cards are otherwise acceptable, and the gateway
    asks the responder named in the card's AIA."""
    marc = people["Marc"]
    card = factory.make("marc without defect", number=marc["nrn"], given="Marc", surname="Lambert")
    asked_before = len(responder.asked)
    login = logins().open()
    login.identify(card)
    assert_eid_claims(login.finish(), marc["nrn"])
    assert card.leaf().serial_number in responder.asked[asked_before:], (
        "the gateway should have asked the OCSP responder of the card's AIA about it"
    )


# Over TLS 1.3 the TLS stack itself (BoringSSL, under NIOSSL) refuses a certificate without digitalSignature before
# the gateway sees it: that card has a test of its own below.
REFUSED_WITH_A_PAGE = [d for d in DEFECTS if d != "wrong-key-usage (keyEncipherment only)"]


@pytest.mark.parametrize("defect", REFUSED_WITH_A_PAGE, ids=[d.replace(" ", "-").replace("(", "").replace(")", "") for d in REFUSED_WITH_A_PAGE])
def test_marc_presents_a_card_with_a_defect_and_reads_why_it_is_refused(people, factory, logins, defect):
    marc = people["Marc"]
    options = dict(number=marc["nrn"], given="Marc", surname="Lambert")
    options.update(DEFECTS[defect])
    if options.get("ocsp_url") == "closed":
        options["ocsp_url"] = closed_port_url()
    card = factory.make(f"marc {defect}", **options)
    reason = defect.split(" ", 1)[0]

    login = logins().open()
    page = login.identify(card)
    login.refused(page, reason, f"a card that is {defect}")
    assert not login.logged_in_at_gateway(), "a refused card must not leave a gateway session"
    login.try_again(page)


def test_a_card_that_cannot_sign_is_stopped_at_the_handshake_or_refused_and_never_logs_in(people, factory, logins):
    """KeyUsage keyEncipherment only: TLS 1.3 needs the card to sign the handshake (CertificateVerify), and BoringSSL
    refuses such a certificate with an illegal_parameter alert before any verification callback runs, so the browser
    shows its own TLS error. If the listener ever answers instead (TLS 1.2), it must be the wrong-key-usage page.
    (The gateway's own check of that key usage is shown behind a proxy, below.)"""
    marc = people["Marc"]
    card = factory.make("marc keyEncipherment only", number=marc["nrn"], given="Marc", surname="Lambert",
                        usage=key_usage(key_encipherment=True))
    login = logins().open()
    try:
        with EidBrowser() as tls:
            answer = tls.get(login.identify_url, cert=(str(card.certificate), str(card.key)), verify=str(login.pki.root))
    except requests.exceptions.SSLError as error:
        assert "ILLEGAL_PARAMETER" in str(error) or "alert" in str(error).lower(), f"not a TLS alert: {error!r}"
        assert not login.logged_in_at_gateway()
        return
    page = login.come_back(answer)
    login.refused(page, "wrong-key-usage", "a card whose key usage is keyEncipherment only")


def test_a_card_the_registration_office_issued_for_a_number_nobody_registered_is_refused(gateway, pki, logins):
    card = issued_card(gateway, NOBODY)

    # The card is shaped like a Belgian eID authentication certificate, and its PKCS#12 opens with 1234.
    leaf = card.leaf()
    subject = {attribute.oid: attribute.value for attribute in leaf.subject}
    assert subject.get(NameOID.COUNTRY_NAME) == "BE" and subject.get(NameOID.SERIAL_NUMBER) == NOBODY, leaf.subject
    assert str(subject.get(NameOID.COMMON_NAME, "")).endswith(" (Authentication)"), leaf.subject
    assert subject.get(NameOID.SURNAME) and subject.get(NameOID.GIVEN_NAME), leaf.subject
    assert leaf.extensions.get_extension_for_class(x509.KeyUsage).value.digital_signature
    assert ExtendedKeyUsageOID.CLIENT_AUTH in leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    aia = leaf.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    ocsp_urls = [d.access_location.value for d in aia if d.access_method == AuthorityInformationAccessOID.OCSP]
    assert ocsp_urls == [f"{gateway.url}/pki/ocsp"], ocsp_urls
    assert leaf.issuer == pki.citizen_ca_certificate().subject, leaf.issuer
    key, certificate, _ = pkcs12.load_key_and_certificates(card.pkcs12.read_bytes(), b"1234")
    assert certificate == leaf, "the PKCS#12 holds the same certificate"
    assert key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo) == (
        leaf.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    ), "and the card's key"

    login = logins().open()
    page = login.identify(card)
    login.refused(page, "unknown-person", "a valid card whose number nobody registered")


def test_without_a_card_in_the_reader_the_insert_your_card_page_comes_back_saying_so(logins):
    login = logins().open()
    first = login.attempt
    page = login.identify(None)
    login.refused(page, "no-certificate", "no certificate presented")
    # The "insert your card" page again: its steps, and its #eid-identify link with a new attempt.
    html = parse_html(page.text)
    assert html.find("ol", cls="steps") is not None, f"the page should show the insert-card steps again:\n{page.text[:2000]}"
    again = identify_link(page.text, page.url)
    assert again.startswith(f"{login.server.eid_url}/eid/identify?"), again
    assert query_of(again).get("attempt") not in (None, first), f"identifying again needs a new attempt: {again}"


# --- the hand-off back to the main origin ----------------------------------------------------------------------------


def test_a_hand_off_result_used_twice_is_refused_the_second_time(pki, people, logins):
    emma = people["Emma"]
    login = logins().open()
    login.identify(pki.card(emma["nrn"]))
    assert_eid_claims(login.finish(), emma["nrn"])
    used = login.result_url
    assert used, "the hand-off URL should have been seen"

    page = follow_response(login.browser, login.browser.get(used))
    found, _ = refusal(page)
    assert found == "handoff-invalid", f"a result used again must be refused with handoff-invalid, got {found!r}:\n{page.text[:2000]}"

    # An attempt nobody started is refused too.
    stranger = logins().open()
    answer = stranger.present(pki.card(emma["nrn"]), url=login.identify_url.split("?")[0] + "?attempt=" + "A" * 43)
    page = stranger.come_back(answer)
    stranger.refused(page, "handoff-invalid", "an attempt the gateway never made")


def test_a_hand_off_result_opened_in_another_browser_is_refused_and_logs_nobody_in(pki, people, logins):
    emma = people["Emma"]
    login = logins().open()
    answer = login.present(pki.card(emma["nrn"]))
    assert answer.status_code == 303, f"{answer.status_code}: {answer.text[:1500]}"
    result = urllib.parse.urljoin(answer.url, answer.headers["Location"])

    other = EidBrowser()
    try:
        page = login.come_back(answer, browser=other)
        found, _ = refusal(page)
        assert found == "handoff-invalid", (
            f"the result opened in another browser must be refused with handoff-invalid, got {found!r} "
            f"({page.status_code}):\n{page.text[:2000]}"
        )
        assert not (page.status_code in (302, 303) and page.headers.get("Location", "").startswith(login.rp.client.redirect_uri)), (
            "the other browser was sent to the application with a code"
        )
        assert not login.logged_in_at_gateway(other), "the other browser must not hold a gateway session"
    finally:
        other.close()
    assert login.result_url == result


# --- behind a reverse proxy -------------------------------------------------------------------------------------------


def escaped(pem: bytes) -> str:
    """What nginx puts in $ssl_client_escaped_cert: the PEM, URL-escaped."""
    return urllib.parse.quote(pem.decode(), safe="")


def test_behind_a_trusted_proxy_emmas_forwarded_card_logs_her_in(pki, people, logins):
    emma = people["Emma"]
    login = logins().open()
    answer = login.forwarded(escaped(pki.card(emma["nrn"]).leaf_pem()))
    assert answer.status_code == 303, f"the proxied identify should hand back with 303, got {answer.status_code}:\n{answer.text[:1500]}"
    login.come_back(answer)
    assert_eid_claims(login.finish(), emma["nrn"])


def _public_key_pem() -> bytes:
    return ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


PROXY_GARBAGE = {
    "garbage": lambda: "this is not a certificate %%% \u00e9",
    "100 KB": lambda: escaped(b"-----BEGIN CERTIFICATE-----\n" + b"QUJD" * 25_000 + b"\n-----END CERTIFICATE-----\n"),
    "a public key PEM": lambda: escaped(_public_key_pem()),
    "a CERTIFICATE PEM holding no certificate": lambda: escaped(
        b"-----BEGIN CERTIFICATE-----\n" + base64.encodebytes(b"\x30\x03\x02\x01\x05" * 40) + b"-----END CERTIFICATE-----\n"
    ),
    "an empty value": lambda: "",
}


@pytest.mark.parametrize("value", list(PROXY_GARBAGE), ids=[v.replace(" ", "-") for v in PROXY_GARBAGE])
def test_garbage_in_the_proxy_header_is_refused_never_a_500(logins, value):
    login = logins().open()
    try:
        answer = login.forwarded(PROXY_GARBAGE[value]())
    except Exception as error:  # the connection dropped instead of an answer
        pytest.fail(f"the header with {value} got no HTTP answer: {error!r}")
    page = login.come_back(answer)
    found, _ = refusal(page)
    assert login.callback is None, f"{value} in the header logged somebody in"
    assert found or 400 <= answer.status_code < 500, (
        f"{value} in the header should be refused (a refusal page with its data-reason, or a 4xx), got "
        f"{answer.status_code} → {page.status_code}, reason {found!r}:\n{page.text[:1500]}"
    )


@pytest.mark.parametrize("defect", ["expired", "unknown-issuer", "wrong-key-usage (keyEncipherment only)"],
                         ids=["expired", "unknown-issuer", "wrong-key-usage-keyEncipherment-only"])
def test_a_trusted_proxy_forwarding_a_bad_card_does_not_spare_it_the_checks(people, factory, logins, defect):
    marc = people["Marc"]
    card = factory.make(f"proxied {defect}", number=marc["nrn"], given="Marc", surname="Lambert", **DEFECTS[defect])
    login = logins().open()
    page = login.come_back(login.forwarded(escaped(card.leaf_pem())))
    login.refused(page, defect.split(" ", 1)[0], f"a proxied card that is {defect}")


def test_the_proxy_header_from_an_address_that_is_not_a_trusted_proxy_never_logs_in(gateway, pki, people, logins, tmp_path):
    """The gateway trusts 127.0.0.1; the same request from 127.0.0.2 (curl --interface) is not the proxy's."""
    emma = people["Emma"]
    login = logins().open()
    curl = Curl(tmp_path / "curl")  # checks that the answer is below 500
    value = escaped(pki.card(emma["nrn"]).leaf_pem())
    answer = curl.get(
        f"{gateway.url}/eid/identify?attempt={login.attempt}",
        extra=["--interface", "127.0.0.2", "-H", f"{PROXY_HEADER}: {value}"],
    )
    if answer.status in (301, 302, 303, 307, 308) and answer.location:
        # Whatever the gateway handed back, the browser that began the login follows it.
        login.come_back(as_redirect(answer))
    assert login.callback is None, "the header from an untrusted address logged Emma in"
    assert not login.logged_in_at_gateway(), "no gateway session may come of an untrusted header"


def as_redirect(answer) -> requests.Response:
    """curl's redirect as a requests.Response, for EidLogin.come_back."""
    response = requests.Response()
    response.status_code = answer.status
    response.headers["Location"] = answer.location
    response.url = answer.url
    response._content = answer.text.encode()
    return response


# --- a gateway that trusts another proxy and whose OCSP responder is down ---------------------------------------------


@pytest.fixture(scope="module")
def elsewhere(extra_servers):
    """Trusts only 192.0.2.10 as a proxy; PERSOPOINT_EID_OCSP_URL points at a port where nothing listens."""
    return extra_servers(
        "eid-elsewhere",
        env={"PERSOPOINT_EID_TRUSTED_PROXIES": "192.0.2.10", "PERSOPOINT_EID_OCSP_URL": closed_port_url()},
    )


@pytest.fixture(scope="module")
def elsewhere_rp(elsewhere):
    return register_relying_party(elsewhere, min_level=500, name="eid-elsewhere")


def test_a_gateway_that_trusts_another_proxy_ignores_the_header(elsewhere, elsewhere_rp, people, logins):
    emma = people["Emma"]
    own_pki = DevPKI.of(elsewhere)
    login = logins(server=elsewhere, relying_party=elsewhere_rp).open()
    answer = login.forwarded(escaped(own_pki.card(emma["nrn"]).leaf_pem()))
    page = login.come_back(answer)
    assert login.callback is None, "the header from an address that is not a trusted proxy logged Emma in"
    found, _ = refusal(page)
    assert found or 400 <= answer.status_code < 500, (
        f"expected a refusal (or a 4xx), got {answer.status_code} → {page.status_code}:\n{page.text[:1500]}"
    )
    assert not login.logged_in_at_gateway()


def test_when_the_configured_ocsp_responder_is_down_a_good_card_is_refused(elsewhere, elsewhere_rp, people, logins):
    """Hard-fail (the default): the card may be fine, but nobody can say it is not revoked."""
    sophie = people["Sophie"]
    own_pki = DevPKI.of(elsewhere)
    login = logins(server=elsewhere, relying_party=elsewhere_rp).open()
    page = login.identify(own_pki.card(sophie["nrn"]))
    login.refused(page, "revocation-unavailable", "a good card while the configured OCSP responder is down")


# --- the README's nginx snippet, in front of PersoPoint ------------------------------------------------------------


def readme_nginx_server(*, listen: int, upstream: str, pki: DevPKI) -> str:
    """The ```nginx block of the README's "Behind a reverse proxy", with this machine's port, names and files."""
    text = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```nginx\n(.*?)```", text, re.DOTALL)
    assert len(blocks) == 1, f"the README should hold one ```nginx block, found {len(blocks)}"
    block = blocks[0]
    replacements = [
        (r"listen\s+443\s+ssl;", f"listen 127.0.0.1:{listen} ssl;"),
        (r"server_name\s+\S+;", "server_name localhost;"),
        (r"ssl_certificate\s+\S+;", f"ssl_certificate {pki.directory / 'server.pem'};"),
        (r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {pki.directory / 'server.key'};"),
        (r"proxy_pass\s+http://127\.0\.0\.1:8080;", f"proxy_pass {upstream};"),
    ]
    for pattern, replacement in replacements:
        block, count = re.subn(pattern, replacement, block)
        assert count >= 1, f"the README's nginx block should have a line matching {pattern!r}:\n{blocks[0]}"
    return block


@pytest.fixture(scope="module")
def behind_nginx(extra_servers, tmp_path_factory):
    """PersoPoint without a TLS listener of its own, trusting 127.0.0.1, behind nginx configured with the README's
    snippet. Needs Debian's nginx (skipped without it)."""
    if shutil.which("nginx") is None:
        pytest.skip("nginx is not installed (apt install nginx): the README's snippet cannot be tried")
    port = free_port()
    server = extra_servers(
        "eid-nginx", eid_port=0,
        env={"PERSOPOINT_EID_TRUSTED_PROXIES": "127.0.0.1", "PERSOPOINT_EID_URL": f"https://localhost:{port}"},
    )
    server.eid_url = f"https://localhost:{port}"
    folder = tmp_path_factory.mktemp("nginx")
    config = folder / "nginx.conf"
    config.write_text(
        f"daemon off;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\nhttp {{\n"
        f"access_log {folder}/access.log;\nclient_body_temp_path {folder}/body;\nproxy_temp_path {folder}/proxy;\n"
        f"{readme_nginx_server(listen=port, upstream=server.url, pki=DevPKI.of(server))}\n}}\n"
    )
    checked = subprocess.run(["nginx", "-t", "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(config)],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, f"nginx -t refuses the README's snippet:\n{checked.stderr}\n{config.read_text()}"
    nginx = subprocess.Popen(["nginx", "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(config)],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: _listening(port), 10, f"nginx listening on {port}")
        yield server
    finally:
        nginx.terminate()
        nginx.wait(15)


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_behind_nginx_configured_as_the_readme_says_sophie_logs_in_with_her_card(behind_nginx, people, factory, logins):
    server = behind_nginx
    rp = register_relying_party(server, min_level=500, name="eid-nginx")
    sophie = people["Sophie"]
    login = logins(server=server, relying_party=rp).open()
    assert login.identify_url.startswith(f"{server.eid_url}/eid/identify?"), login.identify_url
    answer = login.present(DevPKI.of(server).card(sophie["nrn"]))
    assert_handoff(answer.status_code, answer.headers.get("Location"), server, login.attempt)
    login.come_back(answer)
    assert_eid_claims(login.finish(), sophie["nrn"])

    # Without a card nginx forwards no header, and a header the browser sends itself never reaches PersoPoint.
    empty = logins(server=server, relying_party=rp).open()
    empty.refused(empty.identify(None), "no-certificate", "no card presented to nginx")
    forged = logins(server=server, relying_party=rp).open()
    with EidBrowser() as tls:
        answer = tls.get(
            forged.identify_url, verify=str(DevPKI.of(server).root),
            headers={PROXY_HEADER: escaped(DevPKI.of(server).card(people["Emma"]["nrn"]).leaf_pem())},
        )
    page = forged.come_back(answer)
    forged.refused(page, "no-certificate", "a header the browser sent itself, through nginx")

    # A card nginx itself finds faulty still reaches PersoPoint, which says why it is refused.
    own = CardFactory(DevPKI.of(server), factory.directory / "nginx", factory.ocsp_url)
    marc = people["Marc"]
    for defect in ("expired", "unknown-issuer", "self-signed"):
        card = own.make(f"nginx {defect}", number=marc["nrn"], given="Marc", surname="Lambert", **DEFECTS[defect])
        login = logins(server=server, relying_party=rp).open()
        login.refused(login.identify(card), defect, f"a card that is {defect}, through nginx")
    # Only /eid/ is PersoPoint's on the eID origin, with a card nginx finds faulty or without (every answer of
    # PersoPoint carries X-Request-Id).
    expired = own.make("nginx expired again", number=marc["nrn"], given="Marc", surname="Lambert", **DEFECTS["expired"])
    for card in (expired, None):
        with EidBrowser() as tls:
            other = tls.get(f"{server.eid_url}/fas/activity", cert=(str(card.certificate), str(card.key)) if card else None,
                            verify=str(DevPKI.of(server).root))
        assert other.status_code >= 400 and "X-Request-Id" not in other.headers, (
            f"{server.eid_url}/fas/activity through nginx should not reach PersoPoint: {other.status_code} {dict(other.headers)}"
        )
