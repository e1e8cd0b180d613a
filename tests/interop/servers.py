"""Extra processes for the tests that need their own gateway or a mail server (not a test file).

ExtraServer   a `persopoint serve` of its own: free port, own temporary data directory, public URL
              http://127.0.0.1:PORT, its own eID listener port (--eid-port: never the default 8443, which
              another server of the run may hold; 0 turns the listener off), extra settings (SMTP URL,
              outbox retry and lease, ...). Started and
              waited for on /health/ready, stopped with SIGTERM (or SIGKILL on demand), restartable on the same
              data directory; its log goes to test-artifacts/interop-servers/NAME.log.
MailCatcher   an aiosmtpd server on 127.0.0.1 that keeps every message it accepts (envelope + parsed e-mail),
              optionally with STARTTLS (a certificate from a throwaway CA), AUTH PLAIN/LOGIN checked against a
              user and password, and a "slow" mode holding the first transaction at RCPT until released.

The fixtures `extra_servers` and `mail_catchers` (module-scoped factories) stop whatever they started, even when
a test fails; test modules import them by name.
"""

from __future__ import annotations

import asyncio
import datetime
import email
import email.policy
import ipaddress
import os
import signal
import socket
import ssl
import subprocess
import tempfile
import shutil
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from .conftest import TIMEOUT, run_cli

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "interop-servers"
READY_TIMEOUT = 60  # seconds for a server to answer /health/ready
STOP_TIMEOUT = 15  # seconds between SIGTERM and SIGKILL


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, timeout: float, what: str, interval: float = 0.1):
    """Polls condition() until it returns something truthy (returned) or the deadline passes (the test fails)."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        last = condition()
        if last:
            return last
        if time.monotonic() >= deadline:
            pytest.fail(f"{what}: not within {timeout:g} s", pytrace=False)
        time.sleep(interval)


# --- the gateway --------------------------------------------------------------------------------------------


def _clean_environment() -> dict:
    """The test run's environment without any PersoPoint setting: the suite's own server is configured through
    PERSOPOINT_DATA_DIR and friends, which must not leak into an extra server."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PERSOPOINT_") and k != "DATABASE_URL"}


class ExtraServer:
    def __init__(self, binary: str, name: str, *, dev: bool = True, args=(), env=None, eid_port: "int | None" = None):
        self.binary = binary
        self.name = name
        self.dev = dev
        self.args = list(args)
        self.env = dict(env or {})
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # The eID card-reader listener (HTTPS): a free port of its own unless told (0: off).
        self.eid_port = free_port() if eid_port is None else eid_port
        self.eid_url = f"https://localhost:{self.eid_port}"  # PERSOPOINT_EID_URL's default
        self.data_dir = tempfile.mkdtemp(prefix=f"persopoint-{name}-")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.log_path = ARTIFACTS / f"{name}.log"
        self.log_path.write_text("")
        self.process: "subprocess.Popen | None" = None

    # lifecycle

    def command(self) -> list:
        command = [self.binary, "serve", "--port", str(self.port), "--public-url", self.url, "--data-dir", self.data_dir]
        command += ["--eid-port", str(self.eid_port), "--log-format", "text", *self.args]
        if self.dev:
            command.append("--dev")
        return command

    def start(self) -> "ExtraServer":
        assert self.process is None or self.process.poll() is not None, f"{self.name} is already running"
        env = _clean_environment()
        env.update(self.env)
        with open(self.log_path, "a") as log:
            log.write(f"\n=== {time.strftime('%H:%M:%S')} {' '.join(self.command())} env {self.env}\n")
            log.flush()
            self.process = subprocess.Popen(
                self.command(), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env
            )
        deadline = time.monotonic() + READY_TIMEOUT
        status = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(
                    f"extra server {self.name} exited with {self.process.returncode} before it was ready:\n{self.log_tail()}",
                    pytrace=False,
                )
            try:
                status = requests.get(f"{self.url}/health/ready", timeout=2).status_code
                if status == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        pytest.fail(f"extra server {self.name} not ready within {READY_TIMEOUT} s (last status {status}):\n{self.log_tail()}", pytrace=False)

    def stop(self) -> "int | None":
        """SIGTERM, then SIGKILL after STOP_TIMEOUT seconds; returns the exit status."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return None if process is None else process.returncode
        process.send_signal(signal.SIGTERM)
        try:
            return process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait(STOP_TIMEOUT)

    def kill(self):
        """SIGKILL: the process gets no chance to finish what it was doing."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(STOP_TIMEOUT)

    def restart(self, *, args=None, env=None) -> "ExtraServer":
        """Stops the server if it runs, then starts it again on the same port and data directory."""
        self.stop()
        if args is not None:
            self.args = list(args)
        if env is not None:
            self.env = dict(env)
        return self.start()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    # what tests ask of it

    def cli(self, *args):
        """`persopoint ARGS --data-dir D --json` against this server's data directory; the parsed output."""
        return run_cli(self.binary, *args, "--data-dir", self.data_dir, "--json")

    def cli_plain(self, *args) -> subprocess.CompletedProcess:
        """`persopoint ARGS --data-dir D` without --json; the finished process (the caller checks it)."""
        return subprocess.run(
            [self.binary, *args, "--data-dir", self.data_dir],
            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, env=_clean_environment(),
        )

    @property
    def database(self) -> Path:
        return Path(self.data_dir) / "persopoint.sqlite"

    @property
    def pki_dir(self) -> Path:
        """The development PKI (`persopoint pki init`, or --dev on first start)."""
        return Path(self.data_dir) / "pki"

    def get(self, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", TIMEOUT)
        kwargs.setdefault("allow_redirects", False)
        return requests.get(f"{self.url}{path}", **kwargs)

    def outbox(self) -> list:
        """The development mailbox (/dev/outbox.json), newest first."""
        response = self.get("/dev/outbox.json")
        assert response.status_code == 200, f"GET /dev/outbox.json → {response.status_code}: {response.text[:500]}"
        assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
        body = response.json()
        assert isinstance(body, dict) and isinstance(body.get("messages"), list), f"unexpected outbox: {body!r}"
        return body["messages"]

    def outbox_to(self, address: str) -> list:
        """The development mailbox's messages to address (its "to" may carry a name: Name <address>)."""
        return [m for m in self.outbox() if address.lower() in str(m.get("to", "")).lower()]


def _servers(persopoint_bin):
    started = []

    def start(name: str, *, dev: bool = True, args=(), env=None, start: bool = True, eid_port=None) -> ExtraServer:
        server = ExtraServer(persopoint_bin, f"{name}-{uuid.uuid4().hex[:6]}", dev=dev, args=args, env=env, eid_port=eid_port)
        started.append(server)
        return server.start() if start else server

    return started, start


@pytest.fixture(scope="module")
def extra_servers(persopoint_bin):
    """extra_servers(name, dev=True, args=[...], env={...}) → a started ExtraServer, stopped and removed when the
    module's tests are done (for a server several tests share)."""
    started, start = _servers(persopoint_bin)
    yield start
    for server in started:
        server.cleanup()


@pytest.fixture
def own_servers(persopoint_bin):
    """Like extra_servers, but stopped and removed at the end of the test."""
    started, start = _servers(persopoint_bin)
    yield start
    for server in started:
        server.cleanup()


# --- certificates ---------------------------------------------------------------------------------------------


@dataclass
class CertificateFiles:
    ca_file: Path  # the throwaway CA's certificate: what PERSOPOINT_SMTP_CA_FILE trusts
    cert_file: Path  # the mail server's certificate (127.0.0.1 and localhost), then the CA's
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(self.cert_file), str(self.key_file))
        return context


def make_certificates(directory: Path, *, ips=("127.0.0.1",), dns_names=("localhost",)) -> CertificateFiles:
    """A CA that exists only for this test run, and a server certificate it signed for these names (by default
    127.0.0.1 and localhost)."""
    directory.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "PersoPoint interop test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, (list(dns_names) + list(ips))[0])]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address(ip)) for ip in ips] + [x509.DNSName(name) for name in dns_names]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    certificates = CertificateFiles(directory / "ca.pem", directory / "server.pem", directory / "server.key")
    certificates.ca_file.write_bytes(ca.public_bytes(pem))
    certificates.cert_file.write_bytes(cert.public_bytes(pem) + ca.public_bytes(pem))
    certificates.key_file.write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return certificates


# --- the mail server --------------------------------------------------------------------------------------------


@dataclass
class ReceivedMail:
    mail_from: str
    rcpt_tos: list
    data: bytes
    message: email.message.EmailMessage  # parsed with email.policy.default
    tls: bool  # the transaction ran over TLS (STARTTLS or from the first byte)
    authenticated: bool
    helo: "str | None"  # the name the client gave in EHLO/HELO
    received_at: float = field(default_factory=time.monotonic)

    @property
    def message_id(self) -> "str | None":
        return self.message["Message-ID"]


class _Handler:
    def __init__(self, catcher: "MailCatcher"):
        self.catcher = catcher

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        with self.catcher._lock:
            self.catcher.mail_commands.append(address)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        catcher = self.catcher
        hold = False
        with catcher._lock:
            if catcher.slow and not catcher._held_one:
                catcher._held_one = True
                hold = True
        if catcher.refuse_rcpt:
            return catcher.refuse_rcpt
        if hold:
            catcher.held.set()
            # Wait without blocking the event loop (other connections keep being served).
            while not catcher._release.is_set():
                await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        data = envelope.original_content or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        message = email.message_from_bytes(data, policy=email.policy.default)
        received = ReceivedMail(
            mail_from=envelope.mail_from,
            rcpt_tos=list(envelope.rcpt_tos),
            data=data,
            message=message,
            tls=session.ssl is not None or self.catcher.implicit_tls,
            authenticated=bool(session.authenticated),
            helo=session.host_name,
        )
        with self.catcher._lock:
            if self.catcher.defer_first_data and not self.catcher.deferred:
                self.catcher.deferred.append(received)
                return "451 4.3.0 Temporary failure, please try again later"
            self.catcher._messages.append(received)
        return "250 Message accepted for delivery"


class MailCatcher:
    """An SMTP server on 127.0.0.1 that accepts everything (or what its options allow) and keeps it.

    certificates: offer STARTTLS with this certificate (or, with implicit_tls, speak TLS from the first byte, as
    smtps does); require_starttls: refuse everything before STARTTLS;
    credentials (user, password): AUTH is required and checked (PLAIN and LOGIN; exclude_mechanisms removes some);
    auth_require_tls: AUTH is only offered after STARTTLS (aiosmtpd's default);
    slow: the first transaction is held at RCPT until release();
    defer_first_data: the first message is answered 451 (try again later) after DATA, and kept in .deferred;
    refuse_rcpt: the reply to every RCPT, e.g. "550 5.1.1 No such mailbox"."""

    def __init__(self, port: "int | None" = None, *, certificates: "CertificateFiles | None" = None,
                 require_starttls: bool = False, credentials=None, exclude_mechanisms=(),
                 auth_require_tls: bool = True, slow: bool = False, implicit_tls: bool = False,
                 defer_first_data: bool = False, refuse_rcpt: "str | None" = None):
        self.port = port or free_port()
        self.certificates = certificates
        self.require_starttls = require_starttls
        self.credentials = credentials
        self.exclude_mechanisms = list(exclude_mechanisms)
        self.auth_require_tls = auth_require_tls
        self.slow = slow
        self.implicit_tls = implicit_tls
        self.defer_first_data = defer_first_data
        self.refuse_rcpt = refuse_rcpt
        self.deferred: list = []  # messages answered 451 after DATA
        assert not implicit_tls or certificates is not None, "implicit TLS needs certificates"
        self._lock = threading.Lock()
        self._messages: list = []
        self.mail_commands: list = []  # every MAIL FROM seen, delivered or not
        self.auth_attempts: list = []  # (mechanism, login, accepted)
        self.held = threading.Event()
        self._release = threading.Event()
        self._held_one = False
        self.controller: "Controller | None" = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        user, password = self.credentials
        accepted = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode()
            and auth_data.password == password.encode()
        )
        login = auth_data.login.decode(errors="replace") if isinstance(auth_data, LoginPassword) else None
        with self._lock:
            self.auth_attempts.append((mechanism, login, accepted))
        return AuthResult(success=accepted)

    def start(self) -> "MailCatcher":
        # No SMTPUTF8: like many relays, so headers must be 7-bit (RFC 2047 encoded words for accents).
        options = {"enable_SMTPUTF8": False}
        if self.implicit_tls:
            options["ssl_context"] = self.certificates.server_context()
        elif self.certificates is not None:
            options["tls_context"] = self.certificates.server_context()
            options["require_starttls"] = self.require_starttls
        if self.credentials is not None:
            options["authenticator"] = self._authenticate
            options["auth_required"] = True
            # aiosmtpd only counts STARTTLS as TLS for AUTH; a connection that is TLS from the first byte is too.
            options["auth_require_tls"] = self.auth_require_tls and not self.implicit_tls
            if self.exclude_mechanisms:
                options["auth_exclude_mechanism"] = self.exclude_mechanisms
        self.controller = Controller(
            _Handler(self), hostname="127.0.0.1", port=self.port, server_hostname="mail.test", **options
        )
        self.controller.start()
        return self

    def stop(self):
        self._release.set()  # never leave a held transaction behind
        controller, self.controller = self.controller, None
        if controller is not None:
            controller.stop()

    def release(self):
        self._release.set()

    @property
    def messages(self) -> list:
        with self._lock:
            return list(self._messages)

    def to(self, address: str) -> list:
        return [m for m in self.messages if address.lower() in (r.lower() for r in m.rcpt_tos)]

    def wait_for_mail(self, address: str, *, after: int = 0, timeout: float = 20) -> ReceivedMail:
        """The first message to address beyond the first `after` ones to that address, waiting for it."""
        found = wait_until(
            lambda: self.to(address)[after:], timeout, f"an e-mail to {address} (message #{after + 1}) at the mail server"
        )
        return found[0]


@pytest.fixture(scope="module")
def mail_catchers():
    """mail_catchers(port=None, **options) → a started MailCatcher, stopped when the module's tests are done."""
    started = []

    def start(port=None, **options) -> MailCatcher:
        catcher = MailCatcher(port, **options)
        started.append(catcher)
        return catcher.start()

    yield start
    for catcher in started:
        catcher.stop()
