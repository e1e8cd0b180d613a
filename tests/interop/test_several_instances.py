"""Several instances on PostgreSQL behind nginx (issue 20): the README promises that instances hold no state of their
own; here three of them share one database behind nginx, configured with the very files the README shows.

The deployment is the README's, run on this machine: one PostgreSQL database of the test's own (in the cluster of
PERSOPOINT_TEST_POSTGRES_URL), three `persopoint serve` started with the systemd unit's ExecStart and the settings of
deploy/systemd/persopoint.env.example (only the addresses, ports, folders and mail server replaced), and nginx
running deploy/nginx/persopoint.conf as written (only its upstream addresses, listening ports and certificate
replaced; the certificate comes from a throwaway CA that the test and the instances trust). As the README says, the
first instance starts alone, its built-in applications' secrets are copied to the others, and then they start;
`persopoint demo` adds the demo people.

The stories:
- instances started at the same moment on an empty database all come up (several hosts booting at once);
- a login begun on one instance finishes on another: the authorization request at instance A, the password at
  instance B, the code exchanged at instance C (Authlib, as in the other interop tests); PersoSelfService lets
  Sophie in whichever instance handles her;
- the client address is the one nginx saw, whatever the browser wrote in X-Forwarded-For ("my activity" says it);
- a signing-key rotation and a maintenance window, both done with the CLI, are seen by every instance;
- the outbox sends every message once, however many instances deliver (code e-mails to an SMTP catcher);
- a sender publishes a 3 MiB eBox document through nginx, and every instance answers for it;
- `kill -9` of one instance under load (logins, token grants, rotating refreshes, personal-data saves, userinfo,
  all through nginx) loses no acknowledged write: only requests in flight at the kill may fail, and only POSTs
  (nginx passes an idempotent request on to the next instance); afterwards every acknowledged session, token,
  refresh and save is still there.
Counts are printed (pytest -s shows them).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import certifi
import pytest
import requests
from authlib.jose import JsonWebKey, JsonWebToken
from requests.adapters import HTTPAdapter

from .code_login import CodeLogin, RelyingParty, form_error, submit_token_card_login
from .conftest import (
    ALL_SCOPES,
    CALLBACK,
    TIMEOUT,
    Browser,
    Client,
    authorization_request,
    callback_code,
    check_token_response,
    exchange_code,
    follow,
    follow_response,
    form_fields,
    jwt_header,
    key_chooser_keys,
    key_is_enabled,
    login,
    parse_html,
    query_of,
    submit_password,
    verify_id_token,
)
from .postgres_databases import OwnDatabase
from .servers import ARTIFACTS, ExtraServer, MailCatcher, free_port, make_certificates, wait_until

ROOT = Path(__file__).resolve().parents[2]
NGINX_SITE = ROOT / "deploy" / "nginx" / "persopoint.conf"
UNIT = ROOT / "deploy" / "systemd" / "persopoint.service"
ENV_EXAMPLE = ROOT / "deploy" / "systemd" / "persopoint.env.example"
README = ROOT / "README.md"
NGINX = "/usr/sbin/nginx"
INSTANCES = 3
PERSONAL = "/selfservice/personal"
FORM_FIELDS = ("street", "postal_code", "municipality", "country", "phone", "private_email", "iban")

# What the test replaces in the environment file; everything else in it is used as written.
REPLACED_SETTINGS = ("DATABASE_URL", "PERSOPOINT_PUBLIC_URL", "PERSOPOINT_HOST", "PERSOPOINT_PORT",
                     "PERSOPOINT_TRUSTED_PROXIES", "PERSOPOINT_DATA_DIR", "PERSOPOINT_SMTP_URL")

KEY_ROTATION_BOUND = 35.0  # seconds: instances re-read the signing keys at least every 30 s
MAINTENANCE_BOUND = 10.0  # seconds: instances re-read the maintenance schedule at least every 5 s
LOAD_SECONDS = 10.0
KILL_AFTER = 5.0
MAILS = 24
UUID = re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")


# --- the deployment files, as the README shows them ---------------------------------------------------------------


def unit_directives() -> dict:
    """{key: [values]} of deploy/systemd/persopoint.service."""
    directives: dict = {}
    for line in UNIT.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        directives.setdefault(key.strip(), []).append(value.strip())
    return directives


def unit_command(binary: str) -> list:
    """The unit's ExecStart, its program replaced by the persopoint under test."""
    (exec_start,) = unit_directives()["ExecStart"]
    words = shlex.split(exec_start.lstrip("-@:+!"))
    assert Path(words[0]).name == "persopoint", f"the unit's ExecStart should run persopoint: {exec_start}"
    return [binary, *words[1:]]


def environment_file() -> dict:
    """deploy/systemd/persopoint.env.example read as systemd reads an EnvironmentFile of NAME=value lines."""
    settings = {}
    for number, line in enumerate(ENV_EXAMPLE.read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        name, equals, value = line.partition("=")
        assert equals and re.fullmatch(r"[A-Z_][A-Z0-9_]*", name), f"{ENV_EXAMPLE.name}:{number} is not NAME=value: {line!r}"
        settings[name] = value
    missing = [name for name in REPLACED_SETTINGS if name not in settings]
    assert not missing, f"{ENV_EXAMPLE.name} should name every setting an instance behind nginx needs; missing {missing}"
    return settings


def nginx_site(*, upstreams: list, https_port: int, http_port: int, certificate: Path, key: Path) -> str:
    """deploy/nginx/persopoint.conf with this machine's upstream ports, listening ports and certificate."""
    text = NGINX_SITE.read_text()
    servers = re.findall(r"^(\s*server\s+)(\S+?:\d+)(?=[\s;])", text, re.M)
    assert len(servers) == len(upstreams), (
        f"{NGINX_SITE.name}'s upstream should list {len(upstreams)} instances (server ADDRESS:PORT lines), found {servers}"
    )
    ports = iter(upstreams)
    text = re.sub(r"^(\s*server\s+)(\S+?:\d+)(?=[\s;])", lambda m: f"{m.group(1)}127.0.0.1:{next(ports)}", text, flags=re.M)
    replacements = [
        (r"listen\s+443\s+ssl(\s+http2)?;", f"listen 127.0.0.1:{https_port} ssl\\1;"),
        (r"listen\s+80;", f"listen 127.0.0.1:{http_port};"),
        (r"ssl_certificate\s+\S+;", f"ssl_certificate {certificate};"),
        (r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};"),
    ]
    for pattern, replacement in replacements:
        text, count = re.subn(pattern, replacement, text)
        assert count == 1, f"{NGINX_SITE.name} should have one line matching {pattern!r}, found {count}"
    return text


# --- the instances and nginx --------------------------------------------------------------------------------------


def clean_environment() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("PERSOPOINT_") and k != "DATABASE_URL"}


SYSTEM_CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt"  # Debian's, where libcurl (Foundation's URLSession) looks


class Instance(ExtraServer):
    """One `persopoint serve` as the systemd unit starts it: the unit's command, the environment file's settings.

    With `trust` (a CA bundle), the instance runs in a mount namespace of its own where that bundle stands in for the
    system's: its built-in applications then reach the gateway through nginx, whose certificate the test's throwaway
    CA signed, as a real host trusts a real certificate. The machine's own bundle is untouched."""

    def __init__(self, binary: str, name: str, settings: dict, extra_args=(), trust: "Path | None" = None):
        super().__init__(binary, name, dev=False, eid_port=0)
        self.env = dict(settings)
        self.env.update({"PERSOPOINT_PORT": str(self.port), "PERSOPOINT_DATA_DIR": self.data_dir})
        self.extra_args = list(extra_args)
        self.trust = trust

    def command(self) -> list:
        command = unit_command(self.binary) + self.extra_args
        if self.trust is None:
            return command
        # unshare and sh both exec: the process started is persopoint itself (kill -9 reaches it).
        return ["unshare", "--mount", "--propagation", "private", "--", "sh", "-c",
                f'mount --bind "$0" {SYSTEM_CA_BUNDLE} && exec "$@"', str(self.trust), *command]

    def run(self, *args, check: bool = True) -> subprocess.CompletedProcess:
        """A `persopoint` command with this instance's settings (the same environment file)."""
        env = clean_environment()
        env.update(self.env)
        done = subprocess.run([self.binary, *args], capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL, env=env)
        if check and done.returncode != 0:
            pytest.fail(f"`persopoint {' '.join(args)}` exited with {done.returncode}:\n{done.stdout}\n{done.stderr}",
                        pytrace=False)
        return done

    def cli_json(self, *args):
        done = self.run(*args, "--json")
        try:
            return json.loads(done.stdout)
        except json.JSONDecodeError:
            pytest.fail(f"`persopoint {' '.join(args)} --json` printed no JSON:\n{done.stdout}\n{done.stderr}", pytrace=False)

    def outbox_attempts(self) -> list:
        """(outbox message id, delivered?) for every delivery attempt this instance's log (JSON lines) records."""
        attempts = []
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return attempts
        for line in lines:
            if not line.startswith("{") or '"attempt"' not in line:
                continue
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            ids = [v for v in entry.values() if isinstance(v, str) and UUID.fullmatch(v)]
            if ids:
                attempts.append((ids[0].lower(), entry.get("level") == "info"))
        return attempts


class Nginx:
    def __init__(self, folder: Path, site: str, https_port: int, http_port: int):
        self.folder = folder
        self.https_port = https_port
        self.http_port = http_port
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "persopoint.conf").write_text(site)
        self.config = folder / "nginx.conf"
        self.config.write_text(
            f"error_log {folder}/error.log;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            "    log_format upstreams '$msec $request_method $uri $status $upstream_addr $upstream_status';\n"
            f"    access_log {folder}/access.log upstreams;\n"
            f"    client_body_temp_path {folder}/body;\n    proxy_temp_path {folder}/proxy;\n"
            f"    fastcgi_temp_path {folder}/fastcgi;\n    uwsgi_temp_path {folder}/uwsgi;\n    scgi_temp_path {folder}/scgi;\n"
            f"    include {folder}/persopoint.conf;\n"
            "}\n"
        )
        self.process: "subprocess.Popen | None" = None

    def arguments(self) -> list:
        return [NGINX, "-p", str(self.folder), "-e", str(self.folder / "error.log"), "-c", str(self.config),
                "-g", f"daemon off; pid {self.folder}/nginx.pid;"]

    def start(self):
        checked = subprocess.run([*self.arguments(), "-t"], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, f"nginx -t refuses {NGINX_SITE.name}:\n{checked.stderr}\n{(self.folder / 'persopoint.conf').read_text()}"
        self.process = subprocess.Popen(self.arguments(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=open(self.folder / "stderr.log", "w"))
        wait_until(lambda: listening(self.https_port) or self.process.poll() is not None, 10, f"nginx on {self.https_port}")
        assert self.process.poll() is None, f"nginx exited:\n{(self.folder / 'error.log').read_text()}"

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None

    def access_log(self) -> list:
        """[(msec, method, uri, status, upstream_addr, upstream_status)] so far."""
        lines = (self.folder / "access.log").read_text(errors="replace").splitlines()
        return [tuple(line.split(" ", 5)) for line in lines if line.count(" ") >= 5]


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class Deployment:
    database: OwnDatabase
    instances: list
    nginx: Nginx
    catcher: MailCatcher
    public_url: str
    ca_file: Path
    people: dict  # givenName → demo credentials

    @property
    def issuer(self) -> str:
        return f"{self.public_url}/fas/oauth2"

    def discovery(self) -> dict:
        response = requests.get(f"{self.issuer}/.well-known/openid-configuration", timeout=TIMEOUT)
        assert response.status_code == 200, f"discovery through nginx → {response.status_code}: {response.text[:300]}"
        return response.json()

    def register_client(self, name: str, *, grant_types=("authorization_code", "refresh_token"), min_level=200) -> Client:
        """A confidential client (client_secret_basic) registered with `persopoint client add`, on the shared database."""
        client_id = f"several-{name}-{uuid.uuid4().hex[:8]}"
        redirect_uri = f"{CALLBACK}/{client_id}"
        args = ["client", "add", "--id", client_id, "--scopes", ALL_SCOPES, "--grant-types", ",".join(grant_types),
                "--min-level", str(min_level), "--confidential", "--auth-method", "client_secret_basic"]
        if "authorization_code" in grant_types:
            args += ["--redirect-uri", redirect_uri]
        output = self.instances[0].cli_json(*args)
        assert output.get("client_id") == client_id and output.get("client_secret"), output
        return Client(client_id, output["client_secret"], [redirect_uri], [], "client_secret_basic", ALL_SCOPES)


def start_all(instances: list) -> list:
    """Starts the instances at the same moment; the failures (pytest's), by instance."""
    def start(instance):
        try:
            instance.start()
            return None
        except BaseException as error:  # pytest.fail raises Failed, a BaseException
            return error

    with ThreadPoolExecutor(len(instances)) as pool:
        return list(pool.map(start, instances))


@pytest.fixture(scope="module")
def deployment(persopoint_bin, tmp_path_factory):
    if not os.access(NGINX, os.X_OK):
        pytest.fail(f"{NGINX} is missing (apt-get install nginx; scripts/setup.sh installs it)", pytrace=False)
    if os.geteuid() != 0:
        pytest.fail("the several-instances tests run each instance in a mount namespace of its own (to trust the "
                    "test's CA) and must run as root, as ./scripts/test.sh does", pytrace=False)
    folder = tmp_path_factory.mktemp("several-instances")
    certificates = make_certificates(folder / "tls")
    # The test's requests (Authlib's included) and the instances trust the throwaway CA besides the usual ones.
    bundle = folder / "ca-bundle.pem"
    usual = Path(SYSTEM_CA_BUNDLE) if Path(SYSTEM_CA_BUNDLE).is_file() else Path(certifi.where())
    bundle.write_text(usual.read_text() + certificates.ca_file.read_text())
    saved = os.environ.get("REQUESTS_CA_BUNDLE")
    os.environ["REQUESTS_CA_BUNDLE"] = str(bundle)

    https_port, http_port = free_port(), free_port()
    public_url = f"https://127.0.0.1:{https_port}"
    started = []
    nginx = current = catcher = None
    with OwnDatabase("several") as database:
        try:
            catcher = MailCatcher().start()
            settings = environment_file()
            settings.update({
                "DATABASE_URL": database.url, "PERSOPOINT_PUBLIC_URL": public_url, "PERSOPOINT_HOST": "127.0.0.1",
                "PERSOPOINT_TRUSTED_PROXIES": "127.0.0.1", "PERSOPOINT_SMTP_URL": f"smtp://127.0.0.1:{catcher.port}",
                # Not in the file (the default is 30 s): the outbox story retries a second after a failure.
                "PERSOPOINT_OUTBOX_RETRY": "1",
            })
            instances = [Instance(persopoint_bin, f"several-{i + 1}-{uuid.uuid4().hex[:4]}", settings, trust=bundle)
                         for i in range(INSTANCES)]
            started.extend(instances)
            # The README's steps: the first host starts alone (it creates the schema and registers the built-in
            # applications, writing their secrets), its secrets are copied to the others, which then start.
            first, others = instances[0], instances[1:]
            first.start()
            secrets = Path(first.data_dir) / "clients"
            assert secrets.is_dir() and any(secrets.iterdir()), f"the first instance wrote no client secrets in {secrets}"
            for other in others:
                shutil.copytree(secrets, Path(other.data_dir) / "clients")
            for instance, failure in zip(others, start_all(others)):
                if failure is not None:
                    pytest.fail(f"{instance.name} did not start: {failure}", pytrace=False)
            first.run("demo")  # the demo people, for the stories

            nginx = Nginx(folder / "nginx", nginx_site(
                upstreams=[i.port for i in instances], https_port=https_port, http_port=http_port,
                certificate=certificates.cert_file, key=certificates.key_file,
            ), https_port, http_port)
            nginx.start()
            people = {p["givenName"]: p for p in first.cli_json("demo", "credentials")["people"]}
            current = Deployment(database, instances, nginx, catcher, public_url, certificates.ca_file, people)
            yield current
        finally:
            if nginx is not None:
                nginx.stop()
                for name in ("error.log", "access.log"):
                    if (nginx.folder / name).exists():
                        shutil.copy(nginx.folder / name, ARTIFACTS / f"several-nginx-{name}")
            for instance in started:
                instance.cleanup()
            for mail_server in (catcher, current and current.catcher):  # the outbox story replaces the first
                if mail_server is not None:
                    mail_server.stop()
            if saved is None:
                os.environ.pop("REQUESTS_CA_BUNDLE", None)
            else:
                os.environ["REQUESTS_CA_BUNDLE"] = saved


# --- a browser pinned to one instance -----------------------------------------------------------------------------


def at(instance, url: str) -> str:
    """url with the instance's own address instead of the public one (nginx would forward the same path)."""
    parts, own = urlsplit(url), urlsplit(instance.url)
    return urlunsplit((own.scheme, own.netloc, parts.path, parts.query, ""))


def on_instance(browser: requests.Session, instance, method: str, url: str, **kwargs) -> requests.Response:
    """The request a browser makes to the public URL, sent to one instance as nginx would: same path, same cookies
    (the Secure ones too: nginx speaks plain HTTP to the instances)."""
    headers = dict(kwargs.pop("headers", None) or {})
    cookies = "; ".join(f"{c.name}={c.value}" for c in browser.cookies)
    if cookies:
        headers["Cookie"] = cookies
    return browser.request(method, at(instance, url), headers=headers, allow_redirects=False, timeout=TIMEOUT, **kwargs)


def follow_on(browser, instance, public_url: str, response: requests.Response, page_url: str):
    """Follows the gateway's own redirects on the same instance; returns (response, its public URL)."""
    for _ in range(10):
        if response.status_code not in (301, 302, 303, 307, 308):
            return response, page_url
        target = urljoin(page_url, response.headers["Location"])
        if not target.startswith(public_url + "/"):
            return response, page_url  # leaves the gateway: the application's redirect_uri
        page_url = target
        response = on_instance(browser, instance, "GET", target)
    pytest.fail(f"more than 10 redirects from {page_url}")


# --- 0. the files the README shows ----------------------------------------------------------------------------------


def fenced_blocks(text: str) -> list:
    return [block for _, block in re.findall(r"^```(\w*)\n(.*?)^```", text, re.M | re.S)]


def test_the_readme_shows_the_nginx_configuration_and_the_systemd_unit_as_they_are_tested():
    readme = README.read_text()
    match = re.search(r"^## Several instances behind nginx\n(.*?)(?=^## )", readme, re.M | re.S)
    assert match, "README.md should have a section '## Several instances behind nginx'"
    blocks = fenced_blocks(match.group(1))
    for path in (NGINX_SITE, UNIT, ENV_EXAMPLE):
        assert path.read_text() in blocks, f"the README's section should show {path.relative_to(ROOT)} exactly as it is"


def test_the_systemd_unit_passes_systemd_analyze_verify(persopoint_bin, tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed (Debian's systemd package)")
    unit = tmp_path / "persopoint.service"
    (exec_start,) = unit_directives()["ExecStart"]
    program = shlex.split(exec_start)[0]
    # The unit as written, but for where persopoint is installed (verify checks that the program exists).
    unit.write_text(UNIT.read_text().replace(program, str(Path(persopoint_bin).resolve())))
    done = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60)
    complaints = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert done.returncode == 0 and not complaints, f"systemd-analyze verify ({done.returncode}):\n" + "\n".join(complaints)
    environment_file()  # and its environment file is one systemd reads


# --- 1. several hosts booting at once ---------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["production", "development"])
def test_instances_started_at_once_on_an_empty_database_all_come_up(persopoint_bin, mode):
    """Three hosts boot at the same moment on a new, empty database: each instance migrates on start (and, in
    development mode, adds the demo data); all three must come up, whoever gets there first."""
    with OwnDatabase("boot") as database:
        settings = environment_file()
        settings.update({"DATABASE_URL": database.url, "PERSOPOINT_PUBLIC_URL": "https://127.0.0.1:9",
                         "PERSOPOINT_HOST": "127.0.0.1", "PERSOPOINT_TRUSTED_PROXIES": "127.0.0.1",
                         "PERSOPOINT_SMTP_URL": "smtp://127.0.0.1:9", "PERSOPOINT_EID_PORT": "0"})
        extra = ["--dev"] if mode == "development" else []
        instances = [Instance(persopoint_bin, f"boot-{mode[:3]}-{i + 1}-{uuid.uuid4().hex[:4]}", settings, extra)
                     for i in range(INSTANCES)]
        try:
            failures = start_all(instances)
            came_up = [i.name for i, f in zip(instances, failures) if f is None]
            print(f"\n[boot, {mode}] {len(came_up)} of {INSTANCES} instances started at once on an empty database came up")
            problems = [f"{i.name} ({i.process.returncode if i.process else 'no process'}): ...\n{last_words(i)}"
                        for i, f in zip(instances, failures) if f is not None]
            assert not problems, (
                f"{len(problems)} of {INSTANCES} instances started at the same moment on an empty database did not come up "
                f"({mode} mode):\n" + "\n\n".join(problems)
            )
            # And they agree on the built-in applications' registration: PersoSelfService's redirect is registered once.
            rows = database.query("SELECT count(*) FROM oidc_clients WHERE client_id = 'persoselfservice'")
            assert rows == [["1"]], f"PersoSelfService registered {rows} times"
        finally:
            for instance in instances:
                instance.cleanup()


def last_words(instance, lines: int = 3) -> str:
    """The last lines an instance wrote, each cut to a readable length."""
    written = [line for line in instance.log_tail(lines + 1).splitlines() if line.strip() and not line.startswith("=== ")]
    return "\n".join(f"    {line[:600]}" for line in written[-lines:])


# --- 2. a login that travels ----------------------------------------------------------------------------------------


def test_a_login_begun_on_one_instance_finishes_on_another(deployment):
    a, b, c = deployment.instances
    public = deployment.public_url
    discovery = deployment.discovery()
    assert discovery["issuer"] == deployment.issuer, discovery["issuer"]
    client = deployment.register_client("travel")
    sophie = deployment.people["Sophie"]
    flow = authorization_request(client, discovery)

    with Browser() as browser:
        # The authorization request and the key chooser at instance A ...
        chooser, chooser_url = follow_on(browser, a, public, on_instance(browser, a, "GET", flow.url), flow.url)
        password_key = key_chooser_keys(chooser)["key-password"]
        assert key_is_enabled(password_key), f"the password key should be offered:\n{chooser.text[:1500]}"
        page_url = urljoin(chooser_url, password_key.attrs["href"])
        page, page_url = follow_on(browser, a, public, on_instance(browser, a, "GET", page_url), page_url)
        form = parse_html(page.text).find("form", id="password-form")
        assert form is not None, f"no password form at instance A:\n{page.text[:1500]}"
        fields = form_fields(form)
        fields.update({"username": sophie["username"], "password": sophie["password"]})
        # ... the password posted to instance B, which knows the login transaction and the session from the database ...
        action = urljoin(page_url, form.attrs.get("action") or page_url)
        answer = on_instance(browser, b, "POST", action, data=fields)
        answer, _ = follow_on(browser, b, public, answer, action)
        assert answer.status_code in (302, 303), (
            f"the password posted to instance B should send Sophie back to the application, got {answer.status_code} "
            f"({form_error(answer) if answer.status_code == 200 else answer.headers.get('Location')}):\n{answer.text[:1500]}"
        )
        location = urljoin(action, answer.headers["Location"])
        callback_code(flow, location, deployment.issuer)

        # ... and the code exchanged at instance C (Authlib), whose tokens every instance honours.
        at_c = dict(discovery, token_endpoint=at(c, discovery["token_endpoint"]))
        token, session = exchange_code(client, at_c, flow, location)
        check_token_response(token, session)
        claims = verify_id_token(token["id_token"], discovery, deployment.issuer, client, nonce=flow.nonce,
                                 access_token=token["access_token"])
        assert claims["acr"].endswith("Level200"), claims["acr"]
        for instance in (a, b, c):
            info = requests.get(at(instance, discovery["userinfo_endpoint"]), timeout=TIMEOUT,
                                headers={"Authorization": f"Bearer {token['access_token']}"})
            assert info.status_code == 200 and info.json()["sub"] == claims["sub"], (
                f"userinfo at {instance.name} with the token instance C issued → {info.status_code}: {info.text[:300]}"
            )
        # The session instance B began is Sophie's on every instance: single sign-on, wherever nginx sends her.
        for instance in (a, b, c):
            again = authorization_request(client, discovery, prompt="none")
            response, _ = follow_on(browser, instance, public, on_instance(browser, instance, "GET", again.url), again.url)
            assert response.status_code in (302, 303) and "code=" in response.headers.get("Location", ""), (
                f"prompt=none at {instance.name} after the login at B: {response.status_code} {response.headers.get('Location')}"
            )
    print(f"\n[travel] authorization request at :{a.port}, password at :{b.port}, code exchanged at :{c.port}; "
          f"userinfo and single sign-on on all {INSTANCES}")


def selfservice_login(base_url: str, person: dict, *, callback_at=None) -> tuple:
    """PersoSelfService → the gateway → the token card key (Level300): username, password, the code at the position
    asked → back on the personal data page. callback_at: the instance that gets the way back to PersoSelfService
    (the code it exchanges); otherwise whichever nginx picks. Returns (browser, the personal data page)."""
    browser, response = submit_token_card_login(base_url, PERSONAL, person)
    for _ in range(10):
        if response.status_code not in (302, 303):
            break
        target = urljoin(response.url if response.url.startswith(base_url) else base_url + "/", response.headers["Location"])
        if callback_at is not None and urlsplit(target).path == "/selfservice/callback":
            response = on_instance(browser, callback_at, "GET", target)
        else:
            response = browser.get(target)
    else:
        pytest.fail(f"{person['givenName']}: more than 10 redirects after the token card code")
    personal = response
    assert personal.status_code == 200 and urlsplit(personal.url).path == PERSONAL, (
        f"{person['givenName']} should be on {PERSONAL} after the token card code"
        f"{f' (the way back at {callback_at.name})' if callback_at else ''}, got {personal.status_code} at "
        f"{personal.url}:\n{personal.text[:1500]}"
    )
    return browser, personal


def test_selfservice_lets_sophie_in_whichever_instance_gets_her_back(deployment):
    """PersoSelfService is a relying party inside every instance, with the secret copied to each as the README says:
    whichever instance gets the way back from the gateway exchanges the code, and every instance then knows Sophie's
    session (nginx sends her requests round the instances)."""
    for instance in deployment.instances:
        before = len(deployment.nginx.access_log())
        browser, _ = selfservice_login(deployment.public_url, deployment.people["Sophie"], callback_at=instance)
        with browser:
            for _ in range(2 * INSTANCES):
                page = follow(browser, deployment.public_url + PERSONAL)
                assert page.status_code == 200 and parse_html(page.text).find("form", id="personal-data-form") is not None, (
                    f"Sophie's personal data page through nginx (she came back at {instance.name}) → {page.status_code} "
                    f"at {page.url}:\n{page.text[:800]}"
                )
        served = Counter(entry[4] for entry in deployment.nginx.access_log()[before:])
        assert len(served) == INSTANCES, f"nginx should have sent Sophie's requests to all {INSTANCES} instances: {dict(served)}"
    print(f"\n[selfservice] Sophie came back to PersoSelfService at each of the {INSTANCES} instances and was in; "
          f"her later requests through nginx, by instance: {dict(served)}")


# --- 3. the client address ------------------------------------------------------------------------------------------


class FromAddress(HTTPAdapter):
    """Connects from another loopback address, so that nginx sees a client that is not itself."""

    def __init__(self, address: str):
        self.address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        kwargs["source_address"] = (self.address, 0)
        return super().init_poolmanager(*args, **kwargs)


def test_the_client_address_is_the_one_nginx_saw(deployment):
    """Sophie connects to nginx from 127.0.0.2 and her browser (or something on the way) writes X-Forwarded-For:
    198.51.100.7. The instances trust nginx (127.0.0.1) alone, and nginx writes the address it saw: "my activity"
    shows her login from 127.0.0.2."""
    client = deployment.register_client("address")
    discovery = deployment.discovery()
    with Browser() as browser:
        browser.mount("https://", FromAddress("127.0.0.2"))
        browser.headers.update({"X-Forwarded-For": "198.51.100.7", "Accept-Language": "en"})
        flow = authorization_request(client, discovery)
        login(browser, flow.url, deployment.people["Sophie"], redirect_uri=client.redirect_uri)
        activity = follow(browser, f"{deployment.public_url}/fas/activity")
        assert activity.status_code == 200, f"/fas/activity → {activity.status_code}: {activity.text[:500]}"
        table = parse_html(activity.text).find(id="activity")
        assert table is not None, f"no #activity on my activity:\n{activity.text[:1500]}"
        rows = [row.text for row in table.find_all("tr")][1:]
    assert rows, "my activity lists nothing after a login"
    newest = rows[0]
    assert "127.0.0.2" in newest, f"the newest line of my activity should name 127.0.0.2, the address nginx saw: {newest!r}"
    assert "198.51.100.7" not in activity.text, "an X-Forwarded-For the browser wrote must not be believed"
    print(f"\n[address] my activity's newest line: {newest!r}")


def test_nginx_sends_plain_http_to_https_and_keeps_metrics_to_itself(deployment):
    plain = requests.get(f"http://127.0.0.1:{deployment.nginx.http_port}/selfservice", allow_redirects=False, timeout=TIMEOUT)
    assert plain.status_code == 301 and plain.headers["Location"].startswith("https://"), (plain.status_code, plain.headers)
    metrics = requests.get(f"{deployment.public_url}/metrics", timeout=TIMEOUT)
    assert metrics.status_code == 404, f"/metrics through nginx → {metrics.status_code}"
    for instance in deployment.instances:
        assert instance.get("/metrics").status_code == 200, f"{instance.name}'s own /metrics"


# --- 4. what one instance is told, all know ------------------------------------------------------------------------


def kids(instance) -> list:
    response = requests.get(at(instance, "/fas/oauth2/connect/jwk_uri"), timeout=TIMEOUT)
    assert response.status_code == 200, f"{instance.name} JWKS → {response.status_code}"
    return [key["kid"] for key in response.json()["keys"]]


def client_credentials(url: str, client: Client) -> dict:
    response = requests.post(url, data={"grant_type": "client_credentials"}, auth=(client.client_id, client.client_secret),
                             timeout=TIMEOUT)
    assert response.status_code == 200, f"client_credentials at {url} → {response.status_code}: {response.text[:300]}"
    return response.json()


def test_a_key_rotation_done_on_one_instance_is_seen_by_all(deployment):
    instances = deployment.instances
    discovery = deployment.discovery()
    client = deployment.register_client("rotation", grant_types=("client_credentials",))
    before = {i.name: kids(i) for i in instances}
    done = instances[0].run("keys", "rotate")
    new_kid = re.search(r"pp-[A-Za-z0-9_-]+", done.stdout)
    assert new_kid, f"`persopoint keys rotate` should name the new key: {done.stdout!r}"
    new_kid = new_kid.group(0)
    rotated = time.monotonic()
    assert all(new_kid not in listed for listed in before.values()), before

    seen_after = {}
    for instance in instances:
        wait_until(lambda: new_kid in kids(instance), KEY_ROTATION_BOUND - (time.monotonic() - rotated),
                   f"{instance.name}'s JWKS listing the key rotated on {instances[0].name} ({new_kid})", interval=0.5)
        seen_after[instance.name] = round(time.monotonic() - rotated, 1)
    for instance in instances:
        assert set(before[instance.name]) <= set(kids(instance)), "the old key stays published (for an hour)"

    # A token each instance signs now carries the new key and verifies against every instance's JWKS.
    key_sets = {i.name: JsonWebKey.import_key_set(requests.get(at(i, discovery["jwks_uri"]), timeout=TIMEOUT).json())
                for i in instances}
    for signer in instances:
        token = client_credentials(at(signer, discovery["token_endpoint"]), client)["access_token"]
        assert jwt_header(token)["kid"] == new_kid, f"{signer.name} still signs with {jwt_header(token)['kid']}, not {new_kid}"
        for name, key_set in key_sets.items():
            claims = JsonWebToken(["ES256"]).decode(token, key_set)
            assert claims["iss"] == deployment.issuer, claims
    print(f"\n[rotation] new key {new_kid} listed after (s): {seen_after}; tokens of all {INSTANCES} verify on all")


def maintenance_state(instance) -> tuple:
    closed = instance.get("/selfservice")
    portal = instance.get("/")
    return (closed.status_code, closed.headers.get("Retry-After"), "maintenance-page" in closed.text,
            portal.status_code, "maintenance-banner" in portal.text)


def test_a_maintenance_window_started_with_the_cli_is_seen_by_all(deployment):
    instances = deployment.instances
    until = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=20)).replace(microsecond=0)
    instances[-1].run("maintenance", "start", "--until", until.isoformat())
    started = time.monotonic()
    try:
        for instance in instances:
            state = wait_until(lambda: (s := maintenance_state(instance))[0] == 503 and s, MAINTENANCE_BOUND,
                               f"{instance.name} closing PersoSelfService for the maintenance", interval=0.25)
            status, retry_after, page, portal, banner = state
            assert retry_after and int(retry_after) > 0 and page, f"{instance.name}: the maintenance page with Retry-After: {state}"
            assert portal == 200 and banner, f"{instance.name}: the portal stays up with the banner: {state}"
        closed_after = round(time.monotonic() - started, 1)
        through = requests.get(f"{deployment.public_url}/selfservice", allow_redirects=False, timeout=TIMEOUT)
        assert through.status_code == 503, f"through nginx during maintenance: {through.status_code}"
    finally:
        instances[0].run("maintenance", "end")
    ended = time.monotonic()
    for instance in instances:
        wait_until(lambda: maintenance_state(instance)[0] != 503, MAINTENANCE_BOUND,
                   f"{instance.name} opening again after `maintenance end`", interval=0.25)
    print(f"\n[maintenance] every instance closed within {closed_after} s and open again within "
          f"{time.monotonic() - ended:.1f} s")


# --- 5. the outbox ------------------------------------------------------------------------------------------------


def test_the_outbox_sends_each_message_once_however_many_instances_deliver(deployment):
    """MAILS people ask for an e-mailed code at once, through nginx, while the mail server is down: each code e-mail
    is written by whichever instance handles that login, which tries it at once and fails. When the mail server
    comes back, the messages are due again and every instance's worker (each looks every second) reaches for them.
    Each e-mail must reach the mail server exactly once."""
    port = deployment.catcher.port
    deployment.catcher.stop()
    attempts_before = {i.name: len(i.outbox_attempts()) for i in deployment.instances}
    client = deployment.register_client("outbox", min_level=350)
    rp = RelyingParty(deployment.instances[0], client, deployment.discovery(), 350)
    people = [p for p in deployment.people.values() if p.get("email")]

    def ask(n: int):
        person = people[n % len(people)]
        code_login = CodeLogin(rp, person, "email")
        try:
            code_login.to_code_page()
        finally:
            code_login.close()
        return person["email"]

    with ThreadPoolExecutor(6) as pool:
        addresses = list(pool.map(ask, range(MAILS)))
    wanted = Counter(addresses)
    wait_until(lambda: len(deployment.database.query(
        "SELECT id FROM outbox_messages WHERE status = 'pending' AND attempts >= 1")) >= MAILS, 10,
        f"the {MAILS} code e-mails tried once while the mail server is down")
    catcher = deployment.catcher = MailCatcher(port).start()  # the mail server is back
    wait_until(lambda: len(catcher.messages) >= MAILS, 30, f"{MAILS} code e-mails at the mail server once it is back")
    time.sleep(3)  # three more looks of every worker: a copy would show
    received = catcher.messages
    ids = Counter(m.message_id for m in received)
    copies = {mid: n for mid, n in ids.items() if n > 1}
    by_address = Counter(r for m in received for r in m.rcpt_tos)

    tried_by: dict = {}  # outbox message → the instances that tried it
    delivered_by = Counter()
    deliveries = Counter()
    for instance in deployment.instances:
        for message, delivered in instance.outbox_attempts()[attempts_before[instance.name]:]:
            tried_by.setdefault(message, set()).add(instance.name)
            if delivered:
                delivered_by[instance.name] += 1
                deliveries[message] += 1
    handed_over = sum(1 for names in tried_by.values() if len(names) > 1)
    rows = deployment.database.query(
        "SELECT status, count(*) FROM outbox_messages WHERE channel = 'email' GROUP BY status ORDER BY status")
    print(f"\n[outbox] {MAILS} code e-mails asked while the mail server was down; once back: {len(received)} received, "
          f"{len(ids)} distinct Message-IDs, {sum(n - 1 for n in copies.values())} copies; delivered by instance "
          f"{dict(delivered_by)}; {handed_over} messages tried by more than one instance; outbox {dict(map(tuple, rows))}")
    assert all(ids), "every e-mail needs a Message-ID"
    assert not copies, f"e-mails sent more than once: {copies}"
    assert len(received) == MAILS and by_address == wanted, f"expected {dict(wanted)} e-mails, got {dict(by_address)}"
    twice = {m: n for m, n in deliveries.items() if n > 1}
    assert not twice, f"outbox messages the instances' logs say were delivered more than once: {twice}"
    assert dict(map(tuple, rows)).get("pending") is None, f"messages left pending: {rows}"


def test_a_sender_publishes_a_large_document_through_nginx_and_every_instance_knows_it(deployment):
    """The eBox's publish API behind nginx: a 3 MiB document (nginx's default limit is 1 MiB) streams through to one
    instance; every instance then answers for it. (After the outbox story: its notice e-mail is not one of those.)"""
    sender = deployment.instances[0].cli_json("demo", "credentials")["senders"][0]
    discovery = deployment.discovery()
    token = requests.post(discovery["token_endpoint"], data={"grant_type": "client_credentials", "scope": "ebox:publish"},
                          auth=(sender["clientID"], sender["clientSecret"]), timeout=TIMEOUT)
    assert token.status_code == 200, f"the demo sender's token through nginx → {token.status_code}: {token.text[:300]}"
    headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
    document = b"".join(b"Fiche de paie, ligne %07d\n" % n for n in range(120_000))  # about 3 MiB
    message_id = f"several-{uuid.uuid4().hex[:16]}"
    metadata = {"recipient": deployment.people["Sophie"]["nrn"], "messageId": message_id, "type": "payslip",
                "language": "fr", "subject": "Fiche de paie", "registered": False,
                "digests": {"main": base64.urlsafe_b64encode(hashlib.sha256(document).digest()).rstrip(b"=").decode()}}
    published = requests.post(f"{deployment.public_url}/ebox/api/v1/messages", headers=headers, timeout=60, files=[
        ("metadata", (None, json.dumps(metadata), "application/json")), ("main", ("fiche.txt", document, "text/plain"))])
    assert published.status_code == 201, f"{len(document)} bytes through nginx → {published.status_code}: {published.text[:300]}"
    for instance in deployment.instances:
        status = instance.get(f"/ebox/api/v1/messages/{message_id}", headers=headers)
        assert status.status_code == 200, f"{instance.name} on the document published through nginx → {status.status_code}"
    print(f"\n[ebox] {len(document)} bytes published through nginx; all {INSTANCES} instances answer for it")


# --- 6. kill -9 under load ------------------------------------------------------------------------------------------


@dataclass
class Call:
    kind: str
    method: str
    path: str
    started: float
    ended: float
    status: "int | None"  # None: no HTTP answer at all
    error: "str | None" = None

    @property
    def failed(self) -> bool:
        return self.status is None or self.status >= 500


class Ledger:
    def __init__(self):
        self.lock = threading.Lock()
        self.calls: list = []
        self.surprises: list = []  # answers that were HTTP answers but not the expected ones

    def add(self, call: Call):
        with self.lock:
            self.calls.append(call)

    def surprise(self, what: str):
        with self.lock:
            self.surprises.append(what)


class CountingBrowser(Browser):
    """A Browser that writes every request it makes, with its timing and outcome, into the ledger."""

    def __init__(self, ledger: Ledger, kind: str):
        super().__init__()
        self.ledger = ledger
        self.kind = kind

    def request(self, method, url, **kwargs):
        started = time.monotonic()
        try:
            response = super().request(method, url, **kwargs)
        except requests.RequestException as error:
            self.ledger.add(Call(self.kind, method, urlsplit(url).path, started, time.monotonic(), None, type(error).__name__))
            raise
        self.ledger.add(Call(self.kind, method, urlsplit(url).path, started, time.monotonic(), response.status_code))
        return response


class Stop(Exception):
    """A step of a flow got no useful answer: the flow is abandoned (the ledger says why)."""


def expect(response: requests.Response, ok: bool, ledger: Ledger, what: str):
    if not ok:
        if response.status_code < 500:
            ledger.surprise(f"{what}: {response.status_code} {response.text[:200]}")
        raise Stop(what)


@dataclass
class Acknowledged:
    logins: list = field(default_factory=list)  # (access_token, browser, client)
    tokens: list = field(default_factory=list)  # (access_token, client)
    refreshes: list = field(default_factory=list)  # the acknowledged successors, in order
    saves: list = field(default_factory=list)  # phone numbers
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, item):
        with self.lock:
            getattr(self, kind).append(item)


def token_request(session, discovery, client: Client, data: dict) -> requests.Response:
    return session.post(discovery["token_endpoint"], data=data, auth=(client.client_id, client.client_secret))


def test_kill_9_of_one_instance_under_load_loses_no_acknowledged_write(deployment):
    public = deployment.public_url
    discovery = deployment.discovery()
    login_client = deployment.register_client("load")
    machine = deployment.register_client("machine", grant_types=("client_credentials",))
    people = list(deployment.people.values())
    savers = [deployment.people["Pieter"], deployment.people["Lena"]] if "Lena" in deployment.people else people[1:3]
    ledger = Ledger()
    acknowledged = Acknowledged()
    stop = threading.Event()

    # Ready before the load: a refresh token to rotate, and PersoSelfService sessions to save with.
    with Browser() as browser:
        flow = authorization_request(login_client, discovery)
        location = login(browser, flow.url, people[0], redirect_uri=login_client.redirect_uri)
        first, _ = exchange_code(login_client, discovery, flow, location)
    saver_sessions = []
    for index, person in enumerate(savers):
        browser, page = selfservice_login(public, person)
        form = parse_html(page.text).find("form", id="personal-data-form")
        saver_sessions.append((index, person, browser, form_fields(form)["_csrf"]))

    def logins(n: int):
        person = people[n % len(people)]
        while not stop.is_set():
            browser = CountingBrowser(ledger, "login")
            browser.headers["Accept-Language"] = "en"
            rp = CountingBrowser(ledger, "login")
            try:
                flow = authorization_request(login_client, discovery)
                chooser = follow(browser, flow.url)
                expect(chooser, chooser.status_code == 200 and "key-password" in chooser.text, ledger, "key chooser")
                link = key_chooser_keys(chooser)["key-password"].attrs["href"]
                page = follow(browser, urljoin(chooser.url, link))
                expect(page, page.status_code == 200 and "password-form" in page.text, ledger, "password page")
                answer = follow_response(browser, submit_password(browser, page, person["username"], person["password"]))
                expect(answer, answer.status_code in (302, 303), ledger, "password")
                code = query_of(answer.headers["Location"]).get("code")
                exchanged = token_request(rp, discovery, login_client, {
                    "grant_type": "authorization_code", "code": code, "redirect_uri": login_client.redirect_uri,
                    "code_verifier": flow.code_verifier})
                expect(exchanged, exchanged.status_code == 200, ledger, "code exchange")
                access_token = exchanged.json()["access_token"]
                acknowledged.add("logins", (access_token, browser))
                info = rp.get(discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {access_token}"})
                expect(info, info.status_code == 200, ledger, "userinfo")
            except Stop:
                pass
            except requests.RequestException:
                pass

    def grants():
        with CountingBrowser(ledger, "client_credentials") as session:
            while not stop.is_set():
                try:
                    answer = token_request(session, discovery, machine, {"grant_type": "client_credentials"})
                    expect(answer, answer.status_code == 200, ledger, "client_credentials")
                    acknowledged.add("tokens", answer.json()["access_token"])
                except (Stop, requests.RequestException):
                    pass

    def refreshes():
        token = first["refresh_token"]
        with CountingBrowser(ledger, "refresh") as session:
            while not stop.is_set():
                try:
                    answer = token_request(session, discovery, login_client, {"grant_type": "refresh_token", "refresh_token": token})
                    expect(answer, answer.status_code == 200, ledger, "refresh")
                except (Stop, requests.RequestException):
                    continue  # the answer was lost: the same refresh token again (the rotation's promise)
                token = answer.json()["refresh_token"]
                acknowledged.add("refreshes", token)

    def saves(index: int, person: dict, browser: Browser, csrf: str):
        counting = CountingBrowser(ledger, "save")
        counting.cookies = browser.cookies
        counting.headers.update(browser.headers)
        n = 0
        while not stop.is_set():
            n += 1
            phone = f"+32 47{index} {n:07d}"
            values = {name: "" for name in FORM_FIELDS}
            values.update({"_csrf": csrf, "phone": phone})
            try:
                answer = counting.post(public + PERSONAL, data=values)
                expect(answer, answer.status_code == 303 and answer.headers.get("Location", "").endswith("?done=saved"),
                       ledger, f"{person['givenName']}'s save")
                acknowledged.add("saves", phone)
            except (Stop, requests.RequestException):
                pass

    def reads():
        with CountingBrowser(ledger, "userinfo") as session:
            while not stop.is_set():
                try:
                    session.get(discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {first['access_token']}"})
                    session.get(discovery["jwks_uri"])
                except requests.RequestException:
                    pass

    victim = deployment.instances[1]
    threads = [threading.Thread(target=logins, args=(n,)) for n in range(3)]
    threads += [threading.Thread(target=grants) for _ in range(2)]
    threads += [threading.Thread(target=refreshes), threading.Thread(target=reads)]
    threads += [threading.Thread(target=saves, args=s) for s in saver_sessions]
    log_before = len(deployment.nginx.access_log())
    began = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(KILL_AFTER)
    kill_started = time.monotonic()
    victim.kill()
    kill_done = time.monotonic()
    time.sleep(max(0.0, LOAD_SECONDS - (time.monotonic() - began)))
    stop.set()
    for thread in threads:
        thread.join(30)
    elapsed = time.monotonic() - began

    calls = list(ledger.calls)
    failed = [c for c in calls if c.failed]
    in_flight = [c for c in failed if c.started <= kill_done and c.ended >= kill_started]
    not_in_flight = [c for c in failed if c not in in_flight]
    failed_reads = [c for c in failed if c.method == "GET"]
    after_kill = [c for c in calls if c.started > kill_done]
    by_kind = Counter(c.kind for c in calls)
    failed_by_kind = Counter(c.kind for c in failed)

    # Afterwards, on the surviving instances (through nginx, which tries the dead one again after 10 s and must then
    # pass every request on): every acknowledged write is there. Each check says what it saw when it fails.
    def session_lost(item) -> "str | None":
        access_token, browser = item
        info = requests.get(discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {access_token}"}, timeout=TIMEOUT)
        if info.status_code != 200:
            return f"userinfo {info.status_code} {info.text[:120]}"
        again = authorization_request(login_client, discovery, prompt="none")
        answer = follow(browser, again.url)
        if answer.status_code not in (302, 303) or "code=" not in answer.headers.get("Location", ""):
            return f"prompt=none {answer.status_code} {answer.headers.get('Location', answer.text[:120])}"
        return None

    def token_lost(access_token) -> "str | None":
        answer = requests.post(discovery["introspection_endpoint"], data={"token": access_token},
                               auth=(machine.client_id, machine.client_secret), timeout=TIMEOUT)
        if answer.status_code != 200 or answer.json().get("active") is not True:
            return f"introspection {answer.status_code} {answer.text[:120]}"
        return None

    with ThreadPoolExecutor(8) as pool:
        sessions_lost = [r for r in pool.map(session_lost, acknowledged.logins) if r]
        tokens_lost = [r for r in pool.map(token_lost, acknowledged.tokens) if r]
    last_refresh = acknowledged.refreshes[-1] if acknowledged.refreshes else first["refresh_token"]
    with requests.Session() as session:
        refresh_after = token_request(session, discovery, login_client, {"grant_type": "refresh_token", "refresh_token": last_refresh})
    phones = {row[0] for row in deployment.database.query(
        "SELECT new_value FROM selfservice_personal_changes WHERE field = 'phone' AND new_value IS NOT NULL")}
    saves_missing = [phone for phone in acknowledged.saves if phone not in phones]
    for _, _, browser, _ in saver_sessions:
        browser.close()
    retried = [e for e in deployment.nginx.access_log()[log_before:] if "," in e[4]]

    print(
        f"\n[kill -9] {elapsed:.1f} s of load through nginx, {victim.name} (:{victim.port}) killed after {KILL_AFTER:g} s: "
        f"requests sent {len(calls)}, answered {len(calls) - len(failed)}, failed {len(failed)} "
        f"(in flight at the kill {len(in_flight)}, of which GET {len([c for c in in_flight if c.method == 'GET'])}); "
        f"sent after the kill {len(after_kill)}; nginx passed {len(retried)} requests on from the dead instance\n"
        f"  requests by kind {dict(by_kind)}, failed by kind {dict(failed_by_kind)}\n"
        f"  acknowledged: logins {len(acknowledged.logins)}, client_credentials tokens {len(acknowledged.tokens)}, "
        f"refresh rotations {len(acknowledged.refreshes)}, personal-data saves {len(acknowledged.saves)}\n"
        f"  surviving: sessions {len(acknowledged.logins) - len(sessions_lost)}/{len(acknowledged.logins)}, "
        f"tokens {len(acknowledged.tokens) - len(tokens_lost)}/{len(acknowledged.tokens)}, "
        f"last refresh token {'works' if refresh_after.status_code == 200 else refresh_after.status_code}, "
        f"saves in the history {len(acknowledged.saves) - len(saves_missing)}/{len(acknowledged.saves)}"
    )
    assert len(after_kill) > 0 and acknowledged.logins and acknowledged.tokens and acknowledged.saves, "the load did not run"
    assert not not_in_flight, (
        f"{len(not_in_flight)} requests failed that were not in flight at the kill (nginx should have sent them to a "
        f"surviving instance): {[(c.kind, c.method, c.path, c.status, c.error, round(c.started - kill_started, 2)) for c in not_in_flight[:8]]}"
    )
    assert not failed_reads, (
        f"GET requests in flight at the kill failed (nginx passes an idempotent request on): "
        f"{[(c.kind, c.path, c.status, c.error) for c in failed_reads[:8]]}"
    )
    assert not ledger.surprises, f"answers that were neither right nor a failure of the killed instance: {ledger.surprises[:8]}"
    assert not sessions_lost, f"{len(sessions_lost)} acknowledged logins lost their session or token: {sessions_lost[:5]}"
    assert not tokens_lost, f"{len(tokens_lost)} acknowledged client_credentials tokens are no longer active: {tokens_lost[:5]}"
    assert refresh_after.status_code == 200, (
        f"the last acknowledged refresh token no longer works: {refresh_after.status_code} {refresh_after.text[:300]}"
    )
    assert not saves_missing, f"acknowledged personal-data saves missing from the history: {saves_missing[:10]}"
