"""The durable e-mail outbox: a code e-mail waits while the mail server is down and arrives once when it comes
back; a "try again later" is retried with the same Message-ID, a permanent refusal is not retried; it goes over
STARTTLS (when offered, unless tls=off) or smtps, with AUTH LOGIN or PLAIN, to a server whose certificate a CA file
vouches for; nothing is sent in clear when TLS is required, nor to a server whose certificate cannot be verified;
it survives the gateway being killed in the middle of sending; and the development mailbox exists only in
development mode.

Each story runs its own gateway (`persopoint serve` with its own data directory) against an aiosmtpd server;
the e-mail is the one a person causes by asking for an e-mailed security code.
"""

import datetime
import re
import time
from urllib.parse import quote
from zoneinfo import ZoneInfo

import icalendar
import pytest
import requests

from .code_login import CodeLogin, code_in, register_relying_party
from .conftest import acr
from .servers import extra_servers, free_port, mail_catchers, make_certificates, own_servers, wait_until  # noqa: F401  (fixtures)

RETRY = ["--outbox-retry", "1"]

# aiosmtpd warns (from its own thread) when it offers AUTH without TLS: the "never in clear" test wants exactly that.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("smtp-tls"))


def demo_person(gateway, given_name: str) -> dict:
    for person in gateway.cli("demo", "credentials")["people"]:
        if person["givenName"] == given_name:
            return person
    pytest.fail(f"no demo person called {given_name}")


def ask_for_email_code(gateway, given_name: str) -> CodeLogin:
    """A person logs in with the e-mail key up to the code page: the gateway queues the code e-mail.
    The caller closes the returned login."""
    person = demo_person(gateway, given_name)
    login = CodeLogin(register_relying_party(gateway, min_level=350, name="outbox"), person, "email")
    login.to_code_page()
    return login


def outbox_message(gateway, address: str, predicate=lambda m: True, timeout: float = 10, what: str = "") -> dict:
    """Waits until the development mailbox holds the newest message to address, and predicate(it) holds."""

    def newest():
        messages = gateway.outbox_to(address)
        return messages[0] if messages and predicate(messages[0]) else None

    return wait_until(newest, timeout, what or f"the outbox message to {address}")


def exactly_once(catcher, address: str, settle: float) -> "object":
    """After settle seconds of quiet, the one message to address; fails on none or on copies."""
    time.sleep(settle)
    received = catcher.to(address)
    ids = [m.message_id for m in received]
    assert len(received) == 1, f"expected exactly one e-mail to {address}, got {len(received)} (Message-IDs {ids})"
    assert ids[0], "every e-mail needs a Message-ID"
    return received[0]


def test_a_code_waits_while_the_mail_server_is_down_and_arrives_once_when_it_is_back(own_servers, mail_catchers):
    port = free_port()  # nothing listens there yet
    gateway = own_servers("outbox-down", args=["--smtp-url", f"smtp://127.0.0.1:{port}", *RETRY])
    login = ask_for_email_code(gateway, "Sophie")
    try:
        address = login.person["email"]
        waiting = outbox_message(
            gateway, address, lambda m: m["attempts"] >= 1 and m.get("lastError"), 10,
            "a failed delivery attempt recorded in the outbox",
        )
        assert waiting["status"] == "pending", f"a message that could not be delivered yet stays pending: {waiting}"
        assert waiting.get("sentAt") is None, waiting
        assert waiting["channel"] == "email", waiting

        catcher = mail_catchers(port)  # the mail server comes back
        catcher.wait_for_mail(address, timeout=20)
        sent = outbox_message(gateway, address, lambda m: m["status"] == "sent", 5, "the outbox marking the message sent")
        assert sent["id"] == waiting["id"] and sent["key"] == waiting["key"], "the same message, not a new one"
        assert sent.get("transport") == "smtp" and sent.get("sentAt"), sent
        assert sent["attempts"] >= 2, f"at least the failed attempt and the one that worked: {sent}"
        received = exactly_once(catcher, address, settle=2.5)  # longer than the retry delay: a copy would show

        sender = received.message["From"].addresses[0]
        assert sender.display_name == "PersoPoint" and sender.addr_spec.startswith("no-reply@"), (
            f"the default sender is PersoPoint <no-reply@HOST of the public URL>: {received.message['From']}"
        )
        assert "127.0.0.1" in sender.addr_spec, f"the host of the public URL: {sender.addr_spec}"
        assert not received.tls, "the test server offers no STARTTLS: plain delivery is what tls unset allows"

        # The person, who kept the page open, types the code that finally came.
        claims = login.accepted(code_in(received), "the e-mailed code that arrived late")
        assert claims["acr"] == acr(350)
    finally:
        login.close()


def test_a_retried_message_keeps_its_message_id(own_servers, mail_catchers):
    catcher = mail_catchers(defer_first_data=True)  # "451 try again later" to the first message, after its DATA
    # Configured through the environment this time, as a container would be.
    gateway = own_servers(
        "outbox-451", env={"PERSOPOINT_SMTP_URL": f"smtp://127.0.0.1:{catcher.port}", "PERSOPOINT_OUTBOX_RETRY": "1"}
    )
    login = ask_for_email_code(gateway, "Sophie")
    try:
        address = login.person["email"]
        received = catcher.wait_for_mail(address, timeout=20)
        assert len(catcher.deferred) == 1, catcher.deferred
        first = catcher.deferred[0]
        assert first.message_id and first.message_id == received.message_id, (
            f"a retry must carry the first try's Message-ID: {first.message_id} then {received.message_id}"
        )
        sent = outbox_message(gateway, address, lambda m: m["status"] == "sent", 5, "the outbox marking the message sent")
        assert sent["attempts"] == 2, f"one deferred attempt and one that worked: {sent}"
        assert login.accepted(code_in(received))["acr"] == acr(350)
    finally:
        login.close()


def test_a_recipient_the_mail_server_refuses_for_good_is_not_tried_again(own_servers, mail_catchers):
    catcher = mail_catchers(refuse_rcpt="550 5.1.1 No such mailbox here")
    gateway = own_servers("outbox-550", args=["--smtp-url", f"smtp://127.0.0.1:{catcher.port}", *RETRY])
    login = ask_for_email_code(gateway, "Sophie")
    login.close()
    address = login.person["email"]
    failed = outbox_message(gateway, address, lambda m: m["status"] != "pending", 10, "the message given up")
    time.sleep(2.5)  # retries 1 and 2 s later would show
    again = gateway.outbox_to(address)[0]
    assert failed["status"] == "failed" and again["status"] == "failed", f"a 5xx answer is permanent (RFC 5321 §4.2.1): {again}"
    assert again["attempts"] == 1 and len(catcher.mail_commands) == 1, f"not tried again: {again}, MAIL {catcher.mail_commands}"
    assert "550" in (again.get("lastError") or ""), f"lastError should carry the server's answer: {again.get('lastError')!r}"


# --- TLS and authentication -----------------------------------------------------------------------------------------

USER = "persopoint"
PASSWORD = "s3cret:p@ss/word"  # characters that must be percent-encoded in the URL


@pytest.fixture(scope="module")
def tls_gateway(extra_servers, certificates):
    """A gateway that requires STARTTLS and logs in to its mail server, trusting the test CA."""
    port = free_port()
    url = f"smtp://{quote(USER, safe='')}:{quote(PASSWORD, safe='')}@127.0.0.1:{port}?tls=required"
    gateway = extra_servers(
        "outbox-tls", args=["--smtp-url", url, "--smtp-ca-file", str(certificates.ca_file), *RETRY]
    )
    gateway.smtp_port = port
    return gateway


@pytest.mark.parametrize("mechanism", ["LOGIN", "PLAIN"])
def test_codes_go_over_starttls_with_smtp_authentication(tls_gateway, mail_catchers, certificates, mechanism):
    other = {"LOGIN": "PLAIN", "PLAIN": "LOGIN"}[mechanism]
    catcher = mail_catchers(
        tls_gateway.smtp_port, certificates=certificates, require_starttls=True,
        credentials=(USER, PASSWORD), exclude_mechanisms=[other],
    )
    person = {"LOGIN": "Lena", "PLAIN": "Emma"}[mechanism]
    login = ask_for_email_code(tls_gateway, person)
    try:
        received = catcher.wait_for_mail(login.person["email"], timeout=20)
        assert received.tls, "the message must have come over STARTTLS"
        assert received.authenticated, "the gateway must have authenticated"
        assert (mechanism, USER, True) in catcher.auth_attempts, f"AUTH {mechanism} expected: {catcher.auth_attempts}"
        assert all(ok for _, _, ok in catcher.auth_attempts), f"a refused AUTH: {catcher.auth_attempts}"
        sent = outbox_message(tls_gateway, login.person["email"], lambda m: m["status"] == "sent", 5, "the message marked sent")
        assert sent.get("transport") == "smtp" and sent.get("lastError") is None, sent
        assert login.accepted(code_in(received))["acr"] == acr(350)
    finally:
        login.close()
        catcher.stop()


def test_with_tls_required_nothing_is_sent_to_a_server_without_starttls(tls_gateway, mail_catchers):
    # A server that offers no STARTTLS but would take AUTH in clear: the gateway must neither log in nor send.
    catcher = mail_catchers(tls_gateway.smtp_port, credentials=(USER, PASSWORD), auth_require_tls=False)
    login = ask_for_email_code(tls_gateway, "Marc")
    try:
        address = login.person["email"]
        outbox_message(
            tls_gateway, address, lambda m: m["attempts"] >= 1 and m.get("lastError"), 10,
            "a refused delivery attempt recorded in the outbox",
        )
        time.sleep(2.5)  # longer than the retry delay: a retry must not send either
        failed = tls_gateway.outbox_to(address)[0]
        assert failed["status"] in ("pending", "failed") and failed.get("sentAt") is None, failed
        assert "tls" in failed["lastError"].lower(), f"lastError should say TLS was missing: {failed['lastError']!r}"
        assert catcher.auth_attempts == [], f"credentials sent without TLS: {catcher.auth_attempts}"
        assert catcher.mail_commands == [] and catcher.to(address) == [], "nothing may be sent without TLS"
    finally:
        login.close()
        catcher.stop()


@pytest.mark.parametrize(
    "setting, encrypted", [("", True), ("?tls=off", False)], ids=["tls-unset-uses-starttls", "tls-off-never-does"]
)
def test_starttls_is_used_whenever_offered_unless_turned_off(own_servers, mail_catchers, certificates, setting, encrypted):
    catcher = mail_catchers(certificates=certificates)  # offers STARTTLS without requiring it
    gateway = own_servers(
        "outbox-starttls",
        args=["--smtp-url", f"smtp://127.0.0.1:{catcher.port}{setting}", "--smtp-ca-file", str(certificates.ca_file), *RETRY],
    )
    login = ask_for_email_code(gateway, "Sophie")
    try:
        received = catcher.wait_for_mail(login.person["email"], timeout=20)
        assert received.tls == encrypted, (
            f"smtp://…{setting or ' (tls unset)'}: STARTTLS {'expected' if encrypted else 'must not be used'}"
        )
    finally:
        login.close()
        catcher.stop()


def test_smtps_speaks_tls_from_the_first_byte_to_a_named_host(own_servers, mail_catchers, certificates):
    catcher = mail_catchers(certificates=certificates, implicit_tls=True, credentials=(USER, PASSWORD))
    url = f"smtps://{quote(USER, safe='')}:{quote(PASSWORD, safe='')}@localhost:{catcher.port}"
    gateway = own_servers("outbox-smtps", args=["--smtp-url", url, "--smtp-ca-file", str(certificates.ca_file), *RETRY])
    login = ask_for_email_code(gateway, "Sophie")
    try:
        received = catcher.wait_for_mail(login.person["email"], timeout=20)
        assert received.authenticated and any(ok for _, _, ok in catcher.auth_attempts), catcher.auth_attempts
    finally:
        login.close()
        catcher.stop()


def assert_nothing_delivered(gateway, catcher, address, why_words):
    outbox_message(
        gateway, address, lambda m: m["attempts"] >= 1 and m.get("lastError"), 10, "a refused delivery attempt in the outbox"
    )
    time.sleep(1.5)  # longer than the first retry delay: a retry must not send either
    assert catcher.mail_commands == [] and catcher.auth_attempts == [], (
        f"nothing may be said to a server that failed verification: MAIL {catcher.mail_commands}, AUTH {catcher.auth_attempts}"
    )
    failed = gateway.outbox_to(address)[0]
    assert failed.get("sentAt") is None and failed["status"] in ("pending", "failed"), failed
    error = failed["lastError"].lower()
    assert any(word in error for word in why_words), f"lastError should say why: {failed['lastError']!r}"


@pytest.mark.parametrize("case", ["ca-not-trusted", "certificate-for-another-name"])
def test_a_mail_server_whose_certificate_cannot_be_verified_gets_nothing(own_servers, mail_catchers, certificates, tmp_path, case):
    if case == "ca-not-trusted":
        served, trusted = certificates, None  # the test CA is not given to the gateway
    else:
        served = make_certificates(tmp_path / "elsewhere", ips=(), dns_names=("mail.elsewhere.test",))
        trusted = served.ca_file  # a trusted CA, but the certificate names another host than 127.0.0.1
    catcher = mail_catchers(certificates=served, require_starttls=True, credentials=(USER, PASSWORD))
    args = ["--smtp-url", f"smtp://{USER}:{quote(PASSWORD, safe='')}@127.0.0.1:{catcher.port}?tls=required", *RETRY]
    if trusted:
        args += ["--smtp-ca-file", str(trusted)]
    gateway = own_servers("outbox-badcert", args=args)
    login = ask_for_email_code(gateway, "Sophie")
    try:
        assert_nothing_delivered(gateway, catcher, login.person["email"], ("certif", "tls", "ssl", "handshake", "verif", "trust"))
    finally:
        login.close()
        catcher.stop()


# --- a crash in the middle of sending -------------------------------------------------------------------------------


def test_a_message_being_sent_when_the_gateway_is_killed_is_sent_once_after_a_restart(own_servers, mail_catchers):
    catcher = mail_catchers(slow=True)  # holds the first transaction at RCPT, before DATA
    gateway = own_servers(
        "outbox-crash",
        args=["--smtp-url", f"smtp://127.0.0.1:{catcher.port}", "--outbox-lease", "2", *RETRY],
    )
    login = ask_for_email_code(gateway, "Pieter")
    login.close()
    address = login.person["email"]

    assert catcher.held.wait(15), "the gateway never started sending the code e-mail"
    gateway.kill()  # SIGKILL while the mail server holds the transaction
    catcher.release()
    assert catcher.to(address) == [], "the held transaction must not have delivered anything"

    gateway.restart()
    received = catcher.wait_for_mail(address, timeout=20)
    received = exactly_once(catcher, address, settle=3)  # past lease + retry: a second copy would show
    assert len(catcher.mail_commands) >= 2, "the message should have been tried again after the restart"
    sent = outbox_message(gateway, address, lambda m: m["status"] == "sent", 5, "the outbox marking the message sent")
    assert sent.get("transport") == "smtp" and sent.get("sentAt"), sent
    assert len(gateway.outbox_to(address)) == 1, "one message in the outbox, not a copy per attempt"
    assert received.message_id, "every e-mail needs a Message-ID"


# --- the development mailbox ----------------------------------------------------------------------------------------


OUTBOX_FIELDS = {"id", "key", "channel", "to", "subject", "text", "html", "status", "attempts", "createdAt", "sentAt",
                 "lastError", "transport"}


def test_the_development_mailbox_exists_only_in_development_mode(own_servers):
    # Development mode without a mail server: the code e-mail is "delivered" to the development mailbox.
    development = own_servers("outbox-dev")
    login = ask_for_email_code(development, "Sophie")
    login.close()
    address = login.person["email"]
    delivered = outbox_message(development, address, lambda m: m["status"] == "sent", 5, "the dev transport's delivery")
    missing = OUTBOX_FIELDS - set(delivered)
    assert not missing, (
        f"/dev/outbox.json messages must carry every field, null when unset; missing {sorted(missing)}, "
        f"present {sorted(delivered)}"
    )
    assert delivered["transport"] == "dev" and delivered["lastError"] is None and delivered["sentAt"], delivered
    assert delivered["channel"] == "email" and delivered["attempts"] >= 1, delivered
    page = development.get("/dev/outbox")
    assert page.status_code == 200 and "html" in page.headers.get("Content-Type", ""), (
        f"GET /dev/outbox with --dev → {page.status_code} {page.headers.get('Content-Type')}"
    )
    assert delivered["subject"] in page.text, "the HTML mailbox should list the message"

    production = own_servers("outbox-prod", dev=False)
    assert production.get("/health/ready").status_code == 200
    for path in ("/dev/outbox", "/dev/outbox.json"):
        response = production.get(path)
        assert response.status_code == 404, f"GET {path} without --dev → {response.status_code}, expected 404"


def test_an_appointment_confirmation_reaches_the_mail_server_with_its_calendar_file(own_servers, mail_catchers):
    """Booked at the registration office's public page; over SMTP the e-mail is multipart/mixed, its text and HTML
    first, then appointment.ics, which a calendar library reads back as the time chosen."""
    catcher = mail_catchers()
    gateway = own_servers("outbox-ics", args=["--smtp-url", f"smtp://127.0.0.1:{catcher.port}", *RETRY])
    browser = requests.Session()
    page = browser.get(f"{gateway.url}/office/bosa/book?lang=en", timeout=10)
    assert page.status_code == 200, page.text[:500]
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    slot = re.search(r'name="slot" value="([^"]+)"', page.text).group(1)
    address = "nadia.ics@example.be"
    booked = browser.post(f"{gateway.url}/office/bosa/book", timeout=10, allow_redirects=False, data={
        "_csrf": csrf, "slot": slot, "given_name": "Nadia", "surname": "Haddad", "email": address, "document": "passport",
    })
    assert booked.status_code == 303, booked.text[:500]
    received = catcher.wait_for_mail(address, timeout=20)
    message = received.message
    assert message.get_content_type() == "multipart/mixed", message.get_content_type()
    assert message.get_body(("plain",)) is not None and message.get_body(("html", "plain")) is not None
    assert booked.headers["location"].split("?")[0] in message.get_body(("plain",)).get_content()
    files = list(message.iter_attachments())
    assert [(f.get_filename(), f.get_content_type()) for f in files] == [("appointment.ics", "text/calendar")], files
    calendar = icalendar.Calendar.from_ical(files[0].get_payload(decode=True))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    chosen = datetime.datetime.fromisoformat(slot).replace(tzinfo=ZoneInfo("Europe/Brussels"))
    assert events[0].decoded("DTSTART") == chosen, (events[0].decoded("DTSTART"), chosen)
    assert "BOSA" in str(events[0].get("SUMMARY"))
