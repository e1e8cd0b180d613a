"""A stranger guessing Marc's password never keeps Marc out of the browser he uses.

Marc logs in to an application once in his browser, which from then on carries a device cookie. A stranger then
sends a wrong password for Marc's username every second, from browsers that never logged in: after 5 failures each
try of the username waits (30 s, doubling). Meanwhile Marc logs in again three times in his browser (the application
asks prompt=login, so the password is really typed each time) and gets in every time. In a browser he never used
(another computer), the right password is refused with the wait message: the waits hold for everyone else.

A gateway of its own, so that the waits imposed on Marc's username touch no other test. The application is a small
relying party in a thread (an HTTP server on 127.0.0.1 that exchanges the code with Authlib and greets the person).
"""

import html
import os
import re
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from interop.code_login import RelyingParty, form_error  # noqa: E402
from interop.conftest import (  # noqa: E402
    Browser,
    Client,
    authorization_request,
    callback_code,
    exchange_code,
    follow,
    key_chooser_keys,
    submit_password,
    verify_id_token,
)
from interop.servers import ExtraServer, free_port  # noqa: E402

WRONG = "The username or password is incorrect."
WAIT = re.compile(r"^Too many failed attempts\. Try again in \d+ (minutes?|seconds)\.$")
ATTACK_LIMIT = 40  # seconds: the stranger gives up after this, whatever happens
OWNER_RETURNS = 3


@pytest.fixture(scope="module")
def gateway():
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.fail("PERSOPOINT_BIN is not set: run ./scripts/test.sh", pytrace=False)
    server = ExtraServer(binary, "e2e-owner", eid_port=0).start()
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def marc(gateway):
    people = {person["givenName"]: person for person in gateway.cli("demo", "credentials")["people"]}
    return people["Marc"]


class Application:
    """The relying party: sends people to the gateway with Authlib-built requests (Level200), and at its callback
    exchanges the code, verifies the ID token and greets the person. Every arrival is kept (claims, or the error)."""

    def __init__(self, gateway):
        self.port = free_port()
        self.redirect_uri = f"http://127.0.0.1:{self.port}/callback"
        client_id = f"e2e-owner-{uuid.uuid4().hex[:10]}"
        output = gateway.cli(
            "client", "add", "--id", client_id, "--redirect-uri", self.redirect_uri, "--scopes", "openid profile",
            "--grant-types", "authorization_code", "--min-level", "200", "--confidential", "--auth-method", "client_secret_basic",
        )
        assert output.get("client_id") == client_id and output.get("client_secret"), output
        client = Client(client_id, output["client_secret"], [self.redirect_uri], [], "client_secret_basic", "openid profile")
        discovery = gateway.get("/fas/oauth2/.well-known/openid-configuration").json()
        self.rp = RelyingParty(gateway, client, discovery, 200)
        self.flows = {}  # state → Flow
        self.arrivals = []  # (state, claims or None, error or None)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def login_url(self, **params) -> str:
        flow = authorization_request(self.rp.client, self.rp.discovery, **params)
        with self.lock:
            self.flows[flow.state] = flow
        return flow.url

    def arrived(self) -> list:
        with self.lock:
            return list(self.arrivals)

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        app = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if not self.path.startswith("/callback?"):  # the browser's /favicon.ico, say
                    self.send_error(404)
                    return
                location = f"{app.redirect_uri}{self.path[len('/callback'):]}"
                state = re.search(r"[?&]state=([^&]+)", location)
                flow = app.flows.get(state.group(1)) if state else None
                claims = error = None
                try:
                    assert flow is not None, f"a callback for no login this application started: {location}"
                    callback_code(flow, location, app.rp.issuer)
                    token, _ = exchange_code(app.rp.client, app.rp.discovery, flow, location)
                    claims = verify_id_token(token["id_token"], app.rp.discovery, app.rp.issuer, app.rp.client,
                                             nonce=flow.nonce, access_token=token["access_token"])
                except BaseException as problem:  # noqa: BLE001 — kept for the test to report
                    error = f"{type(problem).__name__}: {problem}"
                with app.lock:
                    app.arrivals.append((state and state.group(1), claims, error))
                if claims:
                    body = (f"<h1 id='welcome'>Welcome, {html.escape(claims['given_name'])} {html.escape(claims['family_name'])}</h1>"
                            f"<p>Logged in through PersoPoint at {html.escape(claims['acr'])}.</p>")
                else:
                    body = f"<h1 id='failed'>Login failed</h1><pre>{html.escape(str(error))}</pre>"
                page = f"<!doctype html><html lang='en'><title>Test application</title><body>{body}</body></html>".encode()
                self.send_response(200 if claims else 500)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture(scope="module")
def application(gateway):
    app = Application(gateway)
    yield app
    app.close()


class Stranger(threading.Thread):
    """Every second, from a browser that never logged in (a new one each time), a wrong password for the username.
    Keeps every answer: "wrong", "wait", or anything else (which the test reports)."""

    def __init__(self, application, username):
        super().__init__(daemon=True)
        self.application, self.username = application, username
        self.answers = []
        self.stop = threading.Event()
        self.lock = threading.Lock()

    def run(self):
        deadline = time.monotonic() + ATTACK_LIMIT
        while not self.stop.is_set() and time.monotonic() < deadline:
            answer = self.try_once()
            with self.lock:
                self.answers.append(answer)
            self.stop.wait(1.0)

    def try_once(self) -> str:
        try:
            with Browser() as browser:
                browser.headers["Accept-Language"] = "en"
                chooser = follow(browser, self.application.login_url())
                password_page = follow(browser, urljoin(chooser.url, key_chooser_keys(chooser)["key-password"].attrs["href"]))
                response = submit_password(browser, password_page, self.username, "Guess-" + uuid.uuid4().hex[:8])
                if response.status_code != 200:
                    return f"other: {response.status_code} {response.headers.get('Location')}"
                error = form_error(response) or ""
                return "wrong" if error == WRONG else "wait" if WAIT.match(error) else f"other: {error!r}"
        except Exception as problem:  # noqa: BLE001 — reported by the test
            return f"other: {type(problem).__name__}: {problem}"

    def seen(self) -> list:
        with self.lock:
            return list(self.answers)

    def end(self):
        self.stop.set()
        self.join(15)


def log_in_with_password(page, url, person):
    """From the application's login link: the key chooser, the password key, username and password."""
    page.goto(url)
    expect(page).to_have_url(re.compile(r"/fas/login\?tx="))
    page.locator("a#key-password").click()
    page.locator("#username").fill(person["username"])
    page.locator("#password").fill(person["password"])
    page.locator("#password-submit").click()


def test_a_stranger_guessing_marcs_password_never_keeps_him_out_of_his_own_browser(browser, gateway, application, marc, screenshot):
    english = {"base_url": gateway.url, "locale": "en-GB", "extra_http_headers": {"Accept-Language": "en"}}
    own_browser = browser.new_context(**english)
    own_browser.set_default_timeout(15_000)
    other_computer = browser.new_context(**english)
    other_computer.set_default_timeout(15_000)
    page = own_browser.new_page()
    stranger = Stranger(application, marc["username"])
    try:
        # Marc logs in to the application once; his browser is now one he uses.
        log_in_with_password(page, application.login_url(), marc)
        expect(page.locator("#welcome")).to_have_text("Welcome, Marc Lambert")
        device = [c for c in own_browser.cookies() if c["name"] == "persopoint_device"]
        assert device and device[0]["httpOnly"], f"no HttpOnly persopoint_device cookie after the login: {own_browser.cookies()}"

        # The stranger starts guessing; after 5 wrong passwords the username waits.
        stranger.start()
        deadline = time.monotonic() + 15
        while "wait" not in stranger.seen() and time.monotonic() < deadline and stranger.is_alive():
            time.sleep(0.2)
        seen = stranger.seen()
        assert "wait" in seen, f"the stranger's tries should make the username wait after 5 failures: {seen}"

        # Marc comes back three times while the stranger keeps going, and types his password each time.
        for visit in range(1, OWNER_RETURNS + 1):
            time.sleep(2)
            before = len(application.arrived())
            log_in_with_password(page, application.login_url(prompt="login"), marc)
            expect(page.locator("#welcome")).to_have_text("Welcome, Marc Lambert")
            state, claims, error = application.arrived()[before]
            assert error is None and claims["acr"].endswith("Level200"), (state, claims, error)
            assert stranger.seen()[-1] == "wait", f"while Marc logs in the username still waits for others: {stranger.seen()}"
            screenshot(page, f"owner-gets-in-{visit}-en.png")

        # On another computer even the right password waits.
        other = other_computer.new_page()
        arrivals = len(application.arrived())
        log_in_with_password(other, application.login_url(), marc)
        expect(other.locator("p.form-error")).to_have_text(WAIT)
        expect(other).to_have_url(re.compile(r"/fas/login/password$"))
        screenshot(other, "owner-new-browser-waits-en.png")
        assert len(application.arrived()) == arrivals, "the other computer must not reach the application"
    finally:
        stranger.end()
        own_browser.close()
        other_computer.close()

    answers = stranger.seen()
    odd = [a for a in answers if a not in ("wrong", "wait")]
    assert not odd, f"the stranger's tries should only be refused as wrong or waiting: {odd}"
    assert answers[:5] == ["wrong"] * 5 and answers.count("wrong") <= 6, f"5 free failures, then waits: {answers}"
    assert not any(error for _, _, error in application.arrived()), application.arrived()
