"""Bounded tables (issue 20): after a run of 10,000 tokens — client-credentials grants, logins and single sign-on —
the purge leaves only what can still be used. Before issue 20 every client-credentials token was a grant row of its
own, a revoked grant and its refresh tokens stayed until the refresh tokens expired (12 hours), one person's logins
piled up grants without end, there was no way to run the purge as of a later time, and every `/authorize` from a new
browser left a session row.

The run, on an instance of its own (SQLite): machines take 8,400 client-credentials tokens, which share one grant per
client, scope and 5-minute window (a row or two, not 8,400); people log in with username and password in browsers of
their own (Argon2 makes those the slow part, so there are a hundred of them), and four people who stay logged in at
the gateway let their application come back for codes again and again (single sign-on: every round is a new grant, a
code and a refresh token, hundreds per person); some refresh tokens are rotated, some revoked, some people log out,
and new browsers open the authorization endpoint without going further. One more login, made last, is the one whose
refresh token must keep working.

Time cannot be waited for in a test. The purge is run with `persopoint purge --as-of <ISO 8601> --data-dir D --json`,
which runs every purge job as if it were that time and prints what it deleted (a JSON object: job → rows, such as
"gateway grants, codes and refresh tokens" and "sessions").
It is asked twice:

1. 25 minutes ahead: every code (60 s), every access token (10 min) and every idle session (20 min) has expired by
   then; refresh tokens (12 h) have not. Gone must be: every code, every grant that nothing can use any more (client
   credentials, revoked grants, grants whose refresh tokens are all gone), every refresh token of a revoked grant, every
   session past its limits; and nobody keeps more than 50 live grants with one application (the oldest of the
   hundreds the single sign-on rounds made were revoked at each login, and go). The last login's refresh token still works
   afterwards (a new access token that userinfo accepts), and a revoked one stays refused.
2. 13 hours ahead: every refresh token and every session (12 h at most) has expired: nothing of the run remains in
   oidc_grants, oidc_codes, oidc_refresh_tokens or sessions.

The instance is stopped while the purge runs (it also purges on its own, every 5 minutes): the rows each table lost
are then the purge's alone, and what `--json` says the gateway's job and the sessions' job deleted must be those rows.

Before the run, a shorter story on the same instance: 200 new browsers that an application sends to the gateway and
that go no further add no row to any table (an anonymous visitor costs no database write until they submit
something).

Rows are counted in the instance's SQLite database (python's sqlite3, read-only); dates there are seconds since 1970.
"""

from __future__ import annotations

import base64
import datetime
import json
import secrets
import socket
import sqlite3
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, quote, urlencode, urljoin, urlsplit

import pytest
import requests

from .conftest import TIMEOUT, Browser, login, parse_html
from .servers import extra_servers  # noqa: F401  (fixture)

CLIENT_CREDENTIALS = 8_400  # grants to machines
SSO_ROUNDS = 1_500  # codes through an existing gateway session, each exchanged for tokens (a grant each)
PASSWORD_LOGINS = 100  # full logins in new browsers (Argon2-bound)
ANONYMOUS_VISITS = 200  # new browsers that open /authorize and go no further
ROTATE_EVERY = 10  # every 10th SSO round also rotates its refresh token once
REVOKE_EVERY = 25  # every 25th SSO round revokes its refresh token (RFC 7009): the grant is revoked
LOG_OUT_EVERY = 10  # every 10th password login ends with a logout at the gateway: its grants are revoked
THREADS = 4
ACCESS_TOKEN_LIFETIME = 600  # seconds (ProviderSettings.accessTokenLifetime)
STANDING_GRANT_WINDOW = 300  # seconds: a client's client-credentials tokens share a grant (TokenService.standingGrantWindow)
LIVE_GRANTS_PER_PERSON_AND_CLIENT = 50  # TokenService.liveGrantsPerPersonAndClient
GATEWAY_JOB = "gateway grants, codes and refresh tokens"  # the purge's names for its jobs (`persopoint purge --json`)
SESSIONS_JOB = "sessions"
JOB_TABLES = {GATEWAY_JOB: ("oidc_grants", "oidc_codes", "oidc_refresh_tokens"), SESSIONS_JOB: ("sessions",)}
AHEAD_SHORT = datetime.timedelta(minutes=25)
AHEAD_LONG = datetime.timedelta(hours=13)


# --- counting rows ------------------------------------------------------------------------------------------------


def counts(server, at: float) -> dict:
    """What the four tables hold, and how much of it is of no use any more at time `at` (seconds since 1970)."""
    spent_after = at - (ACCESS_TOKEN_LIFETIME + 60)
    queries = {
        "grants": "SELECT count(*) FROM oidc_grants",
        "grants for machines": "SELECT count(*) FROM oidc_grants WHERE person_id IS NULL",
        "grants revoked": "SELECT count(*) FROM oidc_grants WHERE revoked_at IS NOT NULL",
        # Nothing can use it: no code or refresh token left that is still valid at `at`, and every access token from
        # it expired (it was made longer ago than an access token lives).
        "grants spent": """SELECT count(*) FROM oidc_grants g WHERE g.created_at < :spent
              AND NOT EXISTS (SELECT 1 FROM oidc_codes c WHERE c.grant_id = g.id AND c.expires_at > :at)
              AND NOT EXISTS (SELECT 1 FROM oidc_refresh_tokens r WHERE r.grant_id = g.id AND r.expires_at > :at)""",
        "codes": "SELECT count(*) FROM oidc_codes",
        "codes expired": "SELECT count(*) FROM oidc_codes WHERE expires_at <= :at",
        "refresh tokens": "SELECT count(*) FROM oidc_refresh_tokens",
        "refresh tokens used": "SELECT count(*) FROM oidc_refresh_tokens WHERE used_at IS NOT NULL",
        "refresh tokens expired": "SELECT count(*) FROM oidc_refresh_tokens WHERE expires_at <= :at",
        "refresh tokens of revoked grants": """SELECT count(*) FROM oidc_refresh_tokens r
              JOIN oidc_grants g ON g.id = r.grant_id WHERE g.revoked_at IS NOT NULL""",
        "refresh tokens without grant": """SELECT count(*) FROM oidc_refresh_tokens r
              WHERE NOT EXISTS (SELECT 1 FROM oidc_grants g WHERE g.id = r.grant_id)""",
        "sessions": "SELECT count(*) FROM sessions",
        "sessions expired": "SELECT count(*) FROM sessions WHERE expires_at <= :at OR last_seen_at <= :at - idle_seconds",
        "most grants of one person and client": """SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM oidc_grants
              WHERE person_id IS NOT NULL GROUP BY person_id, client_id)""",
        "most live grants of one person and client": """SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n
              FROM oidc_grants WHERE person_id IS NOT NULL AND revoked_at IS NULL GROUP BY person_id, client_id)""",
    }
    connection = sqlite3.connect(f"file:{server.database}?mode=ro", uri=True, timeout=TIMEOUT)
    try:
        return {name: connection.execute(sql, {"at": at, "spent": spent_after}).fetchone()[0] for name, sql in queries.items()}
    finally:
        connection.close()


def show(title: str, found: dict):
    print(f"{title}: " + ", ".join(f"{name} {value}" for name, value in found.items()))


def purge_as_of(server, when: datetime.datetime) -> dict:
    """`persopoint purge --as-of WHEN --json` on the instance's data directory; what it says it deleted."""
    stamp = when.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    done = server.cli_plain("purge", "--as-of", stamp, "--json")
    if done.returncode != 0:
        pytest.fail(
            f"`persopoint purge --as-of {stamp} --json --data-dir …` exited with {done.returncode}: the test needs a "
            "purge command that runs every purge job as if at that time and prints the rows it deleted as JSON.\n"
            f"stdout: {done.stdout[-1500:]}\nstderr: {done.stderr[-1500:]}",
            pytrace=False,
        )
    try:
        deleted = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"`persopoint purge --json` printed no JSON:\n{done.stdout[-1500:]}", pytrace=False)
    assert isinstance(deleted, dict), f"`persopoint purge --json` should print an object (what → rows deleted): {deleted!r}"
    missing = [job for job in JOB_TABLES if job not in deleted]
    assert not missing, f"`persopoint purge --json` should name the jobs {missing}: {deleted}"
    return deleted


def purge_alone(server, when: datetime.datetime) -> tuple:
    """The purge as of WHEN with the instance stopped, then started again: (what it said it deleted, the rows each
    table lost). Stopped, the instance cannot purge on its own meanwhile, so the rows that went are the purge's."""
    server.stop()
    try:
        before = row_counts(server)
        deleted = purge_as_of(server, when)
        after = row_counts(server)
    finally:
        server.start()
    return deleted, {table: before[table] - after.get(table, 0) for table in before}


def miscounts(deleted: dict, lost: dict) -> dict:
    """The jobs whose count is not the rows their tables lost: job → (said, lost)."""
    found = {}
    for job, tables in JOB_TABLES.items():
        gone = sum(lost.get(table, 0) for table in tables)
        if deleted.get(job) != gone:
            found[job] = (deleted.get(job), gone)
    return found


# --- the run ------------------------------------------------------------------------------------------------------


class Connection:
    """HTTP/1.1 with keep-alive over one socket, for the run's many small requests: a client library would spend as
    much CPU per request as the server, on the same two cores."""

    def __init__(self, port: int):
        self.port = port
        self.socket: "socket.socket | None" = None
        self.buffer = b""

    def close(self):
        if self.socket is not None:
            self.socket.close()
        self.socket, self.buffer = None, b""

    def request(self, method: str, target: str, headers: dict, body: bytes = b"") -> tuple:
        """(status, headers with lower-case names, body)."""
        head = [f"{method} {target} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", f"Content-Length: {len(body)}"]
        head += [f"{name}: {value}" for name, value in headers.items()]
        data = ("\r\n".join(head) + "\r\n\r\n").encode() + body
        for attempt in (1, 2):
            reused = self.socket is not None
            if not reused:
                self.socket = socket.create_connection(("127.0.0.1", self.port), timeout=TIMEOUT)
            try:
                self.socket.sendall(data)
                return self._read()
            except (ConnectionError, EOFError):
                self.close()
                if not reused or attempt == 2:  # a kept-alive connection the server had closed: once more on a new one
                    raise
        raise AssertionError("unreachable")

    def _read(self) -> tuple:
        while b"\r\n\r\n" not in self.buffer:
            self._receive()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers.setdefault(name.strip().lower(), value.strip())
        length = int(headers.get("content-length", "0"))
        while len(self.buffer) < length:
            self._receive()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers, body

    def _receive(self):
        chunk = self.socket.recv(65536)
        if not chunk:
            raise EOFError("the server closed the connection")
        self.buffer += chunk


class Load:
    """Counts what the run did, from several threads."""

    def __init__(self, server, rp: dict, machine: dict):
        self.server = server
        self.port = server.port
        self.rp_auth = basic(rp["client_id"], rp["client_secret"])
        self.base = server.url
        self.rp = rp
        self.machine = machine
        self.redirect_uri = rp["redirect_uri"]
        self.token_endpoint = f"{self.base}/fas/oauth2/access_token"
        self.done = Counter()
        self.problems = []
        self.revoked_refresh_tokens = []
        self.lock = threading.Lock()

    def count(self, what: str, ok: bool = True, problem: "str | None" = None):
        with self.lock:
            self.done[what if ok else f"{what} failed"] += 1
            if problem and len(self.problems) < 10:
                self.problems.append(f"{what}: {problem}")

    def authorization_url(self, **extra) -> str:
        return self.base + self.authorization_path(**extra)

    def authorization_path(self, **extra) -> str:
        params = {"client_id": self.rp["client_id"], "redirect_uri": self.redirect_uri, "response_type": "code",
                  "scope": "openid profile", "state": secrets.token_urlsafe(16), "nonce": secrets.token_urlsafe(16), **extra}
        return f"/fas/oauth2/authorize?{urlencode(params)}"

    def post_token(self, connection: Connection, what: str, **form) -> "dict | None":
        """A token request of the relying party over the run's own connection."""
        status, _, body = connection.request("POST", "/fas/oauth2/access_token", {
            "Authorization": self.rp_auth, "Content-Type": "application/x-www-form-urlencoded"}, urlencode(form).encode())
        self.count(what, status == 200, f"{status} {body[:200]!r}")
        return json.loads(body) if status == 200 else None

    def token(self, session: requests.Session, what: str, **form) -> "dict | None":
        response = session.post(self.token_endpoint, data=form, auth=(self.rp["client_id"], self.rp["client_secret"]), timeout=TIMEOUT)
        ok = response.status_code == 200
        self.count(what, ok, None if ok else f"{response.status_code} {response.text[:200]}")
        return response.json() if ok else None

    def exchange(self, session: requests.Session, location: str) -> "dict | None":
        code = parse_qs(urlsplit(location).query).get("code", [None])[0]
        if code is None:
            self.count("code exchanges", False, f"no code in {location}")
            return None
        return self.token(session, "code exchanges", grant_type="authorization_code", code=code, redirect_uri=self.redirect_uri)

    def client_credentials(self, n: int):
        connection = Connection(self.port)
        headers = {"Authorization": basic(self.machine["client_id"], self.machine["client_secret"]),
                   "Content-Type": "application/x-www-form-urlencoded"}
        try:
            for _ in range(n):
                status, _, body = connection.request("POST", "/fas/oauth2/access_token", headers, b"grant_type=client_credentials")
                self.count("client credentials", status == 200 and b'"access_token"' in body, f"{status} {body[:200]!r}")
        finally:
            connection.close()

    def sso_rounds(self, person: dict, n: int):
        """One password login, then n rounds of single sign-on: /authorize answers with a code at once."""
        connection = Connection(self.port)
        with Browser() as browser, requests.Session() as rp_session:
            tokens = self.exchange(rp_session, login(browser, self.authorization_url(), person, redirect_uri=self.redirect_uri))
            self.count("password logins", tokens is not None)
            cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in browser.cookies)
            try:
                for i in range(1, n + 1):
                    extra = {"prompt": "none"} if i % 2 else {}
                    status, headers, _ = connection.request("GET", self.authorization_path(**extra), {"Cookie": cookies})
                    location = headers.get("location", "")
                    if status not in (302, 303) or not location.startswith(self.redirect_uri):
                        self.count("single sign-on rounds", False, f"{status} → {location}")
                        continue
                    self.count("single sign-on rounds")
                    code = parse_qs(urlsplit(location).query).get("code", [""])[0]
                    tokens = self.post_token(connection, "code exchanges", grant_type="authorization_code", code=code,
                                             redirect_uri=self.redirect_uri)
                    if tokens is None:
                        continue
                    if i % ROTATE_EVERY == 0:
                        self.post_token(connection, "refresh rotations", grant_type="refresh_token", refresh_token=tokens["refresh_token"])
                    elif i % REVOKE_EVERY == 0:
                        status, _, body = connection.request("POST", "/fas/oauth2/token/revoke", {
                            "Authorization": self.rp_auth, "Content-Type": "application/x-www-form-urlencoded"},
                            urlencode({"token": tokens["refresh_token"], "token_type_hint": "refresh_token"}).encode())
                        self.count("revocations", status == 200, f"{status} {body[:200]!r}")
                        with self.lock:
                            self.revoked_refresh_tokens.append(tokens["refresh_token"])
            finally:
                connection.close()

    def password_logins(self, people: list, indexes: range):
        with requests.Session() as rp_session:
            for i in indexes:
                with Browser() as browser:
                    location = login(browser, self.authorization_url(), people[i % len(people)], redirect_uri=self.redirect_uri)
                    self.count("password logins", self.exchange(rp_session, location) is not None)
                    if i % LOG_OUT_EVERY == 0:
                        self.log_out(browser)

    def log_out(self, browser: Browser):
        """The logout button of the gateway's account pages: every grant of the SSO session is revoked."""
        page = browser.get(f"{self.base}/fas/activity")
        form = next((f for f in parse_html(page.text).find_all("form") if (f.attrs.get("action") or "").endswith("/fas/logout")), None)
        if form is None:
            self.count("logouts", False, f"no logout form on /fas/activity ({page.status_code})")
            return
        fields = {n.attrs["name"]: n.attrs.get("value", "") for n in form.find_all("input") if n.attrs.get("name")}
        response = browser.post(urljoin(page.url, form.attrs["action"]), data=fields)
        self.count("logouts", response.status_code in (200, 302, 303), f"{response.status_code} {response.text[:200]}")

    def anonymous_visits(self, n: int):
        """New browsers (no cookie) at the authorization endpoint, sent on to the key chooser."""
        connection = Connection(self.port)
        try:
            for _ in range(n):
                status, _, _ = connection.request("GET", self.authorization_path(), {})
                self.count("anonymous visits", status in (302, 303), f"{status}")
        finally:
            connection.close()


def basic(client_id: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{quote(client_id, safe='')}:{quote(secret, safe='')}".encode()).decode()


def split(total: int, parts: int) -> list:
    return [total // parts + (1 if k < total % parts else 0) for k in range(parts)]


@pytest.fixture(scope="module")
def instance(extra_servers):  # noqa: F811
    """An instance of the module's own (SQLite), a relying party (code flow, refresh) and a machine client."""
    server = extra_servers("purge", eid_port=0)
    rp_id = f"purge-rp-{uuid.uuid4().hex[:8]}"
    redirect_uri = f"http://127.0.0.1:9/callback/{rp_id}"
    rp = server.cli("client", "add", "--id", rp_id, "--redirect-uri", redirect_uri, "--scopes", "openid profile",
                    "--grant-types", "authorization_code,refresh_token", "--min-level", "200")
    rp["redirect_uri"] = redirect_uri
    machine = server.cli("client", "add", "--id", f"purge-machine-{uuid.uuid4().hex[:8]}", "--grant-types", "client_credentials")
    return server, rp, machine


def row_counts(server) -> dict:
    connection = sqlite3.connect(f"file:{server.database}?mode=ro", uri=True, timeout=TIMEOUT)
    try:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}
    finally:
        connection.close()


def test_new_browsers_at_the_authorization_endpoint_leave_no_row_behind(instance):
    """An anonymous visitor costs no database write until they submit something: 200 new browsers sent to the key
    chooser by an application add no row to any table (today each leaves a session row). The first visitor is not
    counted: what an instance sets up once (a key to seal cookies with, say) is not a cost per visitor."""
    server, rp, machine = instance
    Load(server, rp, machine).anonymous_visits(1)  # the first visitor may meet what an instance sets up once
    load = Load(server, rp, machine)
    before = row_counts(server)
    load.anonymous_visits(ANONYMOUS_VISITS)
    after = row_counts(server)
    grown = {table: after[table] - before.get(table, 0) for table in after if after[table] > before.get(table, 0)}
    print(f"\n{ANONYMOUS_VISITS} new browsers at /authorize: {dict(load.done)}; rows added: {grown or 'none'}")
    assert load.done["anonymous visits"] == ANONYMOUS_VISITS, f"the visits were not sent on to the key chooser: {load.problems}"
    assert not grown, f"{ANONYMOUS_VISITS} anonymous visits of /authorize wrote rows: {grown}"


def test_after_ten_thousand_logins_and_grants_the_purge_leaves_only_what_can_still_be_used(instance):
    server, rp, machine = instance
    redirect_uri = rp["redirect_uri"]
    people = server.cli("demo", "credentials")["people"]
    load = Load(server, rp, machine)

    started = time.monotonic()
    run_began = time.time()
    with ThreadPoolExecutor(3 * THREADS) as pool:
        jobs = [pool.submit(load.client_credentials, n) for n in split(CLIENT_CREDENTIALS, THREADS)]
        jobs += [pool.submit(load.sso_rounds, people[k % len(people)], n) for k, n in enumerate(split(SSO_ROUNDS, THREADS))]
        jobs += [pool.submit(load.password_logins, people, range(k, PASSWORD_LOGINS, 2)) for k in range(2)]
        jobs += [pool.submit(load.anonymous_visits, ANONYMOUS_VISITS)]
        for job in jobs:
            job.result()
    elapsed = time.monotonic() - started
    run_windows = int(time.time() // STANDING_GRANT_WINDOW) - int(run_began // STANDING_GRANT_WINDOW) + 1
    tokens = load.done["client credentials"] + load.done["code exchanges"]
    print(f"\nrun: {elapsed:.1f} s, {tokens} tokens granted ({tokens / elapsed:.0f}/s): {dict(sorted(load.done.items()))}")
    failed = {what: n for what, n in load.done.items() if what.endswith("failed")}
    assert not failed, f"the run itself failed: {failed}; {load.problems}"
    assert tokens >= 9_900, f"the run granted only {tokens} tokens"

    # The last login: its refresh token must survive every purge that happens while it is valid.
    with Browser() as browser, requests.Session() as rp_session:
        keeper = load.exchange(rp_session, login(browser, load.authorization_url(), people[0], redirect_uri=redirect_uri))
    assert keeper and keeper.get("refresh_token"), f"the last login got no refresh token: {keeper}"

    now = datetime.datetime.now(datetime.timezone.utc)
    before = counts(server, (now + AHEAD_SHORT).timestamp())
    show("before the purge (\"expired\": as of 25 minutes ahead)", before)
    assert before["grants for machines"] <= run_windows, (
        f"{load.done['client credentials']} client-credentials tokens of one client and scope, taken within "
        f"{run_windows} window(s) of {STANDING_GRANT_WINDOW} s, should share a grant per window; they made "
        f"{before['grants for machines']} grant rows"
    )
    # The bound holds at each login: the single sign-on rounds made hundreds of grants for one person and application,
    # and all but the newest 50 were revoked as they went.
    assert before["most grants of one person and client"] > LIVE_GRANTS_PER_PERSON_AND_CLIENT, (
        f"the run should give someone more than {LIVE_GRANTS_PER_PERSON_AND_CLIENT} grants with one application "
        f"(single sign-on rounds), or the bound is not put to the test: {before}"
    )
    assert before["most live grants of one person and client"] <= LIVE_GRANTS_PER_PERSON_AND_CLIENT, (
        f"already before any purge nobody should keep more than {LIVE_GRANTS_PER_PERSON_AND_CLIENT} live grants with "
        f"one application (the oldest is revoked at each login): {before}"
    )

    # 1. As of 25 minutes ahead.
    short = now + AHEAD_SHORT
    deleted, lost = purge_alone(server, short)
    said_and_lost = [("25 minutes ahead", deleted, lost)]
    after = counts(server, short.timestamp())
    print(f"purge as of {short:%H:%M:%S} UTC said it deleted {deleted}; rows lost: { {t: n for t, n in lost.items() if n} }")
    show("after", after)
    left = {name: after[name] for name in ("grants for machines", "grants revoked", "grants spent", "codes", "codes expired",
                                            "refresh tokens expired", "refresh tokens of revoked grants",
                                            "refresh tokens without grant", "sessions expired")}
    assert not any(left.values()), (
        f"25 minutes on, the purge should leave nothing that cannot be used any more; left: "
        f"{ {name: n for name, n in left.items() if n} }"
    )
    assert after["most live grants of one person and client"] <= LIVE_GRANTS_PER_PERSON_AND_CLIENT, (
        f"after the purge one person still has {after['most live grants of one person and client']} live grants with "
        f"one application (at most {LIVE_GRANTS_PER_PERSON_AND_CLIENT}: the oldest are revoked)"
    )
    assert after["grants"] > 0 and after["refresh tokens"] > 0, (
        f"the purge took away grants that still have valid refresh tokens: {after}"
    )
    assert all(isinstance(n, int) and n >= 0 for n in deleted.values()) and sum(deleted.values()) > 0, (
        f"`persopoint purge --json` should print what it deleted (name → rows): {deleted}"
    )

    # The last login's refresh token still works; a revoked one is still refused.
    with requests.Session() as rp_session:
        refreshed = load.token(rp_session, "keeper refresh", grant_type="refresh_token", refresh_token=keeper["refresh_token"])
        assert refreshed and refreshed.get("access_token"), (
            f"after the purge, the last login's refresh token (valid for 12 hours) was refused: {load.problems[-1:]}"
        )
        info = rp_session.get(f"{server.url}/fas/oauth2/userinfo", headers={"Authorization": f"Bearer {refreshed['access_token']}"},
                              timeout=TIMEOUT)
        assert info.status_code == 200 and info.json().get("sub"), f"userinfo with the refreshed token → {info.status_code}: {info.text[:300]}"
        if load.revoked_refresh_tokens:
            response = rp_session.post(load.token_endpoint, data={"grant_type": "refresh_token", "refresh_token": load.revoked_refresh_tokens[0]},
                                       auth=(rp["client_id"], rp["client_secret"]), timeout=TIMEOUT)
            assert response.status_code == 400 and response.json().get("error") == "invalid_grant", (
                f"a revoked refresh token must stay refused after the purge: {response.status_code} {response.text[:300]}"
            )

    # 2. As of 13 hours ahead: nothing of the run is left.
    long = datetime.datetime.now(datetime.timezone.utc) + AHEAD_LONG
    deleted, lost = purge_alone(server, long)
    said_and_lost.append(("13 hours ahead", deleted, lost))
    final = counts(server, long.timestamp())
    print(f"purge as of {long:%Y-%m-%d %H:%M} UTC said it deleted {deleted}; rows lost: { {t: n for t, n in lost.items() if n} }")
    show("after", final)
    remaining = {name: final[name] for name in ("grants", "codes", "refresh tokens", "sessions")}
    assert not any(remaining.values()), f"13 hours on, every refresh token and session has expired; still there: {remaining}"

    # Last, what the purge said: each job's count is the rows its tables lost (the instance was stopped meanwhile).
    wrong = {when: found for when, deleted, lost in said_and_lost if (found := miscounts(deleted, lost))}
    assert not wrong, (
        "`persopoint purge --json` should say how many rows each job deleted; (said, rows its tables lost): "
        + "; ".join(f"as of {when}: {found}" for when, found in wrong.items())
    )
