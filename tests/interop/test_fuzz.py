"""A bounded fuzz of every form and API (issue 20): a few thousand malformed requests with a fixed seed, against a server
of the test's own, and not one answer is a server error (5xx) or shows anything of the inside — no Swift type, database
error, stack trace or source path.

Which routes: the catalogue below lists every route the sources register (grep Sources/ for `routes.get(`,
`.post(`, `entry.`, `area.`, `files.`, `pages.`, `routes.add(`: the portal, the registration offices, PersoContact, PersoSelfService, the eBox and
its publish API, the gateway's login, account and OpenID Connect endpoints, the relying-party routes every application
gets, the development PKI and mailbox, health and metrics), each with a request that would be valid. To that the
test adds whatever it finds by crawling the pages, as an anonymous visitor and as a person logged in with her token
card (Level300): every link and every form's action and fields, with their real hidden values (CSRF token, login
transaction, document ids). A found route that is not in the catalogue is fuzzed too, and printed.

How: for each route, random.Random(SEED) picks mutations of the valid request — random, huge, Unicode, NUL, control
and invalid UTF-8 values; missing, repeated, unknown and oddly named fields; no body, wrong content types, malformed
JSON and multipart, broken percent encoding, bodies over the limit; missing, wrong or foreign CSRF tokens; garbage,
forged and oversized cookies; odd methods; huge and numerous headers; garbage query strings; path traversal and
encoded paths; malformed bearer tokens, Basic credentials and client assertions — and some raw HTTP that no client
library would send (bad request lines, conflicting lengths, broken chunking), over a socket.

What must hold: no status ≥ 500; no answer contains one of INTERNAL_TEXT, in its headers or its body (HTML, JSON or
plain text: the scripts, stylesheet and API description are files that do not change with the request, and a script
legitimately says `new Error(`); no HTML answer reflects the probe tag `<x-fuzz-7q>` unescaped; the server is still
alive at the end. A connection the server closes is only
acceptable for requests that break the protocol or its size limits. Counts per route are printed.

Logging out (the person's session is what lets the fuzz reach the logged-in pages) is fuzzed with wrong CSRF tokens
only; the person logs in again whenever a mutation ended her session anyway.
"""

from __future__ import annotations

import base64
import datetime
import json
import random
import re
import select
import socket
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote, urljoin, urlsplit

import pytest
import requests

from .conftest import (
    ALL_SCOPES,
    CALLBACK,
    TIMEOUT,
    Browser,
    Client,
    authorization_request,
    exchange_code,
    follow,
    login,
    parse_html,
)
from .servers import extra_servers  # noqa: F401  (fixture)
from .test_contention import log_in_to_selfservice

SEED = 20261130
MINIMUM_REQUESTS = 2000
TIME_LIMIT = 150  # seconds: a safety stop (the run takes well under a minute)

# Text that must never reach a visitor: the inside of the server (its language, libraries, database, files, errors).
# None of these occurs in a normal page (checked by the crawl, whose answers go through the same check), and the
# fuzz values never contain them, so an echo of the request cannot be mistaken for a leak.
INTERNAL_TEXT = [
    "Swift", ".swift", "Fatal error", "fatalError", "Traceback", "stack trace", "Stack trace", "backtrace",
    "Fluent", "SQLite", "sqlite3", "SQLITE_", "PSQLError", "PostgresNIO", "PostgresError", "syntax error at",
    "database is locked", "busyInSnapshot", "NIOCore", "NIOHTTP", "Hummingbird", "DecodingError", "EncodingError",
    "keyNotFound", "typeMismatch", "dataCorrupted", "valueNotFound", "ClassifiedError", "PersoCore.", "PersoError",
    "OAuthError", "Error(", "Optional(", "/Sources/", ".build/", "/root/", "/home/", "/tmp/", "/work/",
    "root:x:0:0",
]
NOT_A_CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUFuzzFuzz\n-----END CERTIFICATE-----\n"
PROBE_TAG = "<x-fuzz-7q>"  # must never come back unescaped in HTML
TEXT_TYPES = ("text/html", "application/json", "text/plain", "application/problem+json", "")


# --- the catalogue of routes --------------------------------------------------------------------------------------


@dataclass
class Target:
    """One route and a request to it that would be valid; the mutations start from it."""

    label: str  # "METHOD /template", how counts are printed
    method: str
    path: str  # concrete path (ids filled in)
    fields: dict = field(default_factory=dict)  # query (GET) or form fields (POST)
    session: str = "anon"  # anon | person | bare (no cookie at all)
    csrf: bool = False  # a browser form: _csrf is added with the session's token
    auth: "dict | None" = None  # headers a machine client sends (Authorization)
    body: str = "form"  # form | multipart (the eBox publish API) | none
    weight: int = 1  # how many mutations, in units of PER_UNIT
    logout: bool = False  # never sent with the right CSRF token


PER_UNIT = 20
SOME_ID = "3f2a6c1e-9b7d-4e21-8a5c-0d4f6b2e9a71"  # an id no row has: the routes must answer 404, never 5xx
TX = "\x00tx"  # stands for the current login transaction's id, filled in when a case is made


def gateway_targets(env: "FuzzEnvironment") -> list:
    rp = env.client
    basic = {"Authorization": "Basic " + base64.b64encode(f"{rp.client_id}:{rp.client_secret}".encode()).decode()}
    cc = {"Authorization": "Basic " + base64.b64encode(f"{env.machine_id}:{env.machine_secret}".encode()).decode()}
    bearer = {"Authorization": f"Bearer {env.access_token}"}
    authorize = {
        "client_id": rp.client_id, "redirect_uri": rp.redirect_uri, "response_type": "code", "scope": "openid profile",
        "state": "s" * 22, "nonce": "n" * 22, "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        "code_challenge_method": "S256", "acr_values": "urn:be:fedict:iam:fas:Level200", "prompt": "login",
        "ui_locales": "en", "max_age": "600",
    }
    tx = {"tx": TX}
    login_form = {"tx": TX, "username": "nobody-" + "x" * 6, "password": "Not-the-password-1"}
    return [
        Target("GET /fas/oauth2/.well-known/openid-configuration", "GET", "/fas/oauth2/.well-known/openid-configuration"),
        Target("GET /fas/oauth2/connect/jwk_uri", "GET", "/fas/oauth2/connect/jwk_uri"),
        Target("GET /fas/relying-parties", "GET", "/fas/relying-parties"),
        Target("GET /fas/password.js", "GET", "/fas/password.js"),
        Target("GET /fas/oauth2/authorize", "GET", "/fas/oauth2/authorize", authorize, weight=3),
        Target("POST /fas/oauth2/authorize", "POST", "/fas/oauth2/authorize", authorize, weight=2),
        Target("GET /fas/login", "GET", "/fas/login", tx),
        Target("GET /fas/login/cancel", "GET", "/fas/login/cancel", tx),
        Target("GET /fas/login/{key}", "GET", "/fas/login/password", tx),
        *[Target(f"POST /fas/login/{key}", "POST", f"/fas/login/{key}", login_form, csrf=True, weight=2 if key == "password" else 1)
          for key in ("password", "token", "email", "totp")],
        Target("POST /fas/login/{key}", "POST", "/fas/login/eid", {**tx, "step": "start"}, csrf=True),
        Target("POST /fas/login/{key}", "POST", "/fas/login/token", {**tx, "step": "code", "code": "123456"}, csrf=True),
        Target("GET /fas/eid/return", "GET", "/fas/eid/return", {"attempt": "a" * 43}),
        # The card reader's endpoint behind a TLS proxy that forwards the card's certificate (the instance trusts
        # 127.0.0.1 as that proxy): a real attempt of the eID key, a certificate that is none.
        Target("GET /eid/identify", "GET", "/eid/identify", {"attempt": env.eid_attempt()}, session="bare",
               auth={"X-SSL-Client-Cert": quote(NOT_A_CERTIFICATE)}, weight=2),
        Target("POST /fas/logout", "POST", "/fas/logout", {}, session="person", csrf=True, logout=True),
        Target("POST /fas/logout/confirm", "POST", "/fas/logout/confirm", {"tx": TX}, session="person", csrf=True, logout=True),
        Target("GET /fas/logged-out", "GET", "/fas/logged-out", {"client": rp.client_id}),
        Target("GET /fas/oauth2/connect/endSession", "GET", "/fas/oauth2/connect/endSession",
               {"id_token_hint": env.id_token, "post_logout_redirect_uri": CALLBACK + "/out", "state": "x", "client_id": rp.client_id}),
        Target("POST /fas/oauth2/connect/endSession", "POST", "/fas/oauth2/connect/endSession",
               {"id_token_hint": env.id_token, "client_id": rp.client_id}),
        Target("POST /fas/oauth2/access_token", "POST", "/fas/oauth2/access_token",
               {"grant_type": "authorization_code", "code": "c" * 43, "redirect_uri": rp.redirect_uri,
                "code_verifier": "v" * 50}, session="bare", auth=basic, weight=3),
        Target("POST /fas/oauth2/access_token", "POST", "/fas/oauth2/access_token",
               {"grant_type": "refresh_token", "refresh_token": "r" * 43}, session="bare", auth=basic, weight=2),
        Target("POST /fas/oauth2/access_token", "POST", "/fas/oauth2/access_token",
               {"grant_type": "client_credentials", "scope": ""}, session="bare", auth=cc, weight=2),
        Target("POST /fas/oauth2/access_token", "POST", "/fas/oauth2/access_token",
               {"grant_type": "client_credentials", "client_id": env.machine_id,
                "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion": env.id_token}, session="bare"),
        Target("GET /fas/oauth2/userinfo", "GET", "/fas/oauth2/userinfo", {}, session="bare", auth=bearer, weight=2),
        Target("POST /fas/oauth2/userinfo", "POST", "/fas/oauth2/userinfo", {}, session="bare", auth=bearer),
        Target("POST /fas/oauth2/introspect", "POST", "/fas/oauth2/introspect",
               {"token": env.access_token, "token_type_hint": "access_token"}, session="bare", auth=basic, weight=2),
        Target("POST /fas/oauth2/token/revoke", "POST", "/fas/oauth2/token/revoke",
               {"token": "r" * 43, "token_type_hint": "refresh_token"}, session="bare", auth=basic, weight=2),
        *[Target(f"OPTIONS {path}", "OPTIONS", path, {}, session="bare",
                 auth={"Origin": "https://rp.example", "Access-Control-Request-Method": "POST"})
          for path in ("/fas/oauth2/access_token", "/fas/oauth2/userinfo", "/fas/oauth2/token/revoke")],
        Target("GET /fas/keys", "GET", "/fas/keys", {"from": "persoselfservice"}, session="person"),
        Target("GET /fas/keys/step-up", "GET", "/fas/keys/step-up", {}, session="person"),
        Target("GET /fas/keys/remove", "GET", "/fas/keys/remove", {"kind": "totp"}, session="person"),
        Target("POST /fas/keys/remove", "POST", "/fas/keys/remove", {"kind": "totp"}, session="person", csrf=True),
        Target("GET /fas/keys/{key}", "GET", "/fas/keys/totp", {}, session="person"),
        Target("POST /fas/keys/{key}", "POST", "/fas/keys/email", {"email": "fuzz@example.be", "code": "123456"}, session="person", csrf=True),
        Target("GET /fas/activity", "GET", "/fas/activity", {"page": "2"}, session="person"),
        Target("GET /fas/password", "GET", "/fas/password", {}, session="person"),
        Target("GET /fas/password/code-login", "GET", "/fas/password/code-login", {}, session="person"),
        Target("GET /fas/password/strong-login", "GET", "/fas/password/strong-login", {}, session="person"),
        Target("POST /fas/password/change", "POST", "/fas/password/change",
               {"current": "Not-the-password-1", "password": "Another-password-2026!"}, session="person", csrf=True),
        Target("POST /fas/password/set", "POST", "/fas/password/set", {"password": "Another-password-2026!"}, session="person", csrf=True),
    ]


def application_targets(env: "FuzzEnvironment") -> list:
    doc = env.document_id
    sender = {"Authorization": f"Bearer {env.sender_token}"}
    targets = [
        Target("GET /", "GET", "/", {"lang": "en"}),
        Target("GET /help", "GET", "/help"),
        Target("GET /help/{topic}", "GET", "/help/eid"),
        Target("GET /accessibility", "GET", "/accessibility"),
        Target("GET /privacy", "GET", "/privacy"),
        Target("GET /cookies", "GET", "/cookies"),
        Target("GET /helpdesk", "GET", "/helpdesk"),
        Target("GET /assets/{stylesheet}", "GET", env.stylesheet),
        Target("GET /health/live", "GET", "/health/live", session="bare"),
        Target("GET /health/ready", "GET", "/health/ready", session="bare"),
        Target("GET /metrics", "GET", "/metrics", session="bare"),
        Target("GET /dev/outbox", "GET", "/dev/outbox"),
        Target("GET /dev/outbox.json", "GET", "/dev/outbox.json"),
        Target("POST /pki/ocsp", "POST", "/pki/ocsp", {}, session="bare", body="none"),
        Target("GET /pki/ocsp/{request}", "GET", "/pki/ocsp/MEMwQTA_MD0wOzAJBgUrDgMCGgUABBQ", session="bare"),
        Target("GET /contact", "GET", "/contact", session="person"),
        Target("POST /contact/employer", "POST", "/contact/employer", {"organisation": "bosa"}, session="person", csrf=True, weight=2),
        Target("GET /selfservice", "GET", "/selfservice", session="person"),
        Target("GET /selfservice/personal", "GET", "/selfservice/personal", {"done": "saved"}, session="person"),
        Target("POST /selfservice/personal", "POST", "/selfservice/personal",
               {"street": "Rue de la Loi 16", "postal_code": "1000", "municipality": "Bruxelles", "country": "BE",
                "phone": "+32 2 123 45 67", "private_email": "", "iban": ""}, session="person", csrf=True, weight=4),
        Target("GET /selfservice/personal/confirm-email", "GET", "/selfservice/personal/confirm-email", {"token": "t" * 43}, session="person"),
        # PersoSelfService's HR pages: absences, the team, telework, career interruption, pay slips, the personnel file, HR.
        Target("GET /selfservice/absences", "GET", "/selfservice/absences", {"done": "requested"}, session="person"),
        Target("POST /selfservice/absences", "POST", "/selfservice/absences",
               {"type": "annual", "from": "2030-03-04", "to": "2030-03-05", "part": "full", "start": "", "end": ""},
               session="person", csrf=True, weight=4),
        Target("GET /selfservice/absences/{absence}", "GET", f"/selfservice/absences/{SOME_ID}", session="person"),
        Target("POST /selfservice/absences/{absence}/withdraw", "POST", f"/selfservice/absences/{SOME_ID}/withdraw", {}, session="person", csrf=True),
        Target("POST /selfservice/absences/{absence}/cancellation", "POST", f"/selfservice/absences/{SOME_ID}/cancellation", {},
               session="person", csrf=True),
        Target("GET /selfservice/absences/{absence}/certificate", "GET", f"/selfservice/absences/{SOME_ID}/certificate", session="person"),
        Target("GET /selfservice/absences/sick", "GET", "/selfservice/absences/sick", session="person"),
        Target("POST /selfservice/absences/sick", "POST", "/selfservice/absences/sick", {"from": "2030-03-04", "to": "2030-03-05"},
               session="person", csrf=True),
        Target("GET /selfservice/team", "GET", "/selfservice/team", {"month": "2030-03", "done": "decided"}, session="person"),
        Target("GET /selfservice/team/requests/{absence}", "GET", f"/selfservice/team/requests/{SOME_ID}", session="person"),
        Target("POST /selfservice/team/requests/{absence}", "POST", f"/selfservice/team/requests/{SOME_ID}", {"decision": "refuse", "reason": "x"},
               session="person", csrf=True),
        Target("POST /selfservice/team/substitutes", "POST", "/selfservice/team/substitutes",
               {"from": "2030-03-04", "to": "2030-03-08", "substitute": "85073003328"}, session="person", csrf=True, weight=2),
        Target("POST /selfservice/team/substitutes/{id}/remove", "POST", f"/selfservice/team/substitutes/{SOME_ID}/remove", {},
               session="person", csrf=True),
        Target("POST /selfservice/team/telework/{pattern}", "POST", f"/selfservice/team/telework/{SOME_ID}", {"decision": "approve"},
               session="person", csrf=True),
        Target("GET /selfservice/telework", "GET", "/selfservice/telework", {"done": "saved"}, session="person"),
        Target("POST /selfservice/telework", "POST", "/selfservice/telework", {"telework_mon": "on", "telework_tue": "on"},
               session="person", csrf=True, weight=2),
        Target("POST /selfservice/telework/days", "POST", "/selfservice/telework/days", {"day": "2030-03-04", "kind": "add"},
               session="person", csrf=True, weight=2),
        Target("GET /selfservice/career-interruption", "GET", "/selfservice/career-interruption", session="person"),
        Target("POST /selfservice/career-interruption", "POST", "/selfservice/career-interruption",
               {"kind": "parental", "regime": "half", "from": "2030-03-01", "to": "2030-05-31"}, session="person", csrf=True, weight=3),
        Target("GET /selfservice/payslips", "GET", "/selfservice/payslips", session="person"),
        Target("GET /selfservice/file", "GET", "/selfservice/file", session="person"),
        Target("GET /selfservice/hr", "GET", "/selfservice/hr", session="person"),
        Target("GET /selfservice/hr/payslips", "GET", "/selfservice/hr/payslips", session="person"),
        Target("POST /selfservice/hr/payslips", "POST", "/selfservice/hr/payslips", {"period": "2030-03"}, session="person", csrf=True),
        Target("GET /selfservice/hr/payslips/{run}", "GET", f"/selfservice/hr/payslips/{SOME_ID}", session="person"),
        Target("GET /selfservice/hr/interruptions/{id}", "GET", f"/selfservice/hr/interruptions/{SOME_ID}", session="person"),
        Target("POST /selfservice/hr/interruptions/{id}", "POST", f"/selfservice/hr/interruptions/{SOME_ID}", {"decision": "approve"},
               session="person", csrf=True),
        Target("GET /selfservice/hr/people", "GET", "/selfservice/hr/people", session="person"),
        Target("GET /selfservice/hr/people/{person}", "GET", "/selfservice/hr/people/85073003328", session="person"),
        Target("GET /selfservice/hr/run-progress.js", "GET", "/selfservice/hr/run-progress.js", session="person"),
        Target("GET /ebox", "GET", "/ebox", {"view": "archived", "sender": "", "type": "", "q": "fiche"}, session="person", weight=2),
        Target("GET /ebox/documents/{id}", "GET", f"/ebox/documents/{doc}", session="person"),
        Target("GET /ebox/documents/{id}/files/{part}", "GET", f"/ebox/documents/{doc}/files/main", session="person"),
        Target("POST /ebox/documents/{id}/archive", "POST", f"/ebox/documents/{doc}/archive", {}, session="person", csrf=True),
        Target("POST /ebox/documents/{id}/unarchive", "POST", f"/ebox/documents/{doc}/unarchive", {}, session="person", csrf=True),
        Target("GET /ebox/download-all", "GET", "/ebox/download-all", session="person"),
        Target("GET /ebox/settings", "GET", "/ebox/settings", session="person"),
        Target("POST /ebox/settings", "POST", "/ebox/settings", {"language": "en", "format": "html", "frequency": "daily"},
               session="person", csrf=True, weight=2),
        Target("POST /ebox/settings/address", "POST", "/ebox/settings/address", {"email": "fuzz@example.be"}, session="person", csrf=True),
        Target("POST /ebox/activate", "POST", "/ebox/activate",
               {"consent": "yes", "email": "fuzz@example.be", "language": "en", "format": "html", "frequency": "daily"},
               session="person", csrf=True),
        Target("GET /ebox/verify", "GET", "/ebox/verify", {"notice": "resent"}, session="person"),
        Target("POST /ebox/verify", "POST", "/ebox/verify", {"code": "123456"}, session="person", csrf=True),
        Target("POST /ebox/verify/resend", "POST", "/ebox/verify/resend", {}, session="person", csrf=True),
        Target("GET /ebox/api/openapi.yaml", "GET", "/ebox/api/openapi.yaml", session="bare"),
        Target("GET /ebox/.well-known/jwks.json", "GET", "/ebox/.well-known/jwks.json", session="bare"),
        Target("POST /ebox/api/v1/messages", "POST", "/ebox/api/v1/messages", {}, session="bare", auth=sender, body="multipart", weight=4),
        Target("GET /ebox/api/v1/messages/{messageId}", "GET", "/ebox/api/v1/messages/0b0f5a2e-6c57-4f43-9d84-3f4d1c0e7a11", session="bare", auth=sender, weight=2),
        Target("GET /ebox/api/v1/messages/{messageId}/receipt", "GET", "/ebox/api/v1/messages/0b0f5a2e-6c57-4f43-9d84-3f4d1c0e7a11/receipt",
               session="bare", auth=sender),
        Target("GET /{unknown}", "GET", "/no-such-page", weight=2),
    ]
    # The registration offices: the public booking and activation pages, and the officers' back-office (Sophie is no
    # officer: the desk sends her to a stronger login, which must hold under every mutation too).
    slot = next_working_day().isoformat() + "T09:00"
    token = "t" * 43
    person = "0b0f5a2e-6c57-4f43-9d84-3f4d1c0e7a11"
    targets += [
        Target("GET /office", "GET", "/office"),
        Target("GET /office/{office}/book", "GET", "/office/bosa/book", {"from": slot[:10]}),
        Target("POST /office/{office}/book", "POST", "/office/bosa/book",
               {"slot": slot, "given_name": "Fuzz", "surname": "Test", "email": "fuzz@example.be", "document": "passport"}, csrf=True, weight=3),
        Target("GET /office/appointment/{token}", "GET", f"/office/appointment/{token}", {"done": "booked"}),
        Target("GET /office/appointment/{token}/calendar.ics", "GET", f"/office/appointment/{token}/calendar.ics"),
        Target("POST /office/appointment/{token}/cancel", "POST", f"/office/appointment/{token}/cancel", {}, csrf=True),
        Target("GET /office/appointment/{token}/move", "GET", f"/office/appointment/{token}/move"),
        Target("POST /office/appointment/{token}/move", "POST", f"/office/appointment/{token}/move", {"slot": slot}, csrf=True),
        Target("GET /office/activate/{token}", "GET", f"/office/activate/{token}"),
        Target("POST /office/activate/{token}", "POST", f"/office/activate/{token}",
               {"code": "AAAA-BBBB-CCCC", "username": "fuzz", "password": "Kw8!meadow-Orbit-Tulip", "password_again": "Kw8!meadow-Orbit-Tulip"},
               csrf=True, weight=2),
        Target("GET /office/desk", "GET", "/office/desk", {"day": slot[:10], "office": "bosa"}, session="person"),
        Target("GET /office/desk/people", "GET", "/office/desk/people", {"q": "dubois"}, session="person"),
        Target("GET /office/desk/register", "GET", "/office/desk/register", {"appointment": person}, session="person"),
        Target("POST /office/desk/register", "POST", "/office/desk/register",
               {"nrn": "85073003328", "given_name": "Fuzz", "surname": "Test", "language": "fr", "email": "fuzz@example.be",
                "organisation": "bosa", "document_type": "passport", "document_number": "EM123456", "document_country": "FR",
                "document_expiry": "2030-01-01", "key_token": "1"}, session="person", csrf=True, weight=2),
        Target("GET /office/desk/people/{person}", "GET", f"/office/desk/people/{person}", session="person"),
        Target("GET /office/desk/settings", "GET", "/office/desk/settings", session="person"),
        Target("POST /office/desk/settings", "POST", "/office/desk/settings",
               {"name": "Fuzz", "address": "Rue 1", "language_fr": "1", "day_0": "09:00-12:00", "slot_minutes": "30", "capacity": "1"},
               session="person", csrf=True),
        Target("POST /office/desk/settings/staff", "POST", "/office/desk/settings/staff", {"nrn": "85073003328"}, session="person", csrf=True),
    ]
    for action, fields in (("contact", {"email": "fuzz@example.be", "language": "fr"}), ("keys/remove", {"kind": "token"}),
                           ("keys/token", {}), ("unlock", {}), ("activation", {"key_email": "1"}), ("roles", {"role": "bosa:manager"})):
        targets.append(Target(f"POST /office/desk/people/{{person}}/{action}", "POST", f"/office/desk/people/{person}/{action}", fields,
                              session="person", csrf=True))
    # The mobile identity service: its provider (CIBA, private_key_jwt) and the phone app's signed JSON calls.
    assertion = {"client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion": "e30.e30.c2ln"}
    targets += [
        Target("GET /mobileid/app", "GET", "/mobileid/app"),
        Target("GET /mobileid/app.js", "GET", "/mobileid/app.js"),
        Target("GET /mobileid/app.webmanifest", "GET", "/mobileid/app.webmanifest"),
        Target("GET /mobileid/.well-known/openid-configuration", "GET", "/mobileid/.well-known/openid-configuration"),
        Target("GET /mobileid/jwks", "GET", "/mobileid/jwks"),
        Target("POST /mobileid/bc-authorize", "POST", "/mobileid/bc-authorize",
               {"scope": "openid egovnrn", "login_hint": "+32470300033", "binding_message": "47", "requested_expiry": "60", **assertion},
               weight=2),
        Target("POST /mobileid/token", "POST", "/mobileid/token",
               {"grant_type": "urn:openid:params:grant-type:ciba", "auth_req_id": "a" * 32, **assertion}, weight=2),
        Target("GET /mobileid/userinfo", "GET", "/mobileid/userinfo", auth={"Authorization": "Bearer e30.e30.c2ln"}),
        Target("GET /mobileid/app/events", "GET", "/mobileid/app/events", {"m": "e30", "s": "c2ln"}),
    ]
    for action in ("state", "answer", "devices/remove", "dev-pair", "biometrics/options", "biometrics/register"):
        targets.append(Target(f"POST /mobileid/app/{action}", "POST", f"/mobileid/app/{action}",
                              {"message": '{"device":"%s","time":0,"action":"state"}' % SOME_ID, "signature": "c2ln"}))
    # Enrolment (computer pages, then the phone's JSON steps) and the code flow's login pages.
    for action, fields in (("start", {"phone": "+32470300033", "token": "Ab3.kL9-xQ"}), ("verify", {"enrolment": "e" * 32, "code": "12345"}),
                           ("resend", {"enrolment": "e" * 32}),
                           ("finish", {"enrolment": "e" * 32, "code": "40917", "x": "a" * 43, "y": "b" * 43, "label": "fuzz"})):
        targets.append(Target(f"POST /mobileid/app/enrol/{action}", "POST", f"/mobileid/app/enrol/{action}", fields))
    authorize = {"response_type": "code", "client_id": "fas-gateway", "redirect_uri": env.server.url + "/fas/itsme/return", "scope": "openid egovnrn",
                 "state": "s" * 22, "nonce": "n" * 22, "code_challenge": "c" * 43, "code_challenge_method": "S256"}
    targets += [
        Target("GET /mobileid/enrol", "GET", "/mobileid/enrol"),
        Target("GET /mobileid/enrol/details", "GET", "/mobileid/enrol/details"),
        Target("POST /mobileid/enrol/details", "POST", "/mobileid/enrol/details",
               {"country": "be", "phone": "0470 99 00 11", "email": "fuzz@example.be"}, csrf=True, weight=2),
        Target("GET /mobileid/enrol/contract", "GET", "/mobileid/enrol/contract"),
        Target("POST /mobileid/enrol/contract", "POST", "/mobileid/enrol/contract", {}, csrf=True),
        Target("GET /mobileid/enrol/token", "GET", "/mobileid/enrol/token"),
        Target("GET /mobileid/authorize", "GET", "/mobileid/authorize", authorize, weight=2),
        Target("POST /mobileid/authorize", "POST", "/mobileid/authorize", {"flow": "f" * 16, "phone": "+32470300033"}, csrf=True),
        Target("GET /mobileid/authorize/wait", "GET", "/mobileid/authorize/wait", {"flow": "f" * 16}),
        Target("GET /mobileid/authorize/status", "GET", "/mobileid/authorize/status", {"flow": "f" * 16}),
        Target("POST /mobileid/authorize/continue", "POST", "/mobileid/authorize/continue", {"flow": "f" * 16}, csrf=True),
        Target("POST /mobileid/authorize/cancel", "POST", "/mobileid/authorize/cancel", {"flow": "f" * 16}, csrf=True),
        Target("GET /mobileid/authorize.js", "GET", "/mobileid/authorize.js"),
        Target("POST /mobileid/token (code)", "POST", "/mobileid/token",
               {"grant_type": "authorization_code", "code": "c" * 43, "redirect_uri": env.server.url + "/fas/itsme/return", "code_verifier": "v" * 43,
                **assertion}),
        Target("GET /dev/phones", "GET", "/dev/phones"),
    ]
    # The routes every application gets from the relying party.
    for app in ("/selfservice", "/ebox", "/contact", "/mobileid/enrol"):
        targets += [
            Target("GET /{app}/login", "GET", f"{app}/login", {"return": app}),
            Target("GET /{app}/callback", "GET", f"{app}/callback",
                   {"code": "c" * 43, "state": "s" * 22, "iss": env.issuer}),
            Target("POST /{app}/logout", "POST", f"{app}/logout", {}, session="person", csrf=True, logout=True),
            Target("GET /{app}/session", "GET", f"{app}/session", session="person"),
            Target("POST /{app}/session/extend", "POST", f"{app}/session/extend", {}, session="person", csrf=True),
            Target("GET /{app}/session-timer.js", "GET", f"{app}/session-timer.js"),
        ]
    return targets


def next_working_day() -> datetime.date:
    """Tomorrow, or Monday: a day whose 09:00 the demo offices open (a public holiday is refused, which is fine too)."""
    day = datetime.date.today() + datetime.timedelta(days=1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


# --- values and mutations ------------------------------------------------------------------------------------------

ODD_VALUES = [
    "", " ", "\t\n", "a\x00b", "\x00", "\x01\x02\x1b[31m\x7f", "x\r\nSet-Cookie: fuzz=1", PROBE_TAG + "\"'&", "' OR '1'='1' --",
    "1; DROP TABLE people; --", "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%s%s%s%n%x", "{{7*7}}${7*7}",
    "-1", "0", "99999999999999999999999999", "1e309", "NaN", "-0", "0x7fffffff", "null", "true", "[]", "{}", '{"a":',
    "https://evil.example/", "//evil.example", "javascript:alert(1)", "data:text/html,x", "Ünïcödé ✓ 😀 \u202e\u0301",
    "😀" * 300, "é" * 4000, "\ud7ff\ue000\uffff", "\u200b\u2028\u2029", "A" * 121, "a@b", "@", "fuzz@" + "x" * 300 + ".be",
    "BE68 5390 0754 7034", "+32 470 12 34 56", "1000", "bosa", "urn:be:fedict:iam:fas:Level500", "openid ebox:publish",
]
INVALID_UTF8 = [b"\xff\xfe", b"\xc3(", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80"]
ODD_METHODS = ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD", "PROPFIND", "CONNECT", "FUZZ", "get"]
PATH_SUFFIXES = [
    "/..", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "//", "/%00", "%00",
    "/;jsessionid=x", "/", "/%2F", "/%", "/%zz", "/%C0%AE%C0%AE/", "/\u00e9".encode().decode("latin-1"), "/" + "a" * 8000,
    "/.%2e/", "/%25", "/~", "/*", "/index.html", "/.env", "/.git/config",
]
QUERY_GARBAGE = [
    "%", "%zz", "&&&", "=", "a=%", "lang=xx", "lang=%00", "lang=" + "e" * 5000, "a=1&a=2&a=3", "tx=" + PROBE_TAG,
    "return=https://evil.example", "return=//evil.example", "return=/\\evil.example", "x=" + "%C3%28" * 20,
    "&".join(f"k{i}=v" for i in range(300)), "q=" + quote("é" * 2000), "%FF%FE=%FF", "a[b][c]=1", "a=1;b=2",
]


def random_text(rng: random.Random, length: int) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.~!*'();:@&=+$,/?#[]%<>\"{}|\\^`"
    return "".join(rng.choice(alphabet) for _ in range(length))


def odd_value(rng: random.Random):
    """A value to put in a field: mostly text, sometimes bytes that are not UTF-8."""
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(ODD_VALUES)
    if roll < 0.65:
        return random_text(rng, rng.choice([1, 8, 43, 64, 200]))
    if roll < 0.75:
        return "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(rng.choice([5, 50, 300])))
    if roll < 0.85:
        return rng.choice(INVALID_UTF8) + random_text(rng, 5).encode()
    if roll < 0.93:
        return "Z" * rng.choice([5_000, 70_000])
    return str(rng.randrange(-10**12, 10**12))


def form_encode(pairs: list) -> bytes:
    """application/x-www-form-urlencoded, keeping bytes values as they are (so invalid UTF-8 can be sent)."""
    out = []
    for name, value in pairs:
        name = name if isinstance(name, bytes) else str(name).encode()
        value = value if isinstance(value, bytes) else str(value).encode()
        out.append(quote(name, safe="") + "=" + quote(value, safe=""))
    return "&".join(out).encode()


def jwt_like(rng: random.Random) -> str:
    def part(obj):
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).rstrip(b"=").decode()

    kinds = [
        lambda: part({"alg": "none"}) + "." + part({"sub": "x", "exp": 4102444800}) + ".",
        lambda: part({"alg": "ES256", "kid": PROBE_TAG}) + "." + part({"iss": "x"}) + "." + "A" * 86,
        lambda: part({"alg": "HS256"}) + "." + part({"exp": "soon"}) + ".sig",
        lambda: "a.b.c", lambda: "...", lambda: "x" * 5000, lambda: "eyJ" + random_text(rng, 40),
        lambda: part({"alg": "ES256", "jku": "https://evil.example/jwks"}) + "." + part([]) + ".AA",
        lambda: "é.é.é",
    ]
    return rng.choice(kinds)()


def odd_authorization(rng: random.Random) -> str:
    choices = [
        "Basic " + random_text(rng, 20), "Basic !!!", "Basic " + base64.b64encode(b"no-colon").decode(),
        "Basic " + base64.b64encode(b":").decode(), "Basic " + base64.b64encode(b"\xff\xfe:\x00").decode(),
        "Basic " + base64.b64encode(("a" * 3000 + ":" + "b" * 3000).encode()).decode(),
        "Basic " + base64.b64encode(("%zz:%" ).encode()).decode(), "Bearer", "Bearer ", "Bearer " + jwt_like(rng),
        "Bearer " + jwt_like(rng), "bearer " + "x" * 5000, "Digest username=x", "Negotiate YII=", "Basic", "",
        "Bearer a b c", "Basic " + base64.b64encode("ü:ö".encode()).decode(),
    ]
    return rng.choice(choices)


def odd_header_value(rng: random.Random) -> str:
    """A value for a header such as the proxy's client certificate: PEM-shaped garbage, or any odd value."""
    body = base64.b64encode(bytes(rng.randrange(256) for _ in range(rng.choice([3, 300, 3000])))).decode()
    value = rng.choice([
        f"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----",
        f"-----BEGIN CERTIFICATE-----\n{body}", "-----BEGIN CERTIFICATE----------END CERTIFICATE-----",
        f"-----BEGIN PRIVATE KEY-----\n{body}\n-----END PRIVATE KEY-----", "x" * 40_000,
        NOT_A_CERTIFICATE * 200, odd_value(rng),
    ])
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return quote(value, safe="") if rng.random() < 0.7 else value.replace("\r", " ").replace("\n", " ")


@dataclass
class Case:
    label: str
    method: str
    path: str  # path and query, already encoded as it goes on the request line
    headers: dict
    body: "bytes | None"
    session: str
    what: str  # the mutation, for the failure message
    raw_request: "bytes | None" = None  # HTTP that breaks the protocol, sent as it is
    closed_ok: bool = False  # breaking the protocol or a size limit: the server may just close the connection


class Mutator:
    def __init__(self, rng: random.Random, env: "FuzzEnvironment"):
        self.rng = rng
        self.env = env

    def csrf_for(self, target: Target) -> str:
        return self.env.person_csrf if target.session == "person" else self.env.anon_csrf

    def base_pairs(self, target: Target) -> list:
        pairs = [(name, self.env.tx if value == TX else value) for name, value in target.fields.items()]
        if target.csrf:
            token = self.csrf_for(target)
            if target.logout:
                token = self.rng.choice(["", "x", token[:-1] + ("A" if token[-1] != "A" else "B"), self.env.anon_csrf])
            pairs.insert(0, ("_csrf", token))
        return pairs

    def mutations(self, target: Target) -> list:
        r = self.rng
        names = [
            "value", "values", "missing", "all_missing", "repeated", "unknown", "odd_names", "bad_percent", "content_type",
            "json", "bad_json", "multipart", "bad_multipart", "huge_body", "csrf", "cookie", "method", "huge_header",
            "many_headers", "query", "path", "accept", "authorization", "raw",
        ]
        weights = [8, 4, 3, 1, 2, 2, 2, 2, 2, 1, 2, 1, 2, 1, 3, 3, 2, 1, 1, 3, 3, 1, 3, 3]
        if target.method == "GET":
            weights[names.index("query")] += 6
        if target.auth:
            weights[names.index("authorization")] += 6
        return r.choices(names, weights=weights, k=PER_UNIT * target.weight)

    def case(self, target: Target, mutation: str) -> Case:
        r = self.rng
        pairs = self.base_pairs(target)
        headers = dict(target.auth or {})
        query_pairs: list = []
        method = target.method
        path = target.path
        body_kind = target.body
        content_type = "application/x-www-form-urlencoded"
        closed_ok = False
        extra_query = None
        body: "bytes | None" = None

        if mutation == "value" and pairs:
            i = r.randrange(len(pairs))
            pairs[i] = (pairs[i][0], odd_value(r))
        elif mutation == "values":
            pairs = [(name, odd_value(r)) for name, _ in pairs] or [("x", odd_value(r))]
        elif mutation == "missing" and pairs:
            pairs.pop(r.randrange(len(pairs)))
        elif mutation == "all_missing":
            pairs = []
        elif mutation == "repeated" and pairs:
            name, value = r.choice(pairs)
            pairs += [(name, odd_value(r)) for _ in range(r.choice([1, 2, 50]))]
        elif mutation == "unknown":
            pairs += [(random_text(r, 8).replace("&", "").replace("=", ""), odd_value(r)) for _ in range(r.choice([1, 10, 250]))]
        elif mutation == "odd_names":
            pairs += [(name, "1") for name in r.sample(["a[b]", "_csrf[]", "", "=", "%", "\x00", "é" * 100, "x" * 3000, PROBE_TAG], 3)]
        elif mutation == "json":
            content_type = "application/json"
            body = json.dumps({str(k): (v.decode("latin-1") if isinstance(v, bytes) else v) for k, v in pairs}).encode()
        elif mutation == "bad_json":
            content_type = "application/json"
            body = r.choice([b"{", b'{"a":}', b"[1,2", b"\xff\xfe{}", b'{"_csrf": ' + b"[" * 5000, b"null", b'"' + b"a" * 10000])
        elif mutation == "content_type":
            content_type = r.choice(["text/plain", "application/xml", "application/x-www-form-urlencoded; charset=latin-1",
                                     "application/octet-stream", "", "multipart/form-data", "*/*", "text/html; charset=\x7f",
                                     "application/x-www-form-urlencoded; boundary=" + "b" * 2000])
        elif mutation == "multipart":
            boundary = "fuzz" + str(r.randrange(10**9))
            content_type = f"multipart/form-data; boundary={boundary}"
            body = multipart(pairs, boundary)
        elif mutation == "bad_multipart":
            body_kind = "bad_multipart"
        elif mutation == "bad_percent":
            body = r.choice([b"a=%zz&b=%", b"%", b"_csrf=%E0%A4%A&x=1", b"=&=&=", b"&" * 500, b"a=" + b"%41" * 30000,
                             b"a=1&" * 250, form_encode(pairs) + b"&%FF%FE=%C3%28"])
        elif mutation == "huge_body":
            body = form_encode(pairs) + b"&pad=" + b"P" * r.choice([1_100_000, 3_000_000, 20_000_000])
            closed_ok = True
        elif mutation == "csrf":
            fake = r.choice(["", "x", "A" * 43, "A" * 5000, self.env.anon_csrf if target.session == "person" else self.env.person_csrf,
                             PROBE_TAG, "é" * 43])
            pairs = [(n, v) for n, v in pairs if n != "_csrf"]
            if r.random() < 0.7:
                pairs.insert(0, ("_csrf", fake))
            if r.random() < 0.3:
                headers["X-CSRF-Token"] = fake.encode("utf-8").decode("latin-1")
        elif mutation == "cookie" and r.random() < 0.5:
            # The session's own cookies (whatever the product calls them: session, pre-login, language, device), tampered.
            headers["Cookie"] = "; ".join(f"{name}={tampered(r, value)}" for name, value in self.env.cookies(target.session)) or "x=y"
        elif mutation == "cookie":
            # Forged cookies: the stored session's (a random id) and the pre-login one an anonymous visitor carries
            # (sealed with AES-GCM, base64url): garbage, cut, oversized, doubled, and one passed off as the other.
            prelogin = dict(self.env.cookies("anon")).get("persopoint_prelogin", "")
            headers["Cookie"] = r.choice([
                "persopoint_session=" + "A" * 43, "persopoint_session=" + random_text(r, 43).replace(";", ""),
                "persopoint_session=", "persopoint_session=" + "x" * 7000, "persopoint_session=a; persopoint_session=b",
                "persopoint_lang=xx; persopoint_device=" + "d" * 500, "; ; ;", "=", "persopoint_session=%00%FF",
                ";".join(f"c{i}=v" for i in range(200)), "persopoint_session=" + self.env.anon_csrf,
                "persopoint_prelogin=" + "A" * 43, "persopoint_prelogin=" + random_text(r, 300).replace(";", ""),
                "persopoint_prelogin=", "persopoint_prelogin=" + "x" * 7000, "persopoint_prelogin=a; persopoint_prelogin=b",
                "persopoint_prelogin=%00%FF", "persopoint_prelogin=" + prelogin[: len(prelogin) // 2],
                "persopoint_session=" + prelogin, "persopoint_prelogin=" + prelogin + "; persopoint_session=" + "A" * 43,
            ])
        elif mutation == "method":
            method = r.choice(ODD_METHODS)
        elif mutation == "huge_header":
            headers[r.choice(["X-Fuzz", "Referer", "User-Agent", "Accept-Language", "X-Forwarded-For"])] = "h" * r.choice([8_000, 30_000, 120_000])
            closed_ok = True
        elif mutation == "many_headers":
            for i in range(r.choice([100, 400])):
                headers[f"X-Fuzz-{i}"] = str(i)
            closed_ok = True
        elif mutation == "query":
            extra_query = r.choice(QUERY_GARBAGE)
        elif mutation == "path":
            path = path + r.choice(PATH_SUFFIXES)
            closed_ok = True
        elif mutation == "accept":
            headers["Accept"] = r.choice(["application/json", "*/*", "text/plain", "application/xml", "ü", "x" * 3000, ""])
            headers["Accept-Language"] = r.choice(["*", "zz", "en;q=abc", "de-DE-x-" + "a" * 500, ",,,", "fr;q=2, nl;q=-1"])
            headers["X-Forwarded-For"] = r.choice(["1.2.3.4", "nonsense", "::1, 999.999.1.1", PROBE_TAG])
            headers["Host"] = r.choice(["127.0.0.1", "evil.example", "", "a" * 300])
        elif mutation == "authorization":
            name = r.choice(sorted(headers)) if headers else "Authorization"
            headers[name] = odd_authorization(r) if name == "Authorization" else odd_header_value(r)
        elif mutation == "raw":
            return self.raw_case(target, pairs)

        if target.method == "GET" or method in ("GET", "HEAD", "OPTIONS", "TRACE", "DELETE", "get"):
            query_pairs, pairs = pairs, []
        if body is None and body_kind == "multipart" and method == "POST":
            boundary = "fuzz" + str(r.randrange(10**9))
            content_type = f"multipart/form-data; boundary={boundary}"
            body = publish_body(r, boundary, mutation)
        elif body is None and body_kind == "bad_multipart":
            boundary = "fuzz" + str(r.randrange(10**9))
            content_type = r.choice([f"multipart/form-data; boundary={boundary}", "multipart/form-data", "multipart/form-data; boundary="])
            body = r.choice([
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{{}}".encode(),
                f"--{boundary}\r\n\r\n--{boundary}--".encode(), b"--x\r\n" * 3000, b"no boundary at all",
                f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x\"\r\n"
                f"Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--{boundary}--\r\n".encode(),
                f"--{boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--{boundary}--\r\n".encode(),
            ])
        elif body is None and method not in ("GET", "HEAD", "get") and body_kind != "none":
            body = form_encode(pairs)
        elif body is None and body_kind == "none" and method == "POST":
            body = r.choice([b"", b"0\x82\x01\x00" + bytes(r.randrange(256) for _ in range(40)), b"\x30\x03\x02\x01\x00", b"x" * 1000])
            content_type = "application/ocsp-request"

        query = form_encode(query_pairs).decode() if query_pairs else ""
        if extra_query is not None:
            query = f"{query}&{extra_query}" if query else extra_query
        full_path = path + ("?" + query if query else "")
        if body is not None and "Content-Type" not in headers and content_type:
            headers["Content-Type"] = content_type
        return Case(target.label, method, full_path, headers, body, target.session, mutation, closed_ok=closed_ok)

    def raw_case(self, target: Target, pairs: list) -> Case:
        """HTTP that breaks the protocol itself; the server answers 4xx or closes the connection."""
        r = self.rng
        body = form_encode(pairs)
        path = target.path
        host = f"127.0.0.1:{self.env.port}"
        choices = [
            f"{target.method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: -5\r\n\r\n".encode(),
            f"{target.method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: abc\r\n\r\n".encode(),
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 3\r\nContent-Length: 7\r\n\r\nabcdefg".encode(),
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n".encode(),
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n".encode(),
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5\r\nabcde\r\n0\r\n\r\n".encode(),
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            f"Transfer-Encoding: chunked\r\n\r\n{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n",
            f"{target.method} {path} HTTP/1.1\r\nHost: {host}\r\nBad Header Without Colon\r\n\r\n".encode(),
            f"{target.method} {path} HTTP/1.1\r\nHost: {host}\r\n X-Folded: continuation\r\n\r\n".encode(),
            f"{target.method} {path} HTTP/9.9\r\nHost: {host}\r\n\r\n".encode(),
            f"{target.method} {path}\r\n\r\n".encode(),
            f"{target.method}  {path}  HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(),
            f"{target.method} {path}?a=b c HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(),
            f"{target.method} {path}\x00 HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(),
            f"{target.method} http://evil.example{path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(),
            f"{target.method} * HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(),
            f"{target.method} {path} HTTP/1.1\r\nHost: {host}\r\nX-Bytes: \xff\xfe\x00\r\n\r\n".encode("latin-1"),
            f"{target.method} {path} HTTP/1.1\r\nHost: {host}\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nabcd".encode(),
            f"{target.method} {path} HTTP/1.1\nHost: {host}\n\n".encode(),
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(32),  # a TLS ClientHello on the plain port
            b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
            random_text(r, 200).encode() + b"\r\n\r\n",
        ]
        return Case(target.label, target.method, path, {}, None, target.session, "raw",
                    raw_request=r.choice(choices), closed_ok=True)


def tampered(rng: random.Random, value: str) -> str:
    if not value:
        return rng.choice(["", "x", "%00"])
    i = rng.randrange(len(value))
    return rng.choice([
        value[:i] + ("A" if value[i] != "A" else "B") + value[i + 1:],  # one character changed
        value[:i],  # cut short
        value + value,  # doubled
        value[::-1],
        value + "." + "x" * rng.choice([10, 4000]),
        "%" + value, value.replace("-", "+").replace("_", "/") + "==",
    ])


def multipart(pairs: list, boundary: str) -> bytes:
    out = b""
    for name, value in pairs:
        value = value if isinstance(value, bytes) else str(value).encode()
        out += f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n".encode() + value + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


def publish_body(rng: random.Random, boundary: str, mutation: str) -> bytes:
    """An eBox publish request (metadata JSON + a PDF part), with one part mutated."""
    metadata = {"messageId": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "recipient": "85073003328", "type": "payslip",
                "subject": {"en": "Fuzz"}, "registered": False}
    keys = list(metadata)
    if mutation in ("value", "values"):
        key = rng.choice(keys)
        value = odd_value(rng)
        metadata[key] = value.decode("latin-1") if isinstance(value, bytes) else value
    elif mutation == "missing":
        metadata.pop(rng.choice(keys))
    elif mutation in ("unknown", "repeated"):
        metadata.update({f"x{i}": i for i in range(rng.choice([1, 300]))})
    meta = json.dumps(metadata).encode()
    if mutation == "bad_json":
        meta = rng.choice([b"{", b"[]", b"null", b'{"recipient": 1e999}', b"\xff"])
    pdf = rng.choice([b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", b"", b"not a pdf", bytes(range(256)) * 20])
    filename = rng.choice(["fiche.pdf", "../../etc/passwd", "é" * 200, "", "a\x00b.pdf", PROBE_TAG + ".pdf"])
    media = rng.choice(["application/pdf", "text/html", "application/x-msdownload", "", "image/svg+xml"])
    return (
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n".encode()
        + meta + b"\r\n"
        + f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\nContent-Type: {media}\r\n\r\n".encode("utf-8", "surrogateescape")
        + pdf + f"\r\n--{boundary}--\r\n".encode()
    )


# --- sending and judging -------------------------------------------------------------------------------------------


@dataclass
class Answer:
    status: "int | None"  # None: the connection was closed (or left waiting) without an answer
    headers: dict
    body: bytes


RAW_WAIT = 3  # seconds a request that breaks the protocol may be left without an answer (the server waits for more)


def send(port: int, case: Case, cookies: str) -> tuple:
    """Sends the case over a connection of its own, exactly as written (no client library re-encodes the path, checks
    the headers or keeps cookies the answer sets); (Answer, problem or None). Only an answer that never comes for a
    well-formed request is a problem."""
    data = raw_request_bytes(case, port, cookies)
    chunks = []
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as connection:
        connection.settimeout(RAW_WAIT if case.closed_ok else TIMEOUT)
        write_until_answered(connection, data, RAW_WAIT if case.closed_ok else TIMEOUT)
        try:
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if complete(b"".join(chunks), case.method):
                    break  # a server that did not read the rest of a request may keep the connection open
        except socket.timeout:
            if not chunks and not case.closed_ok:
                return Answer(None, {}, b""), f"no answer within {TIMEOUT} s"
        except OSError:
            pass
    return parse_response(b"".join(chunks)), None


def write_until_answered(connection: socket.socket, data: bytes, timeout: float):
    """Writes data, unless the server answers first (413 before reading a body over the limit) or stops reading."""
    view = memoryview(data)
    while view:
        readable, writable, _ = select.select([connection], [connection], [], timeout)
        if readable or not writable:
            return
        try:
            sent = connection.send(view[:65536])
        except OSError:
            return  # the server closed the connection before reading all of it
        view = view[sent:]


def complete(data: bytes, method: str) -> bool:
    """Whether data holds a whole final answer (after any 100 Continue)."""
    while True:
        head, separator, body = data.partition(b"\r\n\r\n")
        if not separator:
            return False
        status = re.match(rb"HTTP/\d(?:\.\d)? (\d{3})", head)
        if status is None:
            return False
        if status.group(1).startswith(b"1"):
            data = body
            continue
        if method == "HEAD" or status.group(1) in (b"204", b"304"):
            return True
        length = re.search(rb"(?im)^content-length:\s*(\d+)\s*$", head)
        if length:
            return len(body) >= int(length.group(1))
        if re.search(rb"(?im)^transfer-encoding:.*chunked", head):
            return body.endswith(b"0\r\n\r\n")
        return False


def parse_response(data: bytes) -> Answer:
    while True:
        if not data:
            return Answer(None, {}, b"")
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        match = re.match(rb"HTTP/\d(?:\.\d)? (\d{3})", lines[0])
        if not match:
            return Answer(None, {}, data)
        status = int(match.group(1))
        if 100 <= status < 200:  # 100 Continue: the real answer follows
            data = body
            continue
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(b":")
            headers[name.decode("latin-1").strip().lower()] = value.decode("latin-1").strip()
        return Answer(status, headers, body)


def raw_request_bytes(case: Case, port: int, cookies: str) -> bytes:
    if case.raw_request is not None:
        return case.raw_request
    headers = {"Host": f"127.0.0.1:{port}", "Connection": "close", "User-Agent": "persopoint-fuzz"}
    if cookies:
        headers["Cookie"] = cookies
    headers.update(case.headers)
    if case.body is not None:
        headers["Content-Length"] = str(len(case.body))
    lines = [f"{case.method} {case.path} HTTP/1.1".encode("utf-8")]
    for name, value in headers.items():
        value = value if isinstance(value, bytes) else str(value).encode("utf-8")
        lines.append(name.encode() + b": " + value)
    return b"\r\n".join(lines) + b"\r\n\r\n" + (case.body or b"")


def cookie_header(session: "requests.Session | None") -> str:
    if session is None:
        return ""
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in session.cookies)


def leaks(answer: Answer) -> list:
    """The internal text an answer shows (headers, and a textual body)."""
    found = []
    header_text = " ".join(f"{k}: {v}" for k, v in answer.headers.items())
    content_type = answer.headers.get("content-type", "").split(";")[0].strip().lower()
    body = answer.body.decode("utf-8", "replace") if content_type in TEXT_TYPES else ""
    for marker in INTERNAL_TEXT:
        if marker in header_text or marker in body:
            found.append(marker)
    if content_type == "text/html" and PROBE_TAG.lower() in body.lower():
        found.append(f"unescaped {PROBE_TAG}")
    return found


# --- the environment: a server, a relying party, a person logged in ----------------------------------------------


@dataclass
class FuzzEnvironment:
    server: object
    port: int
    issuer: str
    client: Client
    machine_id: str
    machine_secret: str
    access_token: str
    id_token: str
    sender_token: str
    person: dict
    others: list = field(default_factory=list)  # the other demo people, should Sophie be locked out
    person_browser: "Browser | None" = None
    person_csrf: str = ""
    anon_browser: "Browser | None" = None
    anon_csrf: str = ""
    tx: str = ""
    document_id: str = ""
    stylesheet: str = "/assets/persopoint.css"
    relogins: int = 0

    def log_in_person(self):
        """Sophie logs in to PersoSelfService; should the fuzz have locked her out (it tries to change her password
        with wrong current passwords), the next demo person does."""
        if self.person_browser is not None:
            self.person_browser.close()
        candidates = [self.person, *self.others]
        for i, person in enumerate(candidates):
            try:
                self.person_browser, page = log_in_to_selfservice(self.server.url, person)
                break
            except AssertionError:
                if i == len(candidates) - 1:
                    raise
        form = parse_html(page.text).find("form", id="personal-data-form")
        self.person_csrf = next(n.attrs.get("value", "") for n in form.find_all("input") if n.attrs.get("name") == "_csrf")

    def cookies(self, session: str) -> list:
        browser = {"person": self.person_browser, "anon": self.anon_browser}.get(session)
        return [(cookie.name, cookie.value) for cookie in browser.cookies] if browser is not None else []

    def eid_attempt(self) -> str:
        """A card-reader attempt of the eID key, from its page in the current login."""
        page = self.anon_browser.get(f"{self.server.url}/fas/login/eid?tx={self.tx}")
        link = parse_html(page.text).find("a", id="eid-identify")
        assert link is not None, f"the eID key's page has no a#eid-identify:\n{page.text[:1500]}"
        return re.search(r"attempt=([A-Za-z0-9_-]+)", link.attrs.get("href", "")).group(1)

    def person_still_logged_in(self) -> bool:
        response = self.person_browser.get(self.server.url + "/selfservice/personal")
        return response.status_code == 200 and "personal-data-form" in response.text

    def open_login_form(self):
        """An anonymous visitor at the password key's form of a login PersoSelfService began: tx and CSRF token."""
        if self.anon_browser is not None:
            self.anon_browser.close()
        self.anon_browser = Browser()
        self.anon_browser.headers["Accept-Language"] = "en"
        chooser = follow(self.anon_browser, self.server.url + "/selfservice/personal")
        found = re.search(r"[?&]tx=([A-Za-z0-9_-]+)", chooser.url)
        assert found, f"PersoSelfService should send a visitor to the key chooser, got {chooser.status_code} at {chooser.url}"
        self.tx = found.group(1)
        page = follow(self.anon_browser, f"{self.server.url}/fas/login/token?tx={self.tx}")
        form = parse_html(page.text).find("form", id="password-form")
        assert form is not None, f"no password form at {page.url}:\n{page.text[:1500]}"
        self.anon_csrf = next(n.attrs.get("value", "") for n in form.find_all("input") if n.attrs.get("name") == "_csrf")


def client_credentials(token_endpoint: str, client_id: str, secret: str, scope: "str | None" = None) -> str:
    data = {"grant_type": "client_credentials"}
    if scope:
        data["scope"] = scope
    response = requests.post(token_endpoint, data=data, auth=(client_id, secret), timeout=TIMEOUT)
    assert response.status_code == 200, f"client_credentials for {client_id} → {response.status_code}: {response.text[:300]}"
    return response.json()["access_token"]


@pytest.fixture(scope="module")
def environment(extra_servers):  # noqa: F811
    # Behind a trusted proxy (the test's requests come from 127.0.0.1): X-Forwarded-For and the eID proxy's certificate
    # header are read, so they are fuzzed too.
    server = extra_servers("fuzz", eid_port=0, args=["--trusted-proxies", "127.0.0.1", "--eid-trusted-proxies", "127.0.0.1"])
    discovery = requests.get(f"{server.url}/fas/oauth2/.well-known/openid-configuration", timeout=TIMEOUT).json()
    credentials = server.cli("demo", "credentials")
    person = next(p for p in credentials["people"] if p["givenName"] == "Sophie")
    other = next(p for p in credentials["people"] if p["givenName"] == "Pieter")

    client_id = f"fuzz-rp-{uuid.uuid4().hex[:8]}"
    redirect_uri = f"{CALLBACK}/{client_id}"
    registered = server.cli("client", "add", "--id", client_id, "--redirect-uri", redirect_uri, "--scopes", ALL_SCOPES,
                            "--grant-types", "authorization_code,refresh_token", "--min-level", "200")
    client = Client(client_id, registered["client_secret"], [redirect_uri], [], "client_secret_basic", ALL_SCOPES)
    machine_id = f"fuzz-machine-{uuid.uuid4().hex[:8]}"
    machine = server.cli("client", "add", "--id", machine_id, "--grant-types", "client_credentials", "--scopes", "openid")

    # A real login of another person gives a real access token and ID token to start the mutations from.
    with Browser() as browser:
        flow = authorization_request(client, discovery)
        location = login(browser, flow.url, other, redirect_uri=redirect_uri)
        token, _ = exchange_code(client, discovery, flow, location)
    sender = credentials["senders"][0]
    env = FuzzEnvironment(
        server=server, port=server.port, issuer=discovery["issuer"], client=client, machine_id=machine_id,
        machine_secret=machine["client_secret"], access_token=token["access_token"], id_token=token["id_token"],
        sender_token=client_credentials(discovery["token_endpoint"], sender["clientID"], sender["clientSecret"], "ebox:publish"),
        person=person, others=[p for p in credentials["people"] if p is not person and p is not other],
    )
    env.log_in_person()
    env.open_login_form()
    yield env
    for browser in (env.person_browser, env.anon_browser):
        if browser is not None:
            browser.close()


# --- the crawl ---------------------------------------------------------------------------------------------------


@dataclass
class Crawl:
    pages: int = 0
    forms: dict = field(default_factory=lambda: defaultdict(set))  # (METHOD, action path) → field names
    links: set = field(default_factory=set)  # paths linked to
    problems: list = field(default_factory=list)  # normal pages that already fail the checks


def crawl(env: FuzzEnvironment, browser: Browser, seeds: list, limit: int) -> Crawl:
    """Breadth-first over the server's own pages (never a logout or a cancel), fetching at most `limit`."""
    base = env.server.url
    seen, queue, found = set(), list(seeds), Crawl()
    while queue and found.pages < limit:
        url = queue.pop(0)
        parts = urlsplit(url)
        key = (parts.path, re.sub(r"(tx|lang|return|from)=[^&]*", r"\1", parts.query))
        if key in seen or "logout" in parts.path or parts.path.endswith("/cancel"):
            continue
        seen.add(key)
        response = browser.get(url)
        found.pages += 1
        answer = Answer(response.status_code, {k.lower(): v for k, v in response.headers.items()}, response.content)
        if response.status_code >= 500 or leaks(answer):
            found.problems.append(f"GET {parts.path}?{parts.query} → {response.status_code} {leaks(answer)}")
        if response.status_code in (301, 302, 303, 307, 308):
            target = urljoin(url, response.headers.get("Location", ""))
            if target.startswith(base):
                queue.append(target)
            continue
        if "html" not in response.headers.get("Content-Type", ""):
            continue
        page = parse_html(response.text)
        for node in page.find_all("link") + page.find_all("a") + page.find_all("script"):
            href = node.attrs.get("href") or node.attrs.get("src")
            if not href or href.startswith(("mailto:", "tel:", "data:")):
                continue
            target = urljoin(url, href).split("#")[0]
            if not target.startswith(base):
                continue
            queue.append(target)
            path = urlsplit(target).path
            found.links.add(path)
            if "/assets/" in path and path.endswith(".css"):
                env.stylesheet = path
            match = re.search(r"/ebox/documents/([0-9a-f-]{36})", path)
            if match and not env.document_id:
                env.document_id = match.group(1)
        for form in page.find_all("form"):
            action = urlsplit(urljoin(url, form.attrs.get("action") or url)).path
            names = {n.attrs.get("name") for n in form.find_all() if n.tag in ("input", "select", "textarea", "button")}
            found.forms[((form.attrs.get("method") or "get").upper(), action)] |= {n for n in names if n}
    return found


def template_of(path: str) -> str:
    path = re.sub(r"/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "/{id}", path)
    return path


def catalogue_matches(targets: list, method: str, path: str) -> bool:
    for target in targets:
        if target.method != method:
            continue
        pattern = re.escape(target.label.split(" ", 1)[1])
        pattern = re.sub(r"\\\{[a-zA-Z]+\\\}", "[^/]+", pattern)
        if re.fullmatch(pattern, path):
            return True
    return False


# --- the test ------------------------------------------------------------------------------------------------------


def test_a_bounded_fuzz_of_every_form_and_api_gets_no_server_error_and_no_internal_text(environment):
    env = environment
    rng = random.Random(SEED)
    started = time.monotonic()

    # 1. Crawl as a visitor and as Sophie: the normal pages pass the same checks, and give the forms, links and ids.
    base = env.server.url
    anon = crawl(env, env.anon_browser, [base + p for p in ("/", "/office", "/office/bosa/book", "/contact", "/selfservice", "/ebox", "/fas/keys",
                                                             "/fas/relying-parties", "/help")], 60)
    person = crawl(env, env.person_browser, [base + p for p in ("/", "/selfservice", "/selfservice/personal", "/selfservice/absences",
                                                                 "/selfservice/team", "/selfservice/telework", "/selfservice/file",
                                                                 "/selfservice/payslips", "/selfservice/career-interruption", "/ebox",
                                                                 "/ebox/settings", "/contact", "/fas/keys", "/fas/activity",
                                                                 "/fas/password")], 80)
    assert not anon.problems + person.problems, f"normal pages already fail the checks: {anon.problems + person.problems}"
    assert env.document_id, "the crawl found no eBox document of Sophie's (the demo data gives her some)"
    if not env.person_still_logged_in():
        env.log_in_person()

    targets = gateway_targets(env) + application_targets(env)
    uncatalogued = []
    for crawled, session in ((anon, "anon"), (person, "person")):
        for (method, action), names in sorted(crawled.forms.items()) + [(("GET", path), set()) for path in sorted(crawled.links)]:
            if catalogue_matches(targets, method, action):
                continue
            uncatalogued.append(f"{method} {action}")
            fields = {name: "x" for name in names if name != "_csrf"}
            targets.append(Target(f"{method} {template_of(action)} (found)", method, action, fields, session=session,
                                  csrf="_csrf" in names, logout="logout" in action))
    print(f"\ncrawl: {anon.pages} pages as a visitor, {person.pages} as Sophie; "
          f"{len(anon.forms) + len(person.forms)} forms and {len(anon.links | person.links)} linked paths, "
          f"not in the catalogue: {uncatalogued or 'none'}")

    # 2. Every target's mutations, drawn from the one seeded generator, sent one after the other and judged.
    mutator = Mutator(rng, env)
    per_route = defaultdict(Counter)
    failures = []
    closed = Counter()
    sent = 0
    person_cases = 0
    slowest = []
    for target in targets:
        if any(value == TX for value in target.fields.values()):
            env.open_login_form()  # a login transaction of its own: an earlier target may have ended the last one
        for mutation in mutator.mutations(target):
            if time.monotonic() - started > TIME_LIMIT:
                break
            if target.session == "person":
                person_cases += 1
                if person_cases % 50 == 0 and not env.person_still_logged_in():
                    env.relogins += 1
                    env.log_in_person()
            case = mutator.case(target, mutation)
            browser = {"person": env.person_browser, "anon": env.anon_browser}.get(case.session)
            before = time.monotonic()
            answer, problem = send(env.port, case, cookie_header(browser))
            slowest.append((time.monotonic() - before, f"{case.method} {case.path[:80]!r} [{case.what}] → {answer.status}"))
            sent += 1
            per_route[case.label][answer.status if answer.status is not None else "closed"] += 1
            where = f"{case.method} {case.path[:100]!r} [{case.what}]"
            if problem:
                failures.append(f"{where}: {problem}")
            elif answer.status is None:
                closed[case.what] += 1
                if not case.closed_ok:
                    failures.append(f"{where}: connection closed without an answer")
            else:
                if answer.status >= 500:
                    failures.append(f"{where} → {answer.status}: {answer.body[:300]!r}")
                leaked = leaks(answer)
                if leaked:
                    failures.append(f"{where} → {answer.status} shows {leaked}: {excerpt(answer.body, leaked[0])!r}")
    elapsed = time.monotonic() - started

    live = requests.get(base + "/health/live", timeout=TIMEOUT)
    alive = env.server.process is not None and env.server.process.poll() is None and live.status_code == 200

    statuses = Counter()
    for counts in per_route.values():
        statuses.update(counts)
    print(f"fuzz: {sent} requests in {elapsed:.1f} s (seed {SEED}) to {len(per_route)} routes; statuses "
          f"{dict(sorted(statuses.items(), key=str))}; closed without an answer {sum(closed.values())} {dict(closed)}; "
          f"failures {len(failures)}; Sophie logged in again {env.relogins} times; server alive {alive}")
    print("  slowest: " + "; ".join(f"{seconds:.2f} s {what}" for seconds, what in sorted(slowest, reverse=True)[:5]))
    for label in sorted(per_route):
        counts = per_route[label]
        print(f"  {label:58} {sum(counts.values()):4}  {dict(sorted(counts.items(), key=str))}")

    assert alive, f"the server did not survive the fuzz:\n{env.server.log_tail(30)}"
    assert not failures, f"{len(failures)} of {sent} fuzzed requests failed:\n" + "\n".join(failures[:25]) + \
        f"\nserver log:\n{server_errors(env.server)}"
    assert sent >= MINIMUM_REQUESTS, f"only {sent} requests sent within {TIME_LIMIT} s"


def excerpt(body: bytes, marker: str) -> str:
    text = body.decode("utf-8", "replace")
    at = text.find(marker.replace("unescaped ", ""))
    return text[max(0, at - 120): at + 120] if at >= 0 else text[:240]


def server_errors(server, lines: int = 10) -> str:
    try:
        text = server.log_path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    errors = [line for line in text.splitlines() if "request failed" in line or " error " in line or "critical" in line]
    return "\n".join(errors[:lines]) or "(no error in the log)"
