"""The mobile identity service (the itsme role) as an OpenID provider for the authorisation code flow, used by a
third-party relying party written with Authlib.

The relying party makes an EC P-256 key, writes its public JWKS to a file and is registered with `persopoint mobileid
client-add --redirect-uri ...` (two redirect URIs). It reads the provider's discovery document under /mobileid, builds
the authorisation URL with Authlib's OAuth2Session (PKCE S256, state, nonce, acr_values), and redeems the code at the
token endpoint with private_key_jwt (authlib.oauth2.rfc7523.PrivateKeyJWT: a fresh ES256 assertion, aud the token
endpoint, a new jti each time). The ID token is verified with Authlib's JsonWebToken against the provider's jwks_uri:
signature, iss, aud, exp, nonce, acr Level450, amr, egovNRN and the names.

The person is two things here. At the computer, a requests.Session: it GETs the authorisation URL, posts the phone
form (its _csrf and flow fields and the phone number), reads the two-digit number on the wait page, asks the status
like the page's script does, and posts the continue (or cancel) form; the answer is a 303 to the relying party's
redirect URI, read from its Location header (nothing listens at 127.0.0.1:9). On the phone, ciba_client.Phone: a
device key paired with a demo person's number and itsme code through the development route, and signed calls that
tap the number the computer shows and type the code (or refuse).

Each code is single-use and burnt by any redemption attempt, so each token-endpoint story runs a login of its own.
Three requests left unanswered or refused in ten minutes pause a phone for a quarter of an hour, so the stories that
refuse use Pieter, those that cancel use Lena, and everything that confirms uses Sophie.

A server of its own (--dev: the demo people each enrolled with a phone and a code).
"""

from __future__ import annotations

import base64
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from .ciba_client import AMR, LEVEL450, Phone, describe
from .conftest import (
    TIMEOUT,
    Browser,
    PersoPointMetadata,
    expect_oauth_error,
    form_fields,
    new_client_key,
    parse_html,
    query_of,
    without_query,
)
from .servers import ExtraServer

# conftest imported authlib.jose with its deprecation warning silenced; these come after it.
from authlib.common.security import generate_token  # noqa: E402
from authlib.integrations.requests_client import OAuth2Session, OAuthError  # noqa: E402
from authlib.jose import JsonWebKey, JsonWebToken  # noqa: E402
from authlib.oauth2.rfc7523 import PrivateKeyJWT  # noqa: E402
from authlib.oauth2.rfc8414 import AuthorizationServerMetadata  # noqa: E402
from authlib.oidc.core import CodeIDToken  # noqa: E402

CIBA_GRANT = "urn:openid:params:grant-type:ciba"
SCOPE = "openid profile egovnrn"
# Nothing listens there: the tests read the authorisation response from the Location header.
CALLBACK = "http://127.0.0.1:9/code-rp/callback"
OTHER_CALLBACK = "http://127.0.0.1:9/code-rp/other-callback"
UNREGISTERED_CALLBACK = "http://127.0.0.1:9/code-rp/not-registered"
CALLBACK_ORIGIN = "http://127.0.0.1:9"
UNKNOWN_PHONE = "+32499000000"  # E.164, nobody's
# AuthorizeTexts.swift, English.
UNKNOWN_PHONE_TEXT = "No itsme identity is registered for this number."
CHECK_NOW_TEXT = "I have confirmed on my phone"
HEADERS = {"Accept-Language": "en-GB,en;q=0.9"}
INTERNAL_TEXT = ("Error(", "Fluent", "SQLite", "sqlite", "Traceback", ".swift:", "Fatal error", "PostgreSQL")


# --- the server, the relying party, the phones ----------------------------------------------------------------


@pytest.fixture(scope="module")
def server(persopoint_bin):
    started = ExtraServer(persopoint_bin, "interop-mobileid-code").start()
    yield started
    started.cleanup()


@pytest.fixture(scope="module")
def people(server) -> dict:
    listed = server.cli("demo", "credentials")
    people = {p["givenName"]: {**p, "nrn": re.sub(r"\D", "", str(p["nrn"]))} for p in listed["people"]}
    assert {"Sophie", "Pieter", "Lena"} <= set(people), sorted(people)
    for person in people.values():
        assert re.fullmatch(r"\+[1-9]\d{7,14}", person.get("phone", "")), f"an E.164 phone: {person}"
        assert re.fullmatch(r"\d{5}", person.get("itsmeCode", "")), f"a 5-digit code: {person}"
    return people


@pytest.fixture(scope="module")
def phones(server, people):
    """phones("Sophie") → that demo person's phone, paired once with a device key of its own."""
    paired = {}

    def phone(name: str) -> Phone:
        if name not in paired:
            person = people[name]
            paired[name] = Phone(server, label=f"code flow {name}").pair(person["phone"], person["itsmeCode"])
        return paired[name]

    return phone


@dataclass
class Flow:
    """One authorisation request of the relying party, as its Authlib session made it."""

    session: OAuth2Session
    url: str
    state: str
    nonce: str
    verifier: str
    redirect_uri: str


class ThirdParty:
    """A relying party of the provider under /mobileid: private_key_jwt with its own EC P-256 key, Authlib's client."""

    def __init__(self, server: ExtraServer, client_id: str, name: str, redirect_uris):
        self.server = server
        self.client_id = client_id
        self.name = name
        self.redirect_uris = list(redirect_uris)
        self.key, self.kid, self.public_jwks = new_client_key()  # a joserfc ECKey, its kid, the public JWKS
        self.issuer = f"{server.url}/mobileid"
        self._discovery = None

    def register(self, directory: Path) -> "ThirdParty":
        path = Path(directory) / f"{self.client_id}.jwks.json"
        path.write_text(json.dumps(self.public_jwks))
        args = ["mobileid", "client-add", "--id", self.client_id, "--name", self.name, "--jwks-file", str(path)]
        for uri in self.redirect_uris:
            args += ["--redirect-uri", uri]
        done = self.server.cli_plain(*args)
        assert done.returncode == 0, f"`persopoint {' '.join(args)}` → {done.returncode}\n{done.stdout}\n{done.stderr}"
        return self

    @property
    def discovery(self) -> dict:
        if self._discovery is None:
            response = requests.get(f"{self.issuer}/.well-known/openid-configuration", timeout=TIMEOUT)
            assert response.status_code == 200, describe(response)
            self._discovery = response.json()
        return self._discovery

    def session(self, *, redirect_uri: "str | None" = None, scope: str = SCOPE, auth_method: str = "private_key_jwt",
                secret: "str | None" = None) -> OAuth2Session:
        """Authlib's OAuth2Session for this client; session.last_response is the last HTTP response it got."""
        session = OAuth2Session(
            self.client_id,
            self.key if auth_method == "private_key_jwt" else secret,
            token_endpoint_auth_method=auth_method,
            scope=scope,
            redirect_uri=redirect_uri or self.redirect_uris[0],
            code_challenge_method="S256",
            default_timeout=TIMEOUT,
        )
        if auth_method == "private_key_jwt":
            session.register_client_auth_method(
                PrivateKeyJWT(self.discovery["token_endpoint"], headers={"kid": self.kid}, alg="ES256")
            )
        session.last_response = None

        def remember(response, *args, **kwargs):
            session.last_response = response

        session.hooks["response"].append(remember)
        return session

    def authorization(self, *, redirect_uri: "str | None" = None, scope: str = SCOPE, **params) -> Flow:
        """The authorisation URL Authlib builds: PKCE S256 from a fresh verifier, a fresh state and nonce, Level450."""
        redirect_uri = redirect_uri or self.redirect_uris[0]
        session = self.session(redirect_uri=redirect_uri, scope=scope)
        verifier = generate_token(48)
        nonce = params.pop("nonce", None) or generate_token(20)
        params.setdefault("acr_values", LEVEL450)
        url, state = session.create_authorization_url(
            self.discovery["authorization_endpoint"], code_verifier=verifier, nonce=nonce, **params
        )
        return Flow(session, url, state, nonce, verifier, redirect_uri)

    def redeem(self, flow: Flow, location: str, *, session: "OAuth2Session | None" = None, **kwargs):
        """The authorisation response for tokens (Authlib's fetch_token: it checks state and reads the code)."""
        options = {"redirect_uri": flow.redirect_uri, "code_verifier": flow.verifier}
        options.update(kwargs)
        return (session or flow.session).fetch_token(
            self.discovery["token_endpoint"], authorization_response=location, state=flow.state, **options
        )

    def provider_keys(self) -> dict:
        response = requests.get(self.discovery["jwks_uri"], timeout=TIMEOUT)
        assert response.status_code == 200, describe(response)
        return response.json()

    def verified_id_token(self, id_token: str, *, nonce: str, access_token: "str | None" = None) -> dict:
        """The ID token as an Authlib relying party checks it: ES256 against the provider's JWKS (by kid), iss, aud,
        exp, iat, nonce (OIDC Core §3.1.3.7), acr, and at_hash if there is one."""
        header = json.loads(_b64url_decode(id_token.split(".")[0]))
        assert header.get("alg") == "ES256", header
        key_set = self.provider_keys()
        assert header.get("kid") in {k.get("kid") for k in key_set["keys"]}, f"the ID token's kid is not in the JWKS: {header}"
        claims = JsonWebToken(["ES256"]).decode(
            id_token,
            JsonWebKey.import_key_set(key_set),
            claims_cls=CodeIDToken,
            claims_options={
                "iss": {"essential": True, "value": self.issuer},
                "aud": {"essential": True, "value": self.client_id},
                "sub": {"essential": True},
                "exp": {"essential": True},
                "iat": {"essential": True},
                "nonce": {"essential": True, "value": nonce},
                "acr": {"essential": True, "value": LEVEL450},
            },
            claims_params={"nonce": nonce, "client_id": self.client_id, "access_token": access_token},
        )
        claims.validate(leeway=60)
        return dict(claims)


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@pytest.fixture(scope="module")
def rp(server, tmp_path_factory) -> ThirdParty:
    return ThirdParty(server, "interop-code-rp", "Interop Code Portal", [CALLBACK, OTHER_CALLBACK]).register(
        tmp_path_factory.mktemp("code-rp")
    )


# --- the person at the computer ---------------------------------------------------------------------------------


class Computer:
    """The person's browser at the computer: a requests.Session (no automatic redirects), in English."""

    def __init__(self, server: ExtraServer):
        self.server = server
        self.browser = Browser()
        self.browser.headers.update(HEADERS)

    def close(self):
        self.browser.close()

    def open(self, url: str) -> requests.Response:
        # requests.Session.get asks to follow redirects unless told not to.
        return self.browser.get(url, allow_redirects=False)

    def phone_page(self, url: str) -> requests.Response:
        """The authorisation URL, which must answer the phone form."""
        response = self.open(url)
        assert response.status_code == 200, f"the authorisation request should show the phone form: {describe(response)}"
        assert response.headers.get("Content-Type", "").startswith("text/html"), response.headers
        page = parse_html(response.text)
        assert page.find(id="authorize-form") is not None, f"no form#authorize-form: {response.text[:2000]}"
        return response

    @staticmethod
    def form(response: requests.Response, *, form_id: "str | None" = None, button_id: "str | None" = None):
        """(action URL, fields) of a form on the page, found by its id or by the id of its button."""
        page = parse_html(response.text)
        if form_id:
            form = page.find("form", id=form_id)
            assert form is not None, f"no form#{form_id} at {response.url}:\n{response.text[:2000]}"
        else:
            button = page.find(id=button_id)
            assert button is not None, f"no #{button_id} at {response.url}:\n{response.text[:2000]}"
            form = button.parent
            while form is not None and form.tag != "form":
                form = form.parent
            assert form is not None, f"#{button_id} is not in a form"
        assert (form.attrs.get("method") or "get").lower() == "post", form.attrs
        fields = form_fields(form)
        assert fields.get("_csrf"), f"the form has no _csrf value: {fields}"
        assert fields.get("flow"), f"the form has no flow value: {fields}"
        return urljoin(response.url, form.attrs.get("action") or response.url), fields

    def post_form(self, response: requests.Response, *, form_id=None, button_id=None, **values) -> requests.Response:
        action, fields = self.form(response, form_id=form_id, button_id=button_id)
        fields.update(values)
        return self.browser.post(action, data=fields, allow_redirects=False)

    def send_phone(self, phone_page: requests.Response, phone: str) -> requests.Response:
        return self.post_form(phone_page, form_id="authorize-form", phone=phone)

    def wait_page(self, sent: requests.Response) -> requests.Response:
        """After the phone form: 303 to /mobileid/authorize/wait?flow=…, then the wait page."""
        assert sent.status_code == 303, f"the phone form should send to the wait page: {describe(sent)}"
        location = urljoin(sent.url, sent.headers["Location"])
        assert urlsplit(location).path == "/mobileid/authorize/wait" and query_of(location).get("flow"), location
        response = self.open(location)
        assert response.status_code == 200, describe(response)
        return response

    @staticmethod
    def number(wait_page: requests.Response) -> str:
        page = parse_html(wait_page.text)
        node = page.find(id="match-number")
        assert node is not None, f"no #match-number on the wait page:\n{wait_page.text[:2000]}"
        number = node.text.strip()
        assert re.fullmatch(r"\d\d", number), f"the number to tap should be two digits: {number!r}"
        return number

    def status(self, wait_page: requests.Response) -> dict:
        """What the wait page's script asks every 2 s: /mobileid/authorize/status?flow=…"""
        flow = self.form(wait_page, form_id="continue-form")[1]["flow"]
        response = self.browser.get(f"{self.server.url}/mobileid/authorize/status", params={"flow": flow},
                                    headers={"Accept": "application/json"}, allow_redirects=False)
        assert response.status_code == 200 and response.headers.get("Content-Type", "").startswith("application/json"), describe(response)
        return response.json()

    def go_on(self, wait_page: requests.Response) -> requests.Response:
        """The continue form, as the script submits it once the phone answered (or the person's button)."""
        return self.post_form(wait_page, form_id="continue-form")

    def cancel(self, page: requests.Response) -> requests.Response:
        return self.post_form(page, button_id="authorize-cancel")


@pytest.fixture
def computer(server):
    opened = Computer(server)
    yield opened
    opened.close()


# --- helpers ----------------------------------------------------------------------------------------------------


def request_ids(phone: Phone, client_name: str) -> set:
    return {p["id"] for p in phone.state().get("pending", []) if p.get("client") == client_name}


def new_request(phone: Phone, client_name: str, before: set, number: str, timeout: float = 5) -> dict:
    """The request that just reached the phone (not among `before`), with the number the computer shows among its
    three choices."""
    deadline = time.monotonic() + timeout
    while True:
        state = phone.state()
        found = [p for p in state.get("pending", []) if p.get("client") == client_name and p["id"] not in before]
        if found:
            request = found[0]
            assert len(request.get("choices", [])) == 3 and number in request["choices"], (
                f"the phone should offer three numbers, {number} among them: {request}"
            )
            assert request.get("level") == LEVEL450, request
            return request
        assert time.monotonic() < deadline, f"no new request of {client_name} on the phone within {timeout} s: {state}"
        time.sleep(0.2)


def confirm_on_phone(phone: Phone, request: dict, number: str, code: str):
    answer = phone.answer(request["id"], approve=True, choice=number, code=code)
    assert answer.status_code == 200 and answer.json() == {"result": "confirmed"}, describe(answer)


def refuse_on_phone(phone: Phone, request: dict):
    answer = phone.answer(request["id"], approve=False)
    assert answer.status_code == 200 and answer.json() == {"result": "refused"}, describe(answer)


def check_redirect(response: requests.Response, flow: Flow, issuer: str) -> dict:
    """A 303 to the flow's redirect URI with state and iss (RFC 9207); its query."""
    assert response.status_code == 303, f"expected a 303 to {flow.redirect_uri}: {describe(response)}"
    location = response.headers["Location"]
    assert without_query(location) == flow.redirect_uri, f"redirected to {location}, expected {flow.redirect_uri}"
    params = query_of(location)
    assert params.get("state") == flow.state, f"state must come back as sent ({flow.state}): {params}"
    assert params.get("iss") == issuer, f"iss (RFC 9207) should be {issuer}: {params}"
    return params


def check_error_redirect(response: requests.Response, flow: Flow, issuer: str, error: str) -> dict:
    params = check_redirect(response, flow, issuer)
    assert params.get("error") == error, f"expected error={error}: {params}"
    assert "code" not in params, params
    assert not any(marker in params.get("error_description", "") for marker in INTERNAL_TEXT), params
    return params


def log_in(rp: ThirdParty, computer: Computer, phone: Phone, person: dict, *, flow: "Flow | None" = None,
           **params) -> "tuple[Flow, str]":
    """A whole login at the provider up to the authorisation response: (the flow, the Location back to the RP)."""
    flow = flow or rp.authorization(**params)
    page = computer.phone_page(flow.url)
    before = request_ids(phone, rp.name)
    wait = computer.wait_page(computer.send_phone(page, person["phone"]))
    number = computer.number(wait)
    confirm_on_phone(phone, new_request(phone, rp.name, before, number), number, person["itsmeCode"])
    assert computer.status(wait) == {"state": "approved"}
    back = computer.go_on(wait)
    params = check_redirect(back, flow, rp.issuer)
    assert "error" not in params and params.get("code"), f"expected a code: {params}"
    return flow, back.headers["Location"]


def check_tokens(session: OAuth2Session, token: dict):
    response = session.last_response
    assert response is not None and response.status_code == 200, describe(response)
    assert "no-store" in response.headers.get("Cache-Control", ""), response.headers
    assert token.get("token_type") == "Bearer", token
    assert isinstance(token.get("expires_in"), int) and token["expires_in"] > 0, token
    assert isinstance(token.get("access_token"), str) and token["access_token"], token
    assert isinstance(token.get("id_token"), str) and token["id_token"].count(".") == 2, token


# --- discovery --------------------------------------------------------------------------------------------------


def test_the_discovery_document_offers_the_code_flow_with_pkce_and_private_key_jwt_only(server, rp):
    response = requests.get(f"{server.url}/mobileid/.well-known/openid-configuration", timeout=TIMEOUT)
    assert response.status_code == 200 and response.headers.get("Content-Type", "").startswith("application/json"), describe(response)
    meta = response.json()
    issuer = f"{server.url}/mobileid"
    assert meta["issuer"] == issuer, meta
    assert meta["authorization_endpoint"] == issuer + "/authorize", meta
    assert meta["token_endpoint"] == issuer + "/token", meta
    assert meta["grant_types_supported"] == [CIBA_GRANT, "authorization_code"], meta
    assert meta["response_types_supported"] == ["code"], meta
    assert meta["code_challenge_methods_supported"] == ["S256"], meta
    assert meta["authorization_response_iss_parameter_supported"] is True, meta
    assert meta["token_endpoint_auth_methods_supported"] == ["private_key_jwt"], meta
    assert meta["id_token_signing_alg_values_supported"] == ["ES256"], meta
    assert isinstance(meta.get("jwks_uri"), str) and meta["jwks_uri"].startswith(issuer), meta
    assert isinstance(meta.get("userinfo_endpoint"), str) and meta["userinfo_endpoint"].startswith(issuer), meta
    assert {"openid", "profile", "egovnrn"} <= set(meta.get("scopes_supported", [])), meta
    # Authlib's own validators for RFC 8414 and OpenID Connect Discovery (minus its RS256 rule, see conftest).
    AuthorizationServerMetadata(meta).validate()
    PersoPointMetadata(meta).validate()
    keys = rp.provider_keys()
    assert keys.get("keys") and all(k.get("kty") == "EC" and "d" not in k for k in keys["keys"]), keys


# --- the whole flow ---------------------------------------------------------------------------------------------


def test_sophie_logs_in_at_the_relying_party_by_code_flow_and_its_id_token_verifies(rp, computer, phones, people):
    """PKCE S256 and a nonce; the phone form, the number, the phone; the code for tokens with private_key_jwt; the
    ID token verified with Authlib (iss, aud, nonce, acr, amr, egovNRN, names)."""
    sophie = people["Sophie"]
    phone = phones("Sophie")
    flow = rp.authorization(login_hint=sophie["phone"])
    query = query_of(flow.url)
    assert query["code_challenge_method"] == "S256" and query["code_challenge"] and query["nonce"] == flow.nonce, query

    # The provider's own page: the phone form, a cancel button, the way to create an identity.
    page = computer.phone_page(flow.url)
    html = parse_html(page.text)
    assert html.find("input", id="phone") is not None and html.find(id="authorize-send") is not None, page.text[:2000]
    assert html.find(id="authorize-cancel") is not None, page.text[:2000]
    create = html.find("a", id="create-identity")
    assert create is not None and urlsplit(urljoin(page.url, create.attrs.get("href", ""))).path == "/mobileid/enrol", create
    assert rp.name in page.text, "the page should say which application the person logs in to"
    assert html.find("input", id="phone").attrs.get("value") == sophie["phone"], "login_hint should fill in the phone number"
    csp = page.headers.get("Content-Security-Policy", "")
    form_action = next((d for d in csp.split(";") if d.strip().startswith("form-action")), "")
    assert CALLBACK_ORIGIN in form_action.split(), f"the CSP's form-action must allow {CALLBACK_ORIGIN}: {csp!r}"

    before = request_ids(phone, rp.name)
    sent = computer.send_phone(page, sophie["phone"])
    wait = computer.wait_page(sent)
    number = computer.number(wait)
    wait_html = parse_html(wait.text)
    assert wait_html.find(id="countdown") is not None, wait.text[:2000]
    assert wait_html.find(id="authorize-check") is not None and wait_html.find(id="authorize-cancel") is not None
    assert wait_html.find(id="authorize-check").text == CHECK_NOW_TEXT, wait_html.find(id="authorize-check").text
    wait_csp = wait.headers.get("Content-Security-Policy", "")
    assert CALLBACK_ORIGIN in next((d for d in wait_csp.split(";") if d.strip().startswith("form-action")), "").split(), wait_csp
    assert computer.status(wait) == {"state": "pending"}

    request = new_request(phone, rp.name, before, number)
    confirm_on_phone(phone, request, number, sophie["itsmeCode"])
    assert computer.status(wait) == {"state": "approved"}
    back = computer.go_on(wait)
    params = check_redirect(back, flow, rp.issuer)
    assert "error" not in params and params.get("code"), params

    token = rp.redeem(flow, back.headers["Location"])
    check_tokens(flow.session, token)
    claims = rp.verified_id_token(token["id_token"], nonce=flow.nonce, access_token=token["access_token"])
    assert claims["iss"] == rp.issuer and claims["aud"] in (rp.client_id, [rp.client_id]), claims
    assert claims["nonce"] == flow.nonce, claims
    assert claims["acr"] == LEVEL450 and claims.get("amr") == AMR, claims
    assert claims.get("egovNRN") == sophie["nrn"], f"egovNRN must be Sophie's national number: {claims}"
    assert claims.get("given_name") == sophie["givenName"] and claims.get("family_name") == sophie["surname"], claims
    assert isinstance(claims.get("sub"), str) and claims["sub"] and sophie["nrn"] not in claims["sub"], claims
    assert abs(claims["iat"] - time.time()) < 120 and claims["exp"] > claims["iat"], claims


def test_the_access_token_opens_userinfo(rp, computer, phones, people):
    sophie = people["Sophie"]
    flow, location = log_in(rp, computer, phones("Sophie"), sophie)
    token = rp.redeem(flow, location)
    check_tokens(flow.session, token)
    claims = rp.verified_id_token(token["id_token"], nonce=flow.nonce, access_token=token["access_token"])

    # Authlib's session carries the token as a bearer header.
    response = flow.session.get(rp.discovery["userinfo_endpoint"])
    assert response.status_code == 200 and response.headers.get("Content-Type", "").startswith("application/json"), describe(response)
    assert response.request.headers.get("Authorization") == f"Bearer {token['access_token']}", response.request.headers
    info = response.json()
    assert info.get("sub") == claims["sub"], (info, claims)
    assert info.get("egovNRN") == sophie["nrn"], info
    assert info.get("given_name") == sophie["givenName"] and info.get("family_name") == sophie["surname"], info

    refused = requests.get(rp.discovery["userinfo_endpoint"], headers={"Authorization": "Bearer not-a-token"}, timeout=TIMEOUT)
    assert refused.status_code == 401 and refused.json().get("error") == "invalid_token", describe(refused)


# --- the token endpoint refuses ---------------------------------------------------------------------------------


def test_a_code_works_once(rp, computer, phones, people):
    flow, location = log_in(rp, computer, phones("Sophie"), people["Sophie"])
    token = rp.redeem(flow, location)
    check_tokens(flow.session, token)
    session = rp.session(redirect_uri=flow.redirect_uri)
    body = expect_oauth_error(session, lambda: rp.redeem(flow, location, session=session), "invalid_grant", 400)
    assert "access_token" not in body and "id_token" not in body, body


def test_a_wrong_code_verifier_is_invalid_grant(rp, computer, phones, people):
    flow, location = log_in(rp, computer, phones("Sophie"), people["Sophie"])
    wrong = generate_token(48)
    assert wrong != flow.verifier
    expect_oauth_error(flow.session, lambda: rp.redeem(flow, location, code_verifier=wrong), "invalid_grant", 400)


def test_a_redirect_uri_other_than_the_requests_is_invalid_grant(rp, computer, phones, people):
    """Both redirect URIs are registered; the code was issued to the second, and redeemed naming the first."""
    flow = rp.authorization(redirect_uri=OTHER_CALLBACK)
    flow, location = log_in(rp, computer, phones("Sophie"), people["Sophie"], flow=flow)
    assert without_query(location) == OTHER_CALLBACK, location
    expect_oauth_error(flow.session, lambda: rp.redeem(flow, location, redirect_uri=CALLBACK), "invalid_grant", 400)


def test_client_secret_post_and_basic_are_refused_as_invalid_client(rp, computer, phones, people):
    """A genuine code, but the client authenticates with a secret: invalid_client. The refusal does not use the code
    up (the client is not known to be itself), so private_key_jwt redeems it afterwards."""
    flow, location = log_in(rp, computer, phones("Sophie"), people["Sophie"])
    for method in ("client_secret_post", "client_secret_basic"):
        session = rp.session(redirect_uri=flow.redirect_uri, auth_method=method, secret="a-secret-it-never-had")
        with pytest.raises(OAuthError) as raised:
            rp.redeem(flow, location, session=session)
        response = session.last_response
        assert response is not None and response.status_code in (400, 401), f"{method}: {describe(response)}"
        assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
        assert response.json().get("error") == "invalid_client", f"{method}: {describe(response)} ({raised.value!r})"
        if method == "client_secret_post":
            sent = dict(item.split("=", 1) for item in response.request.body.split("&"))
            assert "client_secret" in sent and "client_assertion" not in sent, response.request.body
    token = rp.redeem(flow, location)
    check_tokens(flow.session, token)


# --- the authorisation endpoint refuses -------------------------------------------------------------------------


def test_an_unregistered_redirect_uri_gets_a_400_page_and_no_redirect(rp, computer):
    flow = rp.authorization(redirect_uri=UNREGISTERED_CALLBACK)
    response = computer.open(flow.url)
    assert response.status_code == 400, f"an unregistered redirect_uri must not be redirected to: {describe(response)}"
    assert "Location" not in response.headers, response.headers
    assert response.headers.get("Content-Type", "").startswith("text/html"), response.headers
    assert parse_html(response.text).find(id="authorize-refused") is not None, response.text[:2000]

    # An unknown client_id too.
    url = flow.url.replace(f"client_id={rp.client_id}", "client_id=nobody-registered")
    assert "client_id=nobody-registered" in url, url
    unknown = computer.open(url)
    assert unknown.status_code == 400 and "Location" not in unknown.headers, describe(unknown)
    assert parse_html(unknown.text).find(id="authorize-refused") is not None, unknown.text[:2000]


@pytest.mark.parametrize(
    "params, error",
    [
        pytest.param({"response_type": "token"}, "unsupported_response_type", id="response_type-token"),
        pytest.param({"response_type": "code id_token"}, "unsupported_response_type", id="response_type-code-id_token"),
        pytest.param({"scope": "profile egovnrn"}, "invalid_scope", id="scope-without-openid"),
        pytest.param({"scope": "openid email"}, "invalid_scope", id="scope-email"),
        pytest.param({"acr_values": "urn:be:fedict:iam:fas:Level500"}, "access_denied", id="acr-Level500"),
        pytest.param({"prompt": "none"}, "login_required", id="prompt-none"),
    ],
)
def test_a_bad_authorisation_request_goes_back_with_its_error_and_state(rp, computer, params, error):
    flow = rp.authorization(**params)
    check_error_redirect(computer.open(flow.url), flow, rp.issuer, error)


def test_a_code_challenge_method_other_than_s256_is_invalid_request(rp, computer):
    flow = rp.authorization()
    url = flow.url.replace("code_challenge_method=S256", "code_challenge_method=plain")
    assert "code_challenge_method=plain" in url, url
    check_error_redirect(computer.open(url), flow, rp.issuer, "invalid_request")


def test_the_phone_form_says_what_is_wrong_with_the_number(rp, computer, people):
    flow = rp.authorization()
    page = computer.phone_page(flow.url)
    for typed in ("12", UNKNOWN_PHONE):
        again = computer.send_phone(page, typed)
        assert again.status_code == 422, f"{typed}: {describe(again)}"
        error = parse_html(again.text).find(id="phone-error")
        assert error is not None, again.text[:2000]
        if typed == UNKNOWN_PHONE:
            assert error.text == UNKNOWN_PHONE_TEXT, error.text
        assert parse_html(again.text).find(id="authorize-form") is not None
        page = again


# --- the person says no --------------------------------------------------------------------------------------------


def test_pieter_refuses_on_his_phone_and_the_relying_party_gets_access_denied(rp, computer, phones, people):
    pieter = people["Pieter"]
    phone = phones("Pieter")
    flow = rp.authorization()
    page = computer.phone_page(flow.url)
    before = request_ids(phone, rp.name)
    wait = computer.wait_page(computer.send_phone(page, pieter["phone"]))
    number = computer.number(wait)
    refuse_on_phone(phone, new_request(phone, rp.name, before, number))
    assert computer.status(wait) == {"state": "denied"}
    check_error_redirect(computer.go_on(wait), flow, rp.issuer, "access_denied")


def test_lena_cancels_on_the_computer_and_the_relying_party_gets_access_denied(rp, computer, phones, people):
    lena = people["Lena"]
    phone = phones("Lena")

    # On the phone form, before anything is sent to the phone.
    flow = rp.authorization()
    page = computer.phone_page(flow.url)
    check_error_redirect(computer.cancel(page), flow, rp.issuer, "access_denied")

    # On the wait page: the request is withdrawn from the phone as well. Going on before the phone answered shows
    # the wait page again.
    flow = rp.authorization()
    page = computer.phone_page(flow.url)
    before = request_ids(phone, rp.name)
    wait = computer.wait_page(computer.send_phone(page, lena["phone"]))
    number = computer.number(wait)
    request = new_request(phone, rp.name, before, number)
    still = computer.go_on(wait)
    assert still.status_code == 200 and computer.number(still) == number, describe(still)
    check_error_redirect(computer.cancel(wait), flow, rp.issuer, "access_denied")
    assert request["id"] not in request_ids(phone, rp.name), "the cancelled request should leave the phone"
    late = phone.answer(request["id"], approve=True, choice=number, code=lena["itsmeCode"])
    assert late.status_code in (404, 409), f"a cancelled request cannot be confirmed any more: {describe(late)}"
