"""The mobile identity service (the itsme role) as a third-party CIBA relying party uses it: plain HTTP (requests),
its own EC P-256 key (cryptography), nothing but the contract.

A relying party makes its key, writes the public JWKS to a file and is registered with `persopoint mobileid
client-add` (poll mode); a second one with --ping pointing at a tiny HTTP server of the test (ping mode). It reads the
provider's discovery document under /mobileid, asks for a login by the person's phone number (bc-authorize, with a
fresh private_key_jwt assertion on every call), is told authorization_pending, polls again at once and is told
slow_down, waits the grown interval, and — once Sophie confirmed on her phone by tapping the number 47 it shows and
typing her code — collects the tokens once: an ID token verified against jwks_uri (iss, aud, acr Level450, amr,
egovNRN = her national number), an access token that userinfo accepts. The ping client is notified with its bearer
client_notification_token and the auth_req_id, then collects.

The test is the phone too: it pairs a device key for a demo person through the development route and answers with
calls signed over the message bytes. Every error code the contract lists is provoked: at bc-authorize (invalid_request,
invalid_scope, invalid_binding_message, unknown_user_id, invalid_client for a missing, forged or replayed assertion,
access_denied for a locked app and for push bombing) and at the token endpoint (authorization_pending, slow_down,
expired_token, access_denied after a refusal or a wrong number, invalid_grant, unsupported_grant_type, invalid_client).
access_denied is a 403 at bc-authorize (CIBA Core §13) but a 400 at the token endpoint (RFC 6749 §5.2).

A server of its own (--dev: the five demo people, each enrolled with a phone and a code, none with a device yet).
Three requests left unanswered or refused within ten minutes stop a phone's requests for a quarter of an hour, so the
stories that leave requests unanswered or refused each use another demo person: Pieter lets one expire and refuses
one, Lena taps a wrong number and refuses a ping request, Marc is push-bombed, Emma locks her app with wrong codes;
Sophie only ever confirms.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from .ciba_client import AMR, LEVEL450, Phone, RelyingParty, b64url_decode, describe, expect_error
from .conftest import TIMEOUT
from .servers import ExtraServer

SCOPES = ["openid", "profile", "egovnrn"]
UNKNOWN_PHONE = "+32499000000"  # E.164, nobody's
PING_WAIT = 10  # seconds for the ping notification to arrive
REQUEST_SHOWS = 3  # seconds for a new request to reach the phone's event stream
# What an answer must never show an outsider: traces of the implementation.
INTERNAL_TEXT = ("Error(", "Fluent", "SQLite", "sqlite", "Traceback", ".swift:", "Fatal error", "PostgreSQL")


# --- the server, its relying parties and the phones -----------------------------------------------------------


@pytest.fixture(scope="module")
def server(persopoint_bin):
    started = ExtraServer(persopoint_bin, "interop-mobileid").start()
    yield started
    started.cleanup()


@pytest.fixture(scope="module")
def people(server) -> dict:
    listed = server.cli("demo", "credentials")
    people = {p["givenName"]: {**p, "nrn": re.sub(r"\D", "", str(p["nrn"]))} for p in listed["people"]}
    assert {"Sophie", "Pieter", "Lena", "Marc", "Emma"} <= set(people), sorted(people)
    for person in people.values():
        assert re.fullmatch(r"\+[1-9]\d{7,14}", person.get("phone", "")), f"an E.164 phone: {person}"
        assert re.fullmatch(r"\d{5}", person.get("itsmeCode", "")), f"a 5-digit code: {person}"
    assert UNKNOWN_PHONE not in {p["phone"] for p in people.values()}
    return people


@pytest.fixture(scope="module")
def rp(server, tmp_path_factory) -> RelyingParty:
    """A relying party in poll mode."""
    return RelyingParty(server, "interop-poll-rp", "Interop Poll Portal").register(tmp_path_factory.mktemp("rp"))


class NotificationCatcher:
    """The ping client's notification endpoint: an HTTP server on 127.0.0.1 in a thread, keeping every POST."""

    def __init__(self):
        self.received: list = []
        self.arrived = threading.Condition()
        catcher = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with catcher.arrived:
                    catcher.received.append({"path": self.path, "headers": dict(self.headers), "body": body})
                    catcher.arrived.notify_all()
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/ciba/notify"
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="ciba-ping-catcher", daemon=True)
        self.thread.start()

    def notification_for(self, auth_req_id: str, timeout: float = PING_WAIT) -> dict:
        """The notification whose JSON body names this auth_req_id, once it arrived."""

        def found():
            for ping in self.received:
                try:
                    if json.loads(ping["body"]).get("auth_req_id") == auth_req_id:
                        return ping
                except (ValueError, AttributeError):
                    continue
            return None

        with self.arrived:
            if not self.arrived.wait_for(found, timeout=timeout):
                pytest.fail(f"no ping notification for this auth_req_id at {self.url} within {timeout:g} s; "
                            f"received: {self.received}", pytrace=False)
            return found()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def catcher():
    started = NotificationCatcher()
    yield started
    started.stop()


@pytest.fixture(scope="module")
def ping_rp(server, catcher, tmp_path_factory) -> RelyingParty:
    """A relying party in ping mode, notified at the catcher."""
    return RelyingParty(server, "interop-ping-rp", "Interop Ping Portal", ping=catcher.url).register(tmp_path_factory.mktemp("ping-rp"))


@pytest.fixture(scope="module")
def phones(server, people):
    """phones("Sophie") → that demo person's phone, paired once with a device key of its own."""
    paired = {}

    def phone(name: str) -> Phone:
        if name not in paired:
            person = people[name]
            paired[name] = Phone(server, label=f"interop {name}").pair(person["phone"], person["itsmeCode"])
        return paired[name]

    return phone


def poll_until(rp: RelyingParty, auth_req_id: str, seconds: float) -> requests.Response:
    """Waits `seconds` (the interval the provider asks for), then polls once."""
    time.sleep(seconds)
    return rp.token(auth_req_id)


def expect_pending(response: requests.Response):
    expect_error(response, 400, "authorization_pending")


def check_person_claims(claims: dict, person: dict, scopes):
    if "egovnrn" in scopes:
        assert claims.get("egovNRN") == person["nrn"], f"egovNRN must be {person['givenName']}'s national number: {claims}"
    else:
        assert "egovNRN" not in claims, claims
    if "profile" in scopes:
        assert claims.get("given_name") == person["givenName"] and claims.get("family_name") == person["surname"], claims
        assert claims.get("locale") == person["language"], claims
    else:
        assert not {"given_name", "family_name", "locale"} & set(claims), claims


def check_id_token(rp: RelyingParty, tokens: dict, person: dict, scopes) -> dict:
    claims = rp.id_token_claims(tokens["id_token"])
    now = time.time()
    assert claims["iss"] == rp.issuer and claims["aud"] == rp.client_id, claims
    assert claims.get("acr") == LEVEL450, claims
    assert claims.get("amr") == AMR, claims
    assert isinstance(claims.get("sub"), str) and claims["sub"] and person["nrn"] not in claims["sub"], claims
    assert all(type(claims.get(c)) is int for c in ("exp", "iat", "auth_time")), claims
    assert claims["auth_time"] <= claims["iat"] + 1 and abs(claims["iat"] - now) < 120, claims
    assert claims["exp"] - claims["iat"] == 600, claims
    check_person_claims(claims, person, scopes)
    return claims


# --- discovery --------------------------------------------------------------------------------------------------


def test_the_relying_party_discovers_a_ciba_provider_with_private_key_jwt_only(server, rp):
    response = requests.get(f"{server.url}/mobileid/.well-known/openid-configuration", timeout=TIMEOUT)
    assert response.status_code == 200 and response.headers.get("Content-Type", "").startswith("application/json"), describe(response)
    meta = response.json()
    issuer = f"{server.url}/mobileid"
    assert meta["issuer"] == issuer, meta
    assert meta["backchannel_authentication_endpoint"] == issuer + "/bc-authorize", meta
    assert meta["token_endpoint"] == issuer + "/token", meta
    assert meta["userinfo_endpoint"] == issuer + "/userinfo", meta
    assert meta["jwks_uri"] == issuer + "/jwks", meta
    assert sorted(meta["backchannel_token_delivery_modes_supported"]) == ["ping", "poll"], meta
    assert meta["backchannel_user_code_parameter_supported"] is False, meta
    # CIBA, and the authorisation code flow of the service's own login page (test_mobileid_code_flow.py).
    assert sorted(meta["grant_types_supported"]) == ["authorization_code", "urn:openid:params:grant-type:ciba"], meta
    assert meta["token_endpoint_auth_methods_supported"] == ["private_key_jwt"], meta
    assert meta["id_token_signing_alg_values_supported"] == ["ES256"], meta
    assert sorted(meta["scopes_supported"]) == sorted(SCOPES), meta
    assert meta["acr_values_supported"] == [LEVEL450], meta

    keys = rp.provider_keys()
    assert keys.get("keys"), keys
    for key in keys["keys"]:
        assert key.get("kty") == "EC" and key.get("crv") == "P-256" and key.get("kid") and key.get("x") and key.get("y"), key
        assert len(b64url_decode(key["x"])) == 32 and len(b64url_decode(key["y"])) == 32, key
        assert "d" not in key, "the key set must not hold the private key"


# --- poll mode ------------------------------------------------------------------------------------------------------


def test_a_poll_client_is_told_to_slow_down_and_collects_sophies_tokens_once_she_confirmed(rp, ping_rp, phones, people):
    sophie = people["Sophie"]
    phone = phones("Sophie")
    started = rp.started(sophie["phone"], scope=" ".join(SCOPES), binding_message="47", requested_expiry=90)
    auth_req_id = started.get("auth_req_id")
    assert isinstance(auth_req_id, str) and len(auth_req_id) >= 22, f"at least 128 bits: {started}"
    assert started.get("expires_in") == 90 and started.get("interval") == 5, started

    # Nobody answered yet; polling again at once is too soon: slow_down, and the interval grows by 5 s.
    expect_pending(rp.token(auth_req_id))
    expect_error(rp.token(auth_req_id), 400, "slow_down")
    slowed_at = time.monotonic()

    # The phone shows the request: three numbers, the one on the relying party's page among them.
    waiting = phone.waiting(rp.name)
    assert waiting["level"] == LEVEL450 and 0 < waiting["secondsLeft"] <= 90, waiting
    choices = waiting["choices"]
    assert len(choices) == 3 and len(set(choices)) == 3 and "47" in choices, waiting
    assert all(re.fullmatch(r"\d\d", c) for c in choices), waiting
    assert "bindingMessage" not in waiting, f"with number matching the phone must not be told the number: {waiting}"

    # Another client cannot collect it, nor learn anything about it.
    expect_error(ping_rp.token(auth_req_id), 400, "invalid_grant")

    # A well-behaved client waits the grown interval (5 + 5 s): that poll is admitted, still pending.
    time.sleep(max(0.0, 10.3 - (time.monotonic() - slowed_at)))
    expect_pending(rp.token(auth_req_id))
    admitted_at = time.monotonic()

    answer = phone.answer(waiting["id"], approve=True, choice="47", code=sophie["itsmeCode"])
    assert answer.status_code == 200 and answer.json() == {"result": "confirmed"}, describe(answer)
    assert all(p["id"] != waiting["id"] for p in phone.state()["pending"]), "an answered request no longer waits"

    time.sleep(max(0.0, 10.3 - (time.monotonic() - admitted_at)))
    tokens = rp.collected(auth_req_id)
    assert sorted(tokens.get("scope", "").split()) == sorted(SCOPES), tokens
    claims = check_id_token(rp, tokens, sophie, SCOPES)

    info = rp.userinfo(tokens["access_token"])
    assert info.status_code == 200, describe(info)
    userinfo = info.json()
    assert userinfo.get("sub") == claims["sub"], (userinfo, claims)
    check_person_claims(userinfo, sophie, SCOPES)

    # Collected once: the second time is invalid_grant.
    expect_error(rp.token(auth_req_id), 400, "invalid_grant")


def test_userinfo_wants_a_valid_access_token(rp):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic dXNlcjpwYXNz"}):
        response = requests.get(rp.discovery["userinfo_endpoint"], headers=headers, timeout=TIMEOUT)
        assert response.status_code == 401, f"{headers}: {describe(response)}"


def test_an_id_token_is_not_an_access_token_and_scopes_limit_the_claims(rp, phones, people):
    """Sophie confirms a login asking only openid (no number matching: a message to check instead, and a wrong code
    first): the ID token then carries no national number and no names; it is refused at userinfo."""
    sophie = people["Sophie"]
    phone = phones("Sophie")
    started = rp.started(sophie["phone"], scope="openid", binding_message="Interop portal, order 58-X")
    waiting = phone.waiting(rp.name)
    assert waiting["choices"] == [] and waiting["bindingMessage"] == "Interop portal, order 58-X", waiting

    wrong = "00000" if sophie["itsmeCode"] != "00000" else "11111"
    answer = phone.answer(waiting["id"], approve=True, code=wrong)
    assert answer.status_code == 403 and answer.json() == {"error": "wrong_code", "remaining": 4}, describe(answer)
    answer = phone.answer(waiting["id"], approve=True, code=sophie["itsmeCode"])
    assert answer.status_code == 200 and answer.json() == {"result": "confirmed"}, describe(answer)

    tokens = rp.collected(started["auth_req_id"])
    assert tokens["scope"] == "openid", tokens
    check_id_token(rp, tokens, sophie, ["openid"])
    assert rp.userinfo(tokens["id_token"]).status_code == 401, "an ID token must not open userinfo"
    info = rp.userinfo(tokens["access_token"])
    assert info.status_code == 200 and "egovNRN" not in info.json() and "given_name" not in info.json(), describe(info)


# --- ping mode ------------------------------------------------------------------------------------------------------


def read_events(lines, until, timeout: float):
    """Reads `event: state` messages from the phone's stream (one iter_lines generator for the whole stream:
    abandoning one closes the connection) until one satisfies `until`; returns it (or None)."""
    deadline = time.monotonic() + timeout
    event, data = None, []
    try:
        for raw in lines:
            line = (raw or b"").decode("utf-8")
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
            elif line == "" and data:
                state = json.loads("\n".join(data))
                if event == "state" and until(state):
                    return state
                event, data = None, []
            if time.monotonic() > deadline:
                return None
    except requests.RequestException:
        return None
    return None


def test_a_ping_client_is_notified_once_sophie_confirmed_then_collects(ping_rp, catcher, phones, people):
    sophie = people["Sophie"]
    phone = phones("Sophie")
    token = secrets.token_urlsafe(24)

    stream = phone.events()
    try:
        assert stream.status_code == 200 and stream.headers.get("Content-Type", "").startswith("text/event-stream"), describe(stream)
        # One byte at a time: a bigger read could wait for bytes of the next event.
        lines = stream.iter_lines(chunk_size=1)
        first = read_events(lines, lambda state: True, timeout=5)
        assert first is not None and first.get("givenName") == "Sophie", f"the stream starts with the phone's state: {first}"
        asked_at = time.monotonic()
        started = ping_rp.started(sophie["phone"], binding_message="47", notification_token=token)
        pushed = read_events(lines, lambda s: any(p.get("client") == ping_rp.name for p in s.get("pending", [])), REQUEST_SHOWS + 2)
        took = time.monotonic() - asked_at
        assert pushed is not None, f"the phone's event stream did not bring the request within {REQUEST_SHOWS + 2} s"
        assert took <= REQUEST_SHOWS, f"the request reached the phone after {took:.1f} s"
    finally:
        stream.close()

    waiting = next(p for p in pushed["pending"] if p["client"] == ping_rp.name)
    assert "47" in waiting["choices"], waiting
    answer = phone.answer(waiting["id"], approve=True, choice="47", code=sophie["itsmeCode"])
    assert answer.status_code == 200 and answer.json() == {"result": "confirmed"}, describe(answer)

    ping = catcher.notification_for(started["auth_req_id"])
    assert ping["path"] == "/ciba/notify", ping
    headers = {k.lower(): v for k, v in ping["headers"].items()}
    assert headers.get("authorization") == f"Bearer {token}", f"the client_notification_token as bearer: {headers}"
    assert headers.get("content-type", "").startswith("application/json"), headers
    assert json.loads(ping["body"]) == {"auth_req_id": started["auth_req_id"]}, ping["body"]

    tokens = ping_rp.collected(started["auth_req_id"])
    check_id_token(ping_rp, tokens, sophie, ["openid", "egovnrn"])
    expect_error(ping_rp.token(started["auth_req_id"]), 400, "invalid_grant")


def test_a_ping_client_is_notified_of_a_refusal_too(ping_rp, catcher, phones, people):
    lena = people["Lena"]
    phone = phones("Lena")
    token = secrets.token_urlsafe(24)
    # The endpoint's own URL as the assertion's audience is accepted as well as the issuer.
    assertion = ping_rp.assertion(aud=ping_rp.discovery["backchannel_authentication_endpoint"])
    started = ping_rp.started(lena["phone"], binding_message="Ping refusal", notification_token=token, assertion=assertion)
    waiting = phone.waiting(ping_rp.name)
    answer = phone.answer(waiting["id"], approve=False)
    assert answer.status_code == 200 and answer.json() == {"result": "refused"}, describe(answer)
    ping = catcher.notification_for(started["auth_req_id"])
    assert {k.lower(): v for k, v in ping["headers"].items()}.get("authorization") == f"Bearer {token}", ping
    assert json.loads(ping["body"]) == {"auth_req_id": started["auth_req_id"]}, ping["body"]
    expect_error(ping_rp.token(started["auth_req_id"]), 400, "access_denied")


def test_a_ping_client_must_give_a_client_notification_token(ping_rp, people):
    expect_error(ping_rp.bc_authorize(people["Sophie"]["phone"]), 400, "invalid_request")
    expect_error(ping_rp.bc_authorize(people["Sophie"]["phone"], notification_token=""), 400, "invalid_request")


# --- the person says no, or nobody answers -------------------------------------------------------------------


def test_a_request_nobody_answers_expires(rp, people):
    started = rp.started(people["Pieter"]["phone"], binding_message="12", requested_expiry=2)
    assert started["expires_in"] == 2, started
    time.sleep(2.5)
    expect_error(rp.token(started["auth_req_id"]), 400, "expired_token")


def test_pieter_refuses_on_his_phone_and_the_client_is_denied(rp, phones, people):
    phone = phones("Pieter")
    started = rp.started(people["Pieter"]["phone"], binding_message="47")
    waiting = phone.waiting(rp.name)
    answer = phone.answer(waiting["id"], approve=False)
    assert answer.status_code == 200 and answer.json() == {"result": "refused"}, describe(answer)
    expect_error(rp.token(started["auth_req_id"]), 400, "access_denied")
    # Answered once: a second answer changes nothing.
    again = phone.answer(waiting["id"], approve=True, choice="47", code=people["Pieter"]["itsmeCode"])
    assert again.status_code == 409 and again.json().get("error") == "no_longer_waiting", describe(again)
    expect_error(rp.token(started["auth_req_id"]), 400, "access_denied")


def test_lena_taps_a_number_her_computer_does_not_show_and_the_client_is_denied(rp, phones, people):
    lena = people["Lena"]
    phone = phones("Lena")
    started = rp.started(lena["phone"], binding_message="47")
    waiting = phone.waiting(rp.name)
    wrong = next(c for c in waiting["choices"] if c != "47")
    answer = phone.answer(waiting["id"], approve=True, choice=wrong, code=lena["itsmeCode"])
    assert answer.status_code == 403 and answer.json().get("error") == "wrong_number", describe(answer)
    expect_error(rp.token(started["auth_req_id"]), 400, "access_denied")


def test_marc_is_push_bombed_the_fourth_request_is_refused(rp, phones, people):
    """Three requests left waiting on Marc's phone within ten minutes: the fourth is refused (access_denied), and
    the phone is told that requests are paused."""
    marc = people["Marc"]
    phone = phones("Marc")
    for number in ("21", "22", "23"):
        rp.started(marc["phone"], binding_message=number)
    expect_error(rp.bc_authorize(marc["phone"], binding_message="24"), 403, "access_denied")
    expect_error(rp.bc_authorize(marc["phone"], binding_message="25"), 403, "access_denied")
    state = phone.state()
    assert len([p for p in state["pending"] if p["client"] == rp.name]) == 3, f"the refused ones were not opened: {state}"
    # The pause is Marc's alone: Sophie still gets hers (and confirms it, so that it does not count against her).
    sophie = people["Sophie"]
    started = rp.started(sophie["phone"], scope="openid", binding_message="Not a bomb")
    waiting = phones("Sophie").waiting(rp.name)
    answer = phones("Sophie").answer(waiting["id"], approve=True, code=sophie["itsmeCode"])
    assert answer.status_code == 200 and answer.json() == {"result": "confirmed"}, describe(answer)
    rp.collected(started["auth_req_id"])

    # The refusal starts a 15-minute pause (not merely "until one of the three is ten minutes old"), and the phone
    # says until when. Known server bug (/tmp/mobileid/BUGS.md, "quiet period never saved"): the pause is written
    # inside the transaction that the refusal then rolls back.
    state = phone.state()
    assert state.get("quietUntil"), (
        "BUG: after the push-bombing refusal the phone's state has no quietUntil — the 15-minute pause was not "
        f"saved (AuthenticationRequests.open sets it, then throws inside the same write transaction): {state}"
    )


def test_emma_locks_her_app_with_five_wrong_codes_and_gets_no_more_requests(rp, phones, people):
    emma = people["Emma"]
    phone = phones("Emma")
    started = rp.started(emma["phone"], binding_message="47")
    waiting = phone.waiting(rp.name)
    wrong = "00000" if emma["itsmeCode"] != "00000" else "11111"
    for remaining in (4, 3, 2, 1):
        answer = phone.answer(waiting["id"], approve=True, choice="47", code=wrong)
        assert answer.status_code == 403 and answer.json() == {"error": "wrong_code", "remaining": remaining}, describe(answer)
    answer = phone.answer(waiting["id"], approve=True, choice="47", code=wrong)
    assert answer.status_code == 403 and answer.json().get("error") == "locked", describe(answer)
    expect_error(rp.token(started["auth_req_id"]), 400, "access_denied")
    assert phone.state()["locked"] is True
    # Locked: the right code no longer helps, and relying parties are refused.
    expect_error(rp.bc_authorize(emma["phone"], binding_message="48"), 403, "access_denied")
    pairing = Phone(phone.server).pair_request(emma["phone"], emma["itsmeCode"])
    assert pairing.status_code == 403 and pairing.json().get("error") == "locked", describe(pairing)


# --- the phone's calls must be its own ------------------------------------------------------------------------


def test_the_server_refuses_phone_calls_it_cannot_trust(server, rp, phones, people):
    phone = phones("Sophie")
    state = phone.message("state")
    other_key = Phone(server).key
    response = phone.post("state", state, phone.sign(state, key=other_key))
    assert response.status_code == 401 and response.json().get("error") == "bad_signature", describe(response)
    tampered = state.replace('"state"', '"state" ')
    response = phone.post("state", tampered, phone.sign(state))
    assert response.status_code == 401 and response.json().get("error") == "bad_signature", describe(response)
    stale = phone.message("state", at=int(time.time()) - 600)
    response = phone.post("state", stale)
    assert response.status_code == 401 and response.json().get("error") == "stale", describe(response)

    stranger = Phone(server)
    stranger.device = "6f1d2c3b-0000-4000-8000-000000000001"
    response = stranger.post("state", stranger.message("state"))
    assert response.status_code == 410, describe(response)

    response = phone.answer("6f1d2c3b-0000-4000-8000-000000000002", approve=False)
    assert response.status_code == 404 and response.json().get("error") == "unknown_request", describe(response)

    response = Phone(server).pair_request(UNKNOWN_PHONE, "12345")
    assert response.status_code == 404 and response.json().get("error") == "unknown_phone", describe(response)
    response = requests.post(f"{server.url}/mobileid/app/dev-pair", timeout=TIMEOUT,
                             json={"phone": people["Sophie"]["phone"], "code": people["Sophie"]["itsmeCode"], "x": "AAAA", "y": "AAAA", "label": "x"})
    assert response.status_code == 400 and response.json().get("error") == "malformed", describe(response)


# --- bc-authorize errors ----------------------------------------------------------------------------------------


def _no_login_hint(rp, ping_rp, ctx):
    return rp.bc_authorize(None)


def _login_hint_not_e164(rp, ping_rp, ctx):
    return rp.bc_authorize("0470123456")


def _login_hint_an_email(rp, ping_rp, ctx):
    return rp.bc_authorize("sophie.dubois@example.com")


def _expiry_zero(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], requested_expiry=0)


def _expiry_601(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], requested_expiry=601)


def _expiry_not_a_number(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], requested_expiry="ten")


def _acr_above_450(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], extra=[("acr_values", "urn:be:fedict:iam:fas:Level500")])


def _repeated_parameter(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], extra=[("login_hint", ctx["phone"])])


def _login_hint_token(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], extra=[("login_hint_token", "eyJhbGciOiJub25lIn0.e30.")])


def _id_token_hint(rp, ping_rp, ctx):
    return rp.bc_authorize(None, extra=[("id_token_hint", "eyJhbGciOiJub25lIn0.e30.")])


def _ping_without_notification_token(rp, ping_rp, ctx):
    return ping_rp.bc_authorize(ctx["phone"])


def _scope_without_openid(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], scope="profile egovnrn")


def _unknown_scope(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], scope="openid email")


def _binding_message_41_chars(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], binding_message="x" * 41)


def _binding_message_empty(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], binding_message="")


def _binding_message_control_character(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], binding_message="47\n48")


def _unknown_phone(rp, ping_rp, ctx):
    return rp.bc_authorize(UNKNOWN_PHONE)


def _no_assertion(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], authenticate=False)


def _assertion_of_another_key(rp, ping_rp, ctx):
    from cryptography.hazmat.primitives.asymmetric import ec

    return rp.bc_authorize(ctx["phone"], assertion=rp.assertion(key=ec.generate_private_key(ec.SECP256R1())))


def _assertion_of_an_unknown_client(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], assertion=rp.assertion(iss="nobody-registered", sub="nobody-registered"))


def _assertion_for_another_audience(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], assertion=rp.assertion(aud="https://elsewhere.example/token"))


def _assertion_expired(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], assertion=rp.assertion(exp_in=-120, iat=int(time.time()) - 300))


def _assertion_valid_two_hours(rp, ping_rp, ctx):
    return rp.bc_authorize(ctx["phone"], assertion=rp.assertion(exp_in=7200))


def _assertion_without_jti(rp, ping_rp, ctx):
    assertion = rp.assertion(without=["jti"])
    return rp.bc_authorize(ctx["phone"], assertion=assertion)


def _assertion_replayed(rp, ping_rp, ctx):
    assertion = rp.assertion()
    # First use: accepted as authentication (the request itself fails on its scope, so nothing is opened).
    expect_error(rp.bc_authorize(ctx["phone"], scope="profile", assertion=assertion), 400, "invalid_scope")
    return rp.bc_authorize(ctx["phone"], assertion=assertion)


BC_AUTHORIZE_ERRORS = [
    pytest.param(_no_login_hint, 400, "invalid_request", id="no-login_hint"),
    pytest.param(_login_hint_not_e164, 400, "invalid_request", id="login_hint-national-form"),
    pytest.param(_login_hint_an_email, 400, "invalid_request", id="login_hint-email"),
    pytest.param(_expiry_zero, 400, "invalid_request", id="requested_expiry-0"),
    pytest.param(_expiry_601, 400, "invalid_request", id="requested_expiry-601"),
    pytest.param(_expiry_not_a_number, 400, "invalid_request", id="requested_expiry-ten"),
    pytest.param(_acr_above_450, 400, "invalid_request", id="acr_values-Level500"),
    pytest.param(_repeated_parameter, 400, "invalid_request", id="login_hint-twice"),
    pytest.param(_login_hint_token, 400, "invalid_request", id="login_hint_token"),
    pytest.param(_id_token_hint, 400, "invalid_request", id="id_token_hint"),
    pytest.param(_ping_without_notification_token, 400, "invalid_request", id="ping-without-client_notification_token"),
    pytest.param(_scope_without_openid, 400, "invalid_scope", id="scope-without-openid"),
    pytest.param(_unknown_scope, 400, "invalid_scope", id="scope-email"),
    pytest.param(_binding_message_41_chars, 400, "invalid_binding_message", id="binding_message-41-chars"),
    pytest.param(_binding_message_empty, 400, "invalid_binding_message", id="binding_message-empty"),
    pytest.param(_binding_message_control_character, 400, "invalid_binding_message", id="binding_message-newline"),
    pytest.param(_unknown_phone, 400, "unknown_user_id", id="phone-of-nobody"),
    pytest.param(_no_assertion, 401, "invalid_client", id="no-assertion"),
    pytest.param(_assertion_of_another_key, 401, "invalid_client", id="assertion-other-key"),
    pytest.param(_assertion_of_an_unknown_client, 401, "invalid_client", id="assertion-unknown-client"),
    pytest.param(_assertion_for_another_audience, 401, "invalid_client", id="assertion-other-aud"),
    pytest.param(_assertion_expired, 401, "invalid_client", id="assertion-expired"),
    pytest.param(_assertion_valid_two_hours, 401, "invalid_client", id="assertion-exp-2h"),
    pytest.param(_assertion_without_jti, 401, "invalid_client", id="assertion-without-jti"),
    pytest.param(_assertion_replayed, 401, "invalid_client", id="assertion-replayed"),
]


@pytest.mark.parametrize("send, status, code", BC_AUTHORIZE_ERRORS)
def test_bc_authorize_refuses_a_bad_request_with_its_error_code(rp, ping_rp, people, send, status, code):
    """Each bad request is refused before anything is opened; the phone (Sophie's) sees nothing of it."""
    ctx = {"phone": people["Sophie"]["phone"]}
    response = send(rp, ping_rp, ctx)
    body = expect_error(response, status, code)
    assert not any(marker in body["error_description"] for marker in INTERNAL_TEXT), body
    if status == 401:
        assert response.headers.get("WWW-Authenticate"), response.headers
    assert "auth_req_id" not in body


def test_nothing_was_opened_on_sophies_phone_by_the_refused_requests(rp, ping_rp, phones):
    state = phones("Sophie").state()
    assert [p for p in state["pending"] if p["client"] in (rp.name, ping_rp.name)] == [], state


# --- token endpoint errors ---------------------------------------------------------------------------------------


def test_the_token_endpoint_refuses_what_is_not_a_ciba_grant_of_this_client(rp, people):
    expect_error(rp.token("whatever", grant_type="password"), 400, "unsupported_grant_type")
    expect_error(rp.token("whatever", grant_type="client_credentials"), 400, "unsupported_grant_type")
    expect_error(rp.token("whatever", grant_type=None), 400, "invalid_request")
    expect_error(rp.token(None), 400, "invalid_request")
    expect_error(rp.token(secrets.token_urlsafe(24)), 400, "invalid_grant")
    expect_error(rp.token("x" * 500), 400, "invalid_grant")

    expect_error(rp.token(secrets.token_urlsafe(24), authenticate=False), 401, "invalid_client")
    assertion = rp.assertion(aud=rp.discovery["token_endpoint"])  # the endpoint as audience is accepted too
    expect_error(rp.token(secrets.token_urlsafe(24), assertion=assertion), 400, "invalid_grant")
    expect_error(rp.token(secrets.token_urlsafe(24), assertion=assertion), 401, "invalid_client")
