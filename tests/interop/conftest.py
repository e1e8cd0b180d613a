"""Interoperability tests: the gateway's OpenID Connect provider driven by a real third-party client (Authlib).

scripts/test.sh starts the server (step d) and exports
  PERSOPOINT_URL        the server's base URL, e.g. http://127.0.0.1:8123
  PERSOPOINT_BIN        the persopoint executable (registers clients, prints demo credentials)
  PERSOPOINT_DATA_DIR   the running server's data directory (its SQLite database)

Every test is a story of what a relying party does. Only the discovery URL is hard-coded; every other endpoint
comes from the discovery document. The "browser" is a requests.Session that follows same-origin redirects
itself and stops at the first redirect that leaves the gateway (the relying party's redirect_uri), so the
tests read the authorization response from its Location header.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import sqlite3
import subprocess
import time
import uuid
import warnings
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests

# authlib.jose still works in Authlib 1.x but warns that joserfc replaces it in 2.0. (authlib.deprecate
# installs an "always" filter when imported, so ours goes in after it.)
import authlib.deprecate  # noqa: E402

warnings.filterwarnings("ignore", message=r"authlib\.jose module is deprecated")

from authlib.common.security import generate_token  # noqa: E402
from authlib.integrations.requests_client import OAuth2Session, OAuthError  # noqa: E402
from authlib.jose import JsonWebKey, JsonWebToken  # noqa: E402
from authlib.oauth2.rfc7523 import PrivateKeyJWT  # noqa: E402
from authlib.oidc.core import CodeIDToken  # noqa: E402
from authlib.oidc.discovery import OpenIDProviderMetadata  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402

TIMEOUT = 10  # seconds, for every HTTP request
CLI_TIMEOUT = 60  # seconds, for every persopoint command
LEVEL_PREFIX = "urn:be:fedict:iam:fas:Level"
LEVELS = [100, 200, 300, 350, 400, 450, 500]
ALL_SCOPES = "openid profile email egovnrn roles"
CALLBACK = "http://127.0.0.1:9/callback"  # nothing listens there: the tests read the Location header
KEY_IDS = ["key-eid", "key-itsme", "key-email", "key-totp", "key-token", "key-password"]


def acr(level: int) -> str:
    return f"{LEVEL_PREFIX}{level}"


# --- environment --------------------------------------------------------------------------------------------


def _require_env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.fail(
            f"{name} is not set: run ./scripts/test.sh, or start `persopoint serve --dev` and export "
            "PERSOPOINT_URL, PERSOPOINT_BIN and PERSOPOINT_DATA_DIR",
            pytrace=False,
        )
    return value


@pytest.fixture(scope="session")
def base_url() -> str:
    url = _require_env("PERSOPOINT_URL").rstrip("/")
    problem = None
    try:
        requests.get(f"{url}/health/ready", timeout=TIMEOUT)
    except requests.RequestException as error:
        problem = f"no PersoPoint server answers at PERSOPOINT_URL={url}: {error}"
    if problem:
        pytest.fail(problem, pytrace=False)
    return url


@pytest.fixture(scope="session")
def persopoint_bin() -> str:
    path = _require_env("PERSOPOINT_BIN")
    if not (os.path.isfile(path) and os.access(path, os.X_OK)) and not shutil.which(path):
        pytest.fail(f"PERSOPOINT_BIN={path} is not an executable", pytrace=False)
    return path


@pytest.fixture(scope="session")
def data_dir() -> str:
    path = _require_env("PERSOPOINT_DATA_DIR")
    if not os.path.isdir(path):
        pytest.fail(f"PERSOPOINT_DATA_DIR={path} is not a directory (is the server running?)", pytrace=False)
    return path


def run_cli(persopoint_bin: str, *args: str):
    """Runs `persopoint ARGS --json` and returns its parsed standard output."""
    command = [persopoint_bin, *args]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=CLI_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        done = None
    if done is None:
        pytest.fail(f"`{' '.join(command)}` did not finish within {CLI_TIMEOUT} s", pytrace=False)
    if done.returncode != 0:
        pytest.fail(
            f"`{' '.join(command)}` exited with {done.returncode}\nstdout:\n{done.stdout}\nstderr:\n{done.stderr}",
            pytrace=False,
        )
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError as error:
        problem = f"`{' '.join(command)}` did not print JSON ({error}):\n{done.stdout}\nstderr:\n{done.stderr}"
    pytest.fail(problem, pytrace=False)


# --- discovery and keys -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def issuer(base_url) -> str:
    return f"{base_url}/fas/oauth2"


@pytest.fixture(scope="session")
def discovery(issuer) -> dict:
    url = f"{issuer}/.well-known/openid-configuration"
    response = requests.get(url, timeout=TIMEOUT)
    assert response.status_code == 200, f"GET {url} → {response.status_code}: {response.text[:500]}"
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
    return response.json()


def fetch_jwks(discovery: dict) -> dict:
    response = requests.get(discovery["jwks_uri"], timeout=TIMEOUT)
    assert response.status_code == 200, f"GET jwks_uri → {response.status_code}: {response.text[:500]}"
    return response.json()


@pytest.fixture
def jwks(discovery):
    """The provider's published key set (fetched afresh for each test: keys may be rotated)."""
    return JsonWebKey.import_key_set(fetch_jwks(discovery))


class PersoPointMetadata(OpenIDProviderMetadata):
    """Authlib's OpenID Provider metadata validator, except for OIDC Discovery's "RS256 MUST be included":
    FAS compatibility here means ES256 only (the contract), which is checked separately."""

    def validate_id_token_signing_alg_values_supported(self):
        values = self.get("id_token_signing_alg_values_supported")
        if not isinstance(values, list) or not values:
            raise ValueError('"id_token_signing_alg_values_supported" is required and must be a JSON array')


# --- the "browser" ------------------------------------------------------------------------------------------


class Browser(requests.Session):
    """A requests.Session with a 10-second timeout on every request and no automatic redirects."""

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", TIMEOUT)
        kwargs.setdefault("allow_redirects", False)
        return super().request(method, url, **kwargs)


@pytest.fixture
def browser():
    with Browser() as session:
        yield session


def same_origin(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.scheme, pa.hostname, pa.port) == (pb.scheme, pb.hostname, pb.port)


def follow(session: requests.Session, url: str, max_hops: int = 10) -> requests.Response:
    """GETs url and follows redirects that stay on the gateway's origin; returns the first response that is
    not such a redirect (a page, or a redirect that leaves the gateway, e.g. to the redirect_uri)."""
    response = session.get(url, allow_redirects=False, timeout=TIMEOUT)
    return follow_response(session, response, max_hops)


def follow_response(session: requests.Session, response: requests.Response, max_hops: int = 10) -> requests.Response:
    for _ in range(max_hops):
        if response.status_code not in (301, 302, 303, 307, 308):
            return response
        location = response.headers.get("Location")
        assert location, f"{response.status_code} without Location from {response.url}"
        target = urljoin(response.url, location)
        if not same_origin(target, response.url):
            return response
        response = session.get(target, allow_redirects=False, timeout=TIMEOUT)
    pytest.fail(f"more than {max_hops} redirects starting at {response.url}")


def location_of(response: requests.Response) -> str:
    assert response.status_code in (302, 303), (
        f"expected a redirect from {response.url}, got {response.status_code}: {response.text[:800]}"
    )
    return urljoin(response.url, response.headers["Location"])


def query_of(url: str) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def without_query(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


# --- a small HTML reader (stdlib only) ----------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Node:
    tag: str
    attrs: dict
    parent: "Node | None" = None
    children: list = field(default_factory=list)  # Node or str

    @property
    def classes(self) -> list:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text)
        return " ".join(" ".join(parts).split())

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag=None, id=None, cls=None) -> list:
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (id is None or n.attrs.get("id") == id)
            and (cls is None or cls in n.classes)
        ]

    def find(self, tag=None, id=None, cls=None) -> "Node | None":
        found = self.find_all(tag, id, cls)
        return found[0] if found else None


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):
        if data.strip():
            self.current.children.append(data)


def parse_html(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def is_key_chooser(response: requests.Response) -> bool:
    if response.status_code != 200 or "html" not in response.headers.get("Content-Type", ""):
        return False
    page = parse_html(response.text)
    return page.find(id="key-password") is not None


def key_chooser_keys(response: requests.Response) -> dict:
    """{key id: Node} for the keys on a key chooser page; fails clearly if the page is not one."""
    assert response.status_code == 200, f"expected the key chooser (200), got {response.status_code} from {response.url}"
    page = parse_html(response.text)
    keys = {key: page.find(id=key) for key in KEY_IDS}
    missing = [key for key, node in keys.items() if node is None]
    assert not missing, f"key chooser at {response.url} lacks {missing}:\n{response.text[:2000]}"
    return keys


def key_is_enabled(node: Node) -> bool:
    return node.tag == "a" and "disabled" not in node.classes and bool(node.attrs.get("href"))


# --- clients ------------------------------------------------------------------------------------------------


@dataclass
class Client:
    client_id: str
    client_secret: "str | None"
    redirect_uris: list
    post_logout_uris: list
    auth_method: str  # client_secret_basic | client_secret_post | private_key_jwt | none
    scopes: str
    private_key: object = None  # joserfc ECKey for private_key_jwt
    key_id: "str | None" = None

    @property
    def redirect_uri(self) -> str:
        return self.redirect_uris[0]


@pytest.fixture
def register_client(persopoint_bin, data_dir, tmp_path):
    """register_client(...) → Client: registers a relying party with `persopoint client add --json`."""

    def register(
        *,
        name: str = "rp",
        redirect_uris=None,
        post_logout_uris=(),
        scopes: str = ALL_SCOPES,
        grant_types=("authorization_code", "refresh_token"),
        min_level: int = 200,
        confidential: bool = True,
        auth_method: str = "client_secret_basic",
    ) -> Client:
        client_id = f"interop-{name}-{uuid.uuid4().hex[:12]}"
        redirect_uris = list(redirect_uris or [f"{CALLBACK}/{client_id}"])
        args = ["client", "add", "--data-dir", data_dir, "--id", client_id]
        for uri in redirect_uris:
            args += ["--redirect-uri", uri]
        for uri in post_logout_uris:
            args += ["--post-logout-uri", uri]
        args += ["--scopes", scopes, "--grant-types", ",".join(grant_types), "--min-level", str(min_level)]
        private_key = key_id = None
        if confidential:
            args += ["--confidential", "--auth-method", auth_method]
            if auth_method == "private_key_jwt":
                private_key, key_id, public_jwks = new_client_key()
                jwks_file = tmp_path / f"{client_id}.jwks.json"
                jwks_file.write_text(json.dumps(public_jwks))
                args += ["--jwks-file", str(jwks_file)]
        else:
            args += ["--public"]
            auth_method = "none"
        output = run_cli(persopoint_bin, *args, "--json")
        assert isinstance(output, dict) and output.get("client_id") == client_id, output
        secret = output.get("client_secret")
        if auth_method in ("client_secret_basic", "client_secret_post"):
            assert secret, f"a confidential client with {auth_method} got no client_secret: {output}"
        else:
            assert not secret, f"a {auth_method} client should get no secret: {output}"
        return Client(client_id, secret, redirect_uris, list(post_logout_uris), auth_method, scopes, private_key, key_id)

    return register


def new_client_key():
    """A fresh EC P-256 key for private_key_jwt: (joserfc ECKey private key, kid, public JWKS dict)."""
    from joserfc.jwk import ECKey  # Authlib 1.9's own JOSE library (a dependency of Authlib)

    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    kid = f"rp-{uuid.uuid4().hex[:8]}"
    key = ECKey.import_key(pem, {"kid": kid, "use": "sig", "alg": "ES256"})
    public = key.as_dict(private=False)
    public.update({"kid": kid, "use": "sig", "alg": "ES256"})
    return key, kid, {"keys": [public]}


def oauth_session(client: Client, discovery: dict, *, jti: "str | None" = None, **kwargs) -> OAuth2Session:
    """Authlib's OAuth2Session for this client; session.last_response is the last HTTP response it got."""
    secret = client.client_secret
    if client.auth_method == "private_key_jwt":
        secret = client.private_key
    session = OAuth2Session(
        client.client_id,
        secret,
        token_endpoint_auth_method=client.auth_method,
        # Authlib authenticates revocation with client_secret_basic unless told otherwise.
        revocation_endpoint_auth_method=client.auth_method,
        scope=client.scopes,
        redirect_uri=client.redirect_uri,
        code_challenge_method="S256",
        default_timeout=TIMEOUT,
        **kwargs,
    )
    if client.auth_method == "private_key_jwt":
        claims = {"jti": jti} if jti else None
        session.register_client_auth_method(
            PrivateKeyJWT(discovery["token_endpoint"], claims=claims, headers={"kid": client.key_id}, alg="ES256")
        )
    session.last_response = None

    def remember(response, *args, **kw):
        session.last_response = response

    session.hooks["response"].append(remember)
    return session


def expect_oauth_error(session: OAuth2Session, call, error: str, status: int):
    """Runs call() (an Authlib token request) and checks it fails with the RFC error code and HTTP status."""
    with pytest.raises(OAuthError) as raised:
        call()
    assert raised.value.error == error, f"expected {error}, got {raised.value.error}: {raised.value.description}"
    response = session.last_response
    assert response is not None
    assert response.status_code == status, f"{error} should be HTTP {status}, got {response.status_code}"
    assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
    body = response.json()
    assert body["error"] == error
    if status == 401 and "Authorization" in response.request.headers:
        assert response.headers.get("WWW-Authenticate"), "a 401 to HTTP Basic must carry WWW-Authenticate (RFC 6749 §5.2)"
    return body


# --- people -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_people(persopoint_bin, data_dir) -> list:
    listed = run_cli(persopoint_bin, "demo", "credentials", "--data-dir", data_dir, "--json")
    assert isinstance(listed, dict) and isinstance(listed.get("people"), list) and listed["people"], (
        f"`persopoint demo credentials --json` printed {listed!r}"
    )
    people = listed["people"]
    for person in people:
        for key in ("nrn", "givenName", "surname", "organisation", "roles", "username", "password"):
            assert key in person, f"demo person without {key}: {person}"
    return people


@pytest.fixture(scope="session")
def demo_person(demo_people) -> dict:
    """The first demo person of BOSA."""
    for person in demo_people:
        if str(person["organisation"]).strip().lower() == "bosa":
            return person
    pytest.fail(f"no demo person with organisation 'bosa' among {[p['organisation'] for p in demo_people]}")


# --- the authorization code flow ----------------------------------------------------------------------------


@dataclass
class Flow:
    """One authorization request: what the relying party must remember until the callback."""

    client: Client
    url: str
    state: str
    nonce: str
    code_verifier: "str | None"


def authorization_request(client: Client, discovery: dict, *, pkce: bool = True, **params) -> Flow:
    """Builds the authorization URL with Authlib: state, nonce, PKCE S256, plus extra params (acr_values,
    prompt, max_age, redirect_uri, ...)."""
    session = oauth_session(client, discovery)
    state = generate_token(24)
    nonce = generate_token(24)
    verifier = generate_token(48) if pkce else None
    params.setdefault("nonce", nonce)
    url, returned_state = session.create_authorization_url(
        discovery["authorization_endpoint"], state=state, code_verifier=verifier, **params
    )
    assert returned_state == state
    if pkce and params.get("response_type", "code") == "code":
        assert "code_challenge_method=S256" in url and "code_challenge=" in url
    return Flow(client, url, state, params["nonce"], verifier)


def login(session: requests.Session, auth_url: str, person: dict, *, redirect_uri: "str | None" = None) -> str:
    """Logs person in with username + password, starting at the authorization URL; returns the Location of
    the redirect back to the relying party (its redirect_uri with code, state and iss)."""
    chooser = follow(session, auth_url)
    keys = key_chooser_keys(chooser)
    password_key = keys["key-password"]
    assert key_is_enabled(password_key), f"the username + password key is disabled:\n{chooser.text[:2000]}"
    password_page = follow(session, urljoin(chooser.url, password_key.attrs["href"]))
    form_response = submit_password(session, password_page, person["username"], person["password"])
    callback = location_of(follow_response(session, form_response))
    if redirect_uri is not None:
        assert without_query(callback) == redirect_uri, f"redirected to {callback}, expected {redirect_uri}"
    return callback


def submit_password(session: requests.Session, password_page: requests.Response, username: str, password: str):
    assert password_page.status_code == 200, f"password page: {password_page.status_code} at {password_page.url}"
    page = parse_html(password_page.text)
    form = page.find("form", id="password-form")
    assert form is not None, f"no form#password-form at {password_page.url}:\n{password_page.text[:2000]}"
    fields = {}
    for node in form.find_all("input"):
        name = node.attrs.get("name")
        if name and node.attrs.get("type", "text") not in ("submit", "button", "checkbox", "radio"):
            fields[name] = node.attrs.get("value", "")
    for required in ("_csrf", "tx", "username", "password"):
        assert required in fields, f"form#password-form lacks the {required} field: {sorted(fields)}"
    assert fields["_csrf"] and fields["tx"], "the hidden _csrf and tx fields must carry values"
    fields["username"] = username
    fields["password"] = password
    action = urljoin(password_page.url, form.attrs.get("action") or password_page.url)
    assert (form.attrs.get("method") or "get").lower() == "post", "the password form must be POSTed"
    return session.post(
        action,
        data=fields,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        allow_redirects=False,
        timeout=TIMEOUT,
    )


def callback_code(flow: Flow, location: str, issuer: str) -> str:
    """Checks the authorization response as an RFC 9207-aware relying party would; returns the code."""
    assert without_query(location) == flow.client.redirect_uri, f"unexpected redirect {location}"
    params = query_of(location)
    assert "error" not in params, f"authorization error: {params}"
    assert params.get("state") == flow.state, f"state not echoed: {params}"
    assert params.get("iss") == issuer, f"iss (RFC 9207) should be {issuer}: {params}"
    assert params.get("code"), params
    return params["code"]


def exchange_code(client: Client, discovery: dict, flow: Flow, location: str, **kwargs):
    """Exchanges the callback for tokens with Authlib; returns (token dict, the OAuth2Session)."""
    session = oauth_session(client, discovery)
    options = {"redirect_uri": client.redirect_uri}
    if flow.code_verifier:
        options["code_verifier"] = flow.code_verifier
    options.update(kwargs)
    token = session.fetch_token(
        discovery["token_endpoint"], authorization_response=location, state=flow.state, **options
    )
    return token, session


def check_token_response(token: dict, session: OAuth2Session, *, refresh: bool = True, id_token: bool = True):
    response = session.last_response
    assert response.status_code == 200, response.text
    assert "no-store" in response.headers.get("Cache-Control", ""), "token responses must not be cached (RFC 6749 §5.1)"
    assert token["token_type"].lower() == "bearer"
    assert token["token_type"] == "Bearer", f"token_type should be exactly 'Bearer': {token['token_type']!r}"
    assert isinstance(token["expires_in"], int) and token["expires_in"] > 0
    assert token["access_token"].count(".") == 2, "the access token should be a JWT"
    assert isinstance(token.get("scope"), str)
    if refresh:
        assert token.get("refresh_token"), f"no refresh_token: {sorted(token)}"
    if id_token:
        assert token.get("id_token"), f"no id_token: {sorted(token)}"


def verify_id_token(id_token: str, discovery: dict, issuer: str, client: Client, *, nonce=None, access_token=None):
    """Verifies an ID token the way an RP does: ES256 signature against the JWKS (by kid), then the claims."""
    header = jwt_header(id_token)
    assert header.get("alg") == "ES256", header
    assert header.get("kid"), f"the ID token header has no kid: {header}"
    key_set = JsonWebKey.import_key_set(fetch_jwks(discovery))
    claims = JsonWebToken(["ES256"]).decode(
        id_token,
        key_set,
        claims_cls=CodeIDToken,
        claims_options={
            "iss": {"essential": True, "value": issuer},
            "aud": {"essential": True, "value": client.client_id},
            "sub": {"essential": True},
            "exp": {"essential": True},
            "iat": {"essential": True},
        },
        claims_params={"nonce": nonce, "client_id": client.client_id, "access_token": access_token},
    )
    claims.validate(leeway=5)
    if nonce is not None:
        assert claims["nonce"] == nonce
    for name in ("exp", "iat", "auth_time"):
        assert type(claims.get(name)) is int, f"{name} must be integer seconds: {claims.get(name)!r}"
    aud = claims["aud"]
    assert aud == client.client_id or aud == [client.client_id], aud
    return claims


def decode_signed(token: str, discovery: dict, claims_options=None):
    """Verifies any JWT from the provider (e.g. an access token) against the JWKS; returns its claims."""
    key_set = JsonWebKey.import_key_set(fetch_jwks(discovery))
    claims = JsonWebToken(["ES256"]).decode(token, key_set, claims_options=claims_options or {})
    claims.validate(leeway=5)
    return claims


def b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt_header(token: str) -> dict:
    return json.loads(b64url_decode(token.split(".")[0]))


def jwt_payload(token: str) -> dict:
    """The payload of a JWT, NOT verified (only to build forged variants)."""
    return json.loads(b64url_decode(token.split(".")[1]))


def userinfo(discovery: dict, access_token: str) -> requests.Response:
    return requests.get(
        discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {access_token}"}, timeout=TIMEOUT
    )


def introspect(client: Client, discovery: dict, token: str, hint: "str | None" = None) -> dict:
    session = oauth_session(client, discovery)
    response = session.introspect_token(discovery["introspection_endpoint"], token=token, token_type_hint=hint)
    assert response.status_code == 200, f"introspection → {response.status_code}: {response.text[:500]}"
    body = response.json()
    assert isinstance(body.get("active"), bool), body
    if not body["active"]:
        assert body == {"active": False}, f"an inactive token must reveal nothing (RFC 7662 §2.2): {body}"
    return body


def revoke(client: Client, discovery: dict, token: str, hint: "str | None" = None) -> requests.Response:
    session = oauth_session(client, discovery)
    response = session.revoke_token(discovery["revocation_endpoint"], token=token, token_type_hint=hint)
    assert response.status_code == 200, f"revocation → {response.status_code}: {response.text[:500]}"
    return response


def assert_invalid_token(response: requests.Response):
    """RFC 6750 §3.1: a refused bearer token is 401 with WWW-Authenticate: Bearer error="invalid_token"."""
    assert response.status_code == 401, f"expected 401, got {response.status_code}: {response.text[:500]}"
    challenge = response.headers.get("WWW-Authenticate", "")
    assert challenge.startswith("Bearer"), challenge
    assert 'error="invalid_token"' in challenge, challenge


@pytest.fixture
def logged_in(register_client, discovery, issuer, demo_person, browser):
    """A full code flow for a fresh confidential client: (client, flow, token, id-token claims, browser)."""

    def run(**register_options):
        client = register_client(**register_options)
        flow = authorization_request(client, discovery)
        location = login(browser, flow.url, demo_person, redirect_uri=client.redirect_uri)
        callback_code(flow, location, issuer)
        token, session = exchange_code(client, discovery, flow, location)
        check_token_response(token, session)
        claims = verify_id_token(
            token["id_token"], discovery, issuer, client, nonce=flow.nonce, access_token=token["access_token"]
        )
        return client, flow, token, claims

    return run


# --- forged tokens ------------------------------------------------------------------------------------------


def tamper_signature(token: str) -> str:
    """Flips one character in the middle of the signature (the last character may only hold padding bits)."""
    header, payload, signature = token.split(".")
    i = len(signature) // 2
    flipped = "A" if signature[i] != "A" else "B"
    return ".".join([header, payload, signature[:i] + flipped + signature[i + 1 :]])


def tamper_payload(token: str, **changes) -> str:
    """Changes claims but keeps the original signature."""
    header, payload, signature = token.split(".")
    claims = json.loads(b64url_decode(payload))
    claims.update(changes)
    return ".".join([header, b64url_encode(json.dumps(claims, separators=(",", ":")).encode()), signature])


def sign_with(private_pem: bytes, header: dict, payload: dict) -> str:
    key = JsonWebKey.import_key(private_pem, {"kty": "EC"})
    return JsonWebToken(["ES256"]).encode(header, payload, key).decode()


def foreign_key_pem() -> bytes:
    return ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def forge_with_foreign_key(token: str) -> str:
    """The same header (kid included) and claims, signed by a key the provider never published."""
    header = jwt_header(token)
    return sign_with(foreign_key_pem(), {k: v for k, v in header.items() if k in ("alg", "kid", "typ")}, jwt_payload(token))


def server_signing_key_pem(data_dir: str, kid: str) -> bytes:
    """The provider's private signing key for kid, read from the server's SQLite database.

    Used only to mint a genuinely expired token (the provider's own signature, exp in the past) without
    waiting for a real one to expire. Looks in signing_keys(kid, private_pem), then in any text column that
    holds a PEM private key whose public half is the published key with that kid."""
    databases = sorted(Path(data_dir).glob("*.sqlite")) + sorted(Path(data_dir).glob("*.db"))
    databases = [p for p in databases if p.read_bytes()[:16] == b"SQLite format 3\x00"]
    assert databases, f"no SQLite database in {data_dir}"
    for path in databases:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=TIMEOUT)
        try:
            try:
                row = connection.execute("SELECT private_pem FROM signing_keys WHERE kid = ?", (kid,)).fetchone()
                if row and row[0]:
                    return row[0].encode() if isinstance(row[0], str) else bytes(row[0])
            except sqlite3.Error:
                pass
        finally:
            connection.close()
    pytest.fail(
        f"could not find the private key for kid {kid} in signing_keys(kid, private_pem) of {databases}: "
        "the expired-token test needs it to mint a token the provider signed but that has expired"
    )


def forge_expired(token: str, data_dir: str) -> str:
    """The same token re-signed with the provider's own key, but expired ten minutes ago."""
    header = jwt_header(token)
    pem = server_signing_key_pem(data_dir, header["kid"])
    now = int(time.time())
    payload = jwt_payload(token)
    payload["iat"] = now - 1200
    payload["exp"] = now - 600
    if "nbf" in payload:
        payload["nbf"] = now - 1200
    return sign_with(pem, {k: v for k, v in header.items() if k in ("alg", "kid", "typ")}, payload)


# --- helpers for the protocol-edge and pyoidc tests ---------------------------------------------------------


def client_assertion(client: Client, audience: str, **overrides) -> str:
    """A private_key_jwt client assertion (RFC 7523 §3) signed with the client's key, addressed to audience;
    overrides change or add claims (e.g. nbf, iat) so that a test controls every claim itself."""
    from joserfc import jwt as jose_jwt

    now = int(time.time())
    claims = {
        "iss": client.client_id,
        "sub": client.client_id,
        "aud": audience,
        "jti": uuid.uuid4().hex,
        "iat": now,
        "exp": now + 120,
    }
    claims.update(overrides)
    return jose_jwt.encode({"alg": "ES256", "kid": client.key_id, "typ": "JWT"}, claims, client.private_key)


ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def form_fields(form: Node) -> dict:
    """The fields a browser submits with form (hidden and text inputs; the submit button is not included)."""
    fields = {}
    for node in form.find_all("input"):
        name = node.attrs.get("name")
        if name and node.attrs.get("type", "text") not in ("submit", "button", "checkbox", "radio"):
            fields[name] = node.attrs.get("value", "")
    return fields


def authorize(session: requests.Session, auth_url: str, person: dict) -> str:
    """Sends the browser to auth_url; logs person in with a password if the key chooser asks, else takes the
    answer the gateway's single sign-on gives. Returns the Location of the redirect back to the application."""
    response = follow(session, auth_url)
    if is_key_chooser(response):
        return login(session, auth_url, person)
    return location_of(response)


def left_hash(token: str) -> str:
    """OpenID Connect Core §3.1.3.6 at_hash for ES256: the left half of SHA-256 of the token, base64url."""
    import hashlib

    return b64url_encode(hashlib.sha256(token.encode("ascii")).digest()[:16])


def assert_json_error(response: requests.Response, status: int, error: str) -> dict:
    """A protocol error: the HTTP status, a JSON body (never an HTML page) and the RFC error code."""
    assert response.status_code == status, (
        f"expected {status} {error}, got {response.status_code} from {response.request.method} {response.url}: "
        f"{response.text[:500]}"
    )
    content_type = response.headers.get("Content-Type", "")
    assert content_type.startswith("application/json"), f"a protocol error must be JSON, not {content_type!r}"
    body = response.json()
    assert body.get("error") == error, f"expected error {error}: {body}"
    return body
