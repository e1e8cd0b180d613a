"""A relying party on another origin than the gateway, for the end-to-end tests (not a test file).

Apache httpd with mod_auth_openidc (Debian's apache2 and libapache2-mod-auth-openidc), configured by
tests/e2e/apache/relying-party.conf around the Apache configuration README.md shows (its example names replaced by
this run's: the README's configuration is the one tested), listening on http://localhost:PORT while the gateway is at
PERSOPOINT_URL (http://127.0.0.1:...): another host name and another port, so another origin and another site,
as a real outside application is. It is registered at the running gateway with `persopoint client add` as a
confidential client (client_secret_basic, minimum Level200).

The fixture `outside_application` (session scope) starts it and stops it at the end; its log is kept in
test-artifacts/apache-rp/.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "apache"
ROOT = HERE.parents[1]
README = ROOT / "README.md"
README_SECTION = "## Connecting an application (relying party)"
ARTIFACTS = ROOT / "test-artifacts" / "apache-rp"
APACHE = os.environ.get("PERSOPOINT_APACHE", "/usr/sbin/apache2")
MODULE = "/usr/lib/apache2/modules/mod_auth_openidc.so"
SCOPES = "openid profile email egovnrn roles"
READY_TIMEOUT = 30  # seconds
STOP_TIMEOUT = 15  # seconds between SIGTERM and SIGKILL


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _require_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(f"{name} is not set: run ./scripts/test.sh (it sets PERSOPOINT_URL, PERSOPOINT_BIN and "
                    "PERSOPOINT_DATA_DIR for its server)", pytrace=False)
    return value


def persopoint(*args: str) -> subprocess.CompletedProcess:
    """`persopoint ARGS --data-dir $PERSOPOINT_DATA_DIR`: the running server's own data directory."""
    command = [_require_env("PERSOPOINT_BIN"), *args, "--data-dir", _require_env("PERSOPOINT_DATA_DIR")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        pytest.fail(f"`{' '.join(command)}` exited with {done.returncode}:\n{done.stdout}\n{done.stderr}", pytrace=False)
    return done


def readme_configuration(replacements: dict) -> str:
    """The ```apache block of README.md's section README_SECTION, each example value replaced (every one must be
    there: the README and the tested configuration are one)."""
    text = README.read_text(encoding="utf-8")
    assert README_SECTION in text, f"README.md has no section {README_SECTION!r}"
    section = text.split(README_SECTION, 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```apache\n(.*?)```", section, re.DOTALL)
    assert block, f"README.md's {README_SECTION!r} has no ```apache block"
    config = block.group(1)
    for example, value in replacements.items():
        assert example in config, f"README.md's Apache configuration no longer has {example!r}; update apache_rp.py"
        config = config.replace(example, value)
    return config


@dataclass
class OutsideApplication:
    """The running Apache relying party."""

    url: str  # http://localhost:PORT
    gateway_url: str  # PERSOPOINT_URL
    client_id: str
    directory: Path  # its ServerRoot: config, pages, logs
    process: "subprocess.Popen | None" = None

    @property
    def protected(self) -> str:
        return f"{self.url}/protected/"

    @property
    def logout(self) -> str:
        """mod_auth_openidc's logout: its own session, then the gateway's end_session_endpoint, then this page."""
        return f"{self.url}/protected/redirect_uri?logout={self.url}/loggedout.html"

    def error_log(self, lines: int = 10) -> str:
        """The last errors and warnings mod_auth_openidc and Apache logged (not the start-up notices)."""
        try:
            text = (self.directory / "logs" / "error.log").read_text(errors="replace")
        except OSError:
            return "(no error log)"
        kept = [line for line in text.splitlines()
                if re.search(r":(error|crit|alert|emerg|warn)\]", line) and "SHOULD be \"https\"" not in line
                and "SHOULD be https" not in line]
        return "\n".join(kept[-lines:]) or "(nothing)"

    def stop(self):
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)  # the parent stops its children and removes its pid file
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_TIMEOUT)


def start_outside_application(gateway_url: str) -> OutsideApplication:
    if not (os.path.isfile(APACHE) and os.path.isfile(MODULE)):
        pytest.fail(f"{APACHE} or {MODULE} is missing: install apache2 and libapache2-mod-auth-openidc "
                    "(./scripts/setup.sh system)", pytrace=False)
    port = free_port()
    url = f"http://localhost:{port}"
    client_id = f"outside-app-{uuid.uuid4().hex[:8]}"
    registered = persopoint(
        "client", "add", "--id", client_id, "--name", "Outside application",
        "--redirect-uri", f"{url}/protected/redirect_uri", "--post-logout-uri", f"{url}/loggedout.html",
        "--scopes", SCOPES, "--min-level", "200", "--confidential", "--auth-method", "client_secret_basic", "--json",
    )
    output = json.loads(registered.stdout)
    assert output.get("client_id") == client_id and output.get("client_secret"), f"client add --json printed {output}"

    directory = Path(tempfile.mkdtemp(prefix="persopoint-apache-rp-"))
    for name in ("run", "logs", "cgi"):
        (directory / name).mkdir()
    shutil.copytree(TEMPLATE / "htdocs", directory / "htdocs")
    shutil.copy(TEMPLATE / "claims.cgi", directory / "cgi" / "claims.cgi")
    shutil.copy(TEMPLATE / "relying-party.conf", directory / "relying-party.conf")
    shutil.copy(TEMPLATE / "error-template.html", directory / "error-template.html")
    passphrase = secrets.token_urlsafe(24)
    (directory / "from-readme.conf").write_text(readme_configuration({
        "https://gateway.example.be": gateway_url,
        "https://app.example.be": url,
        "OIDCClientID my-app": f"OIDCClientID {client_id}",
        '"the secret client add printed"': f'"{output["client_secret"]}"',
        '"a long random string"': f'"{passphrase}"',
        "/etc/apache2/login-error.html": str(directory / "error-template.html"),
    }))
    (directory / "from-readme.conf").chmod(0o600)  # the client secret: read by Apache's parent only
    (directory / "cgi" / "claims.cgi").chmod(0o755)
    # Started as root, Apache's workers run as www-data: they read the pages and run the CGI script.
    for path in [directory, *directory.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)

    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG": "C.UTF-8",
        "RP_DIR": str(directory),
        "RP_PORT": str(port),
    }
    config = str(directory / "relying-party.conf")
    checked = subprocess.run([APACHE, "-f", config, "-t"], env=env, capture_output=True, text=True, timeout=30)
    if checked.returncode != 0:
        pytest.fail(f"apache2 -t refused {config}:\n{checked.stderr}", pytrace=False)

    rp = OutsideApplication(url, gateway_url, client_id, directory)
    log = open(directory / "logs" / "stderr.log", "w")
    # A session of its own: on SIGTERM Apache's parent signals its whole process group, which must not be pytest's.
    rp.process = subprocess.Popen([APACHE, "-f", config, "-DFOREGROUND"], env=env, stdin=subprocess.DEVNULL,
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    deadline = time.monotonic() + READY_TIMEOUT
    while True:
        if rp.process.poll() is not None:
            rp.process = None
            pytest.fail(f"apache2 exited before answering:\n{(directory / 'logs' / 'stderr.log').read_text()}\n"
                        f"{rp.error_log()}", pytrace=False)
        try:
            if requests.get(f"{url}/index.html", timeout=2).status_code == 200:
                return rp
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            rp.stop()
            pytest.fail(f"apache2 did not answer at {url} within {READY_TIMEOUT} s:\n{rp.error_log()}", pytrace=False)
        time.sleep(0.2)


@pytest.fixture(scope="session")
def outside_application(base_url):
    rp = start_outside_application(base_url)
    try:
        yield rp
    finally:
        rp.stop()
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for name in ("error.log", "access.log", "stderr.log"):
            source = rp.directory / "logs" / name
            if source.is_file():
                shutil.copy(source, ARTIFACTS / name)
        shutil.rmtree(rp.directory, ignore_errors=True)
