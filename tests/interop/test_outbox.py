"""The durable e-mail outbox: a code e-mail waits while the mail server is down and arrives once when it comes
back; it goes over STARTTLS with AUTH LOGIN or PLAIN to a server whose certificate a CA file vouches for; it is
never sent in clear when TLS is required; it survives the gateway being killed in the middle of sending; and the
development mailbox exists only in development mode.

Each story runs its own gateway (`persopoint serve` with its own data directory) against an aiosmtpd server;
the e-mail is the one a person causes by asking for an e-mailed security code.
"""

import time
from urllib.parse import quote

import pytest

from .code_login import CodeLogin, code_in, register_relying_party
from .conftest import acr
from .servers import extra_servers, free_port, mail_catchers, make_certificates, wait_until  # noqa: F401  (fixtures)

RETRY = ["--outbox-retry", "1"]


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("smtp-tls"))


def demo_person(gateway, given_name: str) -> dict:
    for person in gateway.cli("demo", "credentials"):
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


def test_a_code_waits_while_the_mail_server_is_down_and_arrives_once_when_it_is_back(extra_servers, mail_catchers):
    port = free_port()  # nothing listens there yet
    gateway = extra_servers("outbox-down", args=["--smtp-url", f"smtp://127.0.0.1:{port}", *RETRY])
    login = ask_for_email_code(gateway, "Sophie")
    try:
        address = login.person["email"]
        waiting = outbox_message(
            gateway, address, lambda m: m["attempts"] >= 1 and m["lastError"], 10,
            "a failed delivery attempt recorded in the outbox",
        )
        assert waiting["status"] == "pending", f"a message that could not be delivered yet stays pending: {waiting}"
        assert waiting["sentAt"] is None, waiting
        assert waiting["channel"] == "email", waiting

        catcher = mail_catchers(port)  # the mail server comes back
        catcher.wait_for_mail(address, timeout=20)
        sent = outbox_message(gateway, address, lambda m: m["status"] == "sent", 5, "the outbox marking the message sent")
        assert sent["id"] == waiting["id"] and sent["key"] == waiting["key"], "the same message, not a new one"
        assert sent["transport"] == "smtp" and sent["sentAt"], sent
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
        assert sent["transport"] == "smtp" and sent["lastError"] is None, sent
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
            tls_gateway, address, lambda m: m["attempts"] >= 1 and m["lastError"], 10,
            "a refused delivery attempt recorded in the outbox",
        )
        time.sleep(2.5)  # longer than the retry delay: a retry must not send either
        failed = tls_gateway.outbox_to(address)[0]
        assert failed["status"] in ("pending", "failed") and failed["sentAt"] is None, failed
        assert "tls" in failed["lastError"].lower(), f"lastError should say TLS was missing: {failed['lastError']!r}"
        assert catcher.auth_attempts == [], f"credentials sent without TLS: {catcher.auth_attempts}"
        assert catcher.mail_commands == [] and catcher.to(address) == [], "nothing may be sent without TLS"
    finally:
        login.close()
        catcher.stop()


# --- a crash in the middle of sending -------------------------------------------------------------------------------


def test_a_message_being_sent_when_the_gateway_is_killed_is_sent_once_after_a_restart(extra_servers, mail_catchers):
    catcher = mail_catchers(slow=True)  # holds the first transaction at RCPT, before DATA
    gateway = extra_servers(
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
    assert sent["transport"] == "smtp" and sent["sentAt"], sent
    assert len(gateway.outbox_to(address)) == 1, "one message in the outbox, not a copy per attempt"
    assert received.message_id, "every e-mail needs a Message-ID"


# --- the development mailbox ----------------------------------------------------------------------------------------


def test_the_development_mailbox_exists_only_in_development_mode(extra_servers):
    development = extra_servers("outbox-dev")
    page = development.get("/dev/outbox")
    assert page.status_code == 200 and "html" in page.headers.get("Content-Type", ""), (
        f"GET /dev/outbox with --dev → {page.status_code} {page.headers.get('Content-Type')}"
    )
    assert isinstance(development.outbox(), list)

    production = extra_servers("outbox-prod", dev=False)
    assert production.get("/health/ready").status_code == 200
    for path in ("/dev/outbox", "/dev/outbox.json"):
        response = production.get(path)
        assert response.status_code == 404, f"GET {path} without --dev → {response.status_code}, expected 404"
