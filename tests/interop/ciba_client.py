"""A CIBA relying party and a phone, in plain Python, for the mobile identity service's tests (not a test file).

RelyingParty  a third-party client of the provider under /mobileid: an EC P-256 key made here, its public JWKS
              registered with `persopoint mobileid client-add` (poll mode, or ping mode with --ping), and the calls
              it makes with `requests` — bc-authorize and the token endpoint, each authenticated with a fresh
              private_key_jwt assertion (ES256, signed with `cryptography`), and userinfo with the access token.
Phone         the app on a phone as the server sees it: its own EC P-256 device key, paired with a demo person's
              phone number and code through the development route, and calls signed over the exact message bytes
              (raw r‖s, base64url).
id_token_claims  an ID token verified against the provider's jwks_uri with authlib.jose.

tests/interop/test_mobileid_ciba.py drives both; tests/e2e/test_mobileid_app.py uses the relying party while
chromium is the phone.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
import warnings
from pathlib import Path

import requests
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

# authlib.jose still works in Authlib 1.x but warns that joserfc replaces it in 2.0 (authlib.deprecate installs an
# "always" filter when imported, so ours goes in after it).
import authlib.deprecate  # noqa: E402,F401

warnings.filterwarnings("ignore", message=r"authlib\.jose module is deprecated")
from authlib.jose import JsonWebKey, JsonWebToken  # noqa: E402

TIMEOUT = 10  # seconds, for every HTTP request
CIBA_GRANT = "urn:openid:params:grant-type:ciba"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
LEVEL450 = "urn:be:fedict:iam:fas:Level450"
AMR = ["swk", "pin", "mfa"]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def raw_signature(key: ec.EllipticCurvePrivateKey, data: bytes) -> bytes:
    """ECDSA P-256 / SHA-256 as JOSE and WebCrypto write it: r ‖ s, 32 bytes each (cryptography gives DER)."""
    r, s = decode_dss_signature(key.sign(data, ec.ECDSA(hashes.SHA256())))
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def public_coordinates(key: ec.EllipticCurvePrivateKey) -> tuple:
    numbers = key.public_key().public_numbers()
    return b64url(numbers.x.to_bytes(32, "big")), b64url(numbers.y.to_bytes(32, "big"))


def es256_jwt(key: ec.EllipticCurvePrivateKey, kid: str, claims: dict) -> str:
    header = {"alg": "ES256", "typ": "JWT", "kid": kid}
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(claims).encode())}"
    return f"{signing_input}.{b64url(raw_signature(key, signing_input.encode('ascii')))}"


def describe(response: requests.Response) -> str:
    return f"{response.request.method} {response.url} → {response.status_code}: {response.text[:600]}"


def expect_error(response: requests.Response, status: int, code: str) -> dict:
    """An OAuth error answer: the status, JSON {"error": code, "error_description": ...}, never cached."""
    assert response.status_code == status and response.headers.get("Content-Type", "").startswith("application/json"), (
        f"expected {status} {code}: {describe(response)}"
    )
    body = response.json()
    assert body.get("error") == code, f"expected {code}: {describe(response)}"
    assert isinstance(body.get("error_description"), str) and body["error_description"], body
    assert "no-store" in response.headers.get("Cache-Control", ""), response.headers
    return body


# --- the relying party ----------------------------------------------------------------------------------------


class RelyingParty:
    def __init__(self, server, client_id: str, name: str, *, ping: "str | None" = None):
        self.server = server
        self.client_id = client_id
        self.name = name
        self.ping = ping
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.kid = f"{client_id}-{uuid.uuid4().hex[:8]}"
        self.issuer = f"{server.url}/mobileid"
        self._discovery = None

    @property
    def jwks(self) -> dict:
        x, y = public_coordinates(self.key)
        return {"keys": [{"kty": "EC", "crv": "P-256", "kid": self.kid, "x": x, "y": y, "use": "sig", "alg": "ES256"}]}

    def register(self, directory: Path) -> "RelyingParty":
        """`persopoint mobileid client-add` with the public JWKS in a file (and --ping for ping mode)."""
        path = Path(directory) / f"{self.client_id}.jwks.json"
        path.write_text(json.dumps(self.jwks))
        args = ["mobileid", "client-add", "--id", self.client_id, "--name", self.name, "--jwks-file", str(path)]
        if self.ping:
            args += ["--ping", self.ping]
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

    def assertion(self, *, aud=None, jti: "str | None" = None, exp_in: int = 120, key=None, kid: "str | None" = None,
                  without=(), **claims) -> str:
        """A private_key_jwt client assertion (RFC 7523): iss = sub = the client, aud the issuer, a fresh jti; claims
        override, `without` names claims left out."""
        now = int(time.time())
        body = {"iss": self.client_id, "sub": self.client_id, "aud": aud or self.issuer, "iat": now, "exp": now + exp_in,
                "jti": jti or uuid.uuid4().hex}
        body.update(claims)
        for name in without:
            body.pop(name, None)
        return es256_jwt(key or self.key, kid or self.kid, body)

    def authentication(self, assertion: "str | None" = None) -> list:
        return [("client_assertion_type", ASSERTION_TYPE), ("client_assertion", assertion or self.assertion())]

    def bc_authorize(self, login_hint: "str | None", *, scope: str = "openid egovnrn", binding_message: "str | None" = None,
                     requested_expiry=None, notification_token: "str | None" = None, extra=(), assertion: "str | None" = None,
                     authenticate: bool = True) -> requests.Response:
        fields = [("scope", scope)]
        if login_hint is not None:
            fields.append(("login_hint", login_hint))
        if binding_message is not None:
            fields.append(("binding_message", binding_message))
        if requested_expiry is not None:
            fields.append(("requested_expiry", str(requested_expiry)))
        if notification_token is not None:
            fields.append(("client_notification_token", notification_token))
        fields += list(extra)
        if authenticate:
            fields += self.authentication(assertion)
        return requests.post(self.discovery["backchannel_authentication_endpoint"], data=fields, timeout=TIMEOUT)

    def started(self, login_hint: str, **kwargs) -> dict:
        """bc-authorize that must succeed: its JSON answer."""
        response = self.bc_authorize(login_hint, **kwargs)
        assert response.status_code == 200, describe(response)
        return response.json()

    def token(self, auth_req_id: "str | None", *, grant_type: "str | None" = CIBA_GRANT, assertion: "str | None" = None,
              authenticate: bool = True) -> requests.Response:
        fields = []
        if grant_type is not None:
            fields.append(("grant_type", grant_type))
        if auth_req_id is not None:
            fields.append(("auth_req_id", auth_req_id))
        if authenticate:
            fields += self.authentication(assertion)
        return requests.post(self.discovery["token_endpoint"], data=fields, timeout=TIMEOUT)

    def userinfo(self, access_token: "str | None") -> requests.Response:
        headers = {"Authorization": f"Bearer {access_token}"} if access_token is not None else {}
        return requests.get(self.discovery["userinfo_endpoint"], headers=headers, timeout=TIMEOUT)

    def provider_keys(self) -> dict:
        response = requests.get(self.discovery["jwks_uri"], timeout=TIMEOUT)
        assert response.status_code == 200, describe(response)
        return response.json()

    def collected(self, auth_req_id: str) -> dict:
        """The token endpoint's answer once the person confirmed: the tokens, checked for shape."""
        response = self.token(auth_req_id)
        assert response.status_code == 200, f"the confirmed request's tokens: {describe(response)}"
        assert "no-store" in response.headers.get("Cache-Control", ""), response.headers
        tokens = response.json()
        assert tokens.get("token_type") == "Bearer" and tokens.get("expires_in") == 600, tokens
        assert isinstance(tokens.get("access_token"), str) and isinstance(tokens.get("id_token"), str), tokens
        return tokens

    def id_token_claims(self, id_token: str) -> dict:
        return id_token_claims(id_token, self.provider_keys(), issuer=self.issuer, audience=self.client_id)


def id_token_claims(id_token: str, key_set: dict, *, issuer: str, audience: str) -> dict:
    """The ID token's claims once its ES256 signature verifies with a key of the provider's JWKS (by kid), and iss,
    aud, exp, iat are right (authlib.jose)."""
    header = json.loads(b64url_decode(id_token.split(".")[0]))
    assert header.get("alg") == "ES256", header
    assert header.get("kid") in {k.get("kid") for k in key_set["keys"]}, f"the ID token's kid is not in the JWKS: {header}"
    claims = JsonWebToken(["ES256"]).decode(
        id_token, JsonWebKey.import_key_set(key_set),
        claims_options={"iss": {"essential": True, "value": issuer}, "aud": {"essential": True, "value": audience},
                        "exp": {"essential": True}, "iat": {"essential": True}, "sub": {"essential": True}},
    )
    claims.validate(leeway=60)
    return dict(claims)


# --- the phone ------------------------------------------------------------------------------------------------


class Phone:
    """A phone with the app, as the server sees it: a device key and signed calls."""

    def __init__(self, server, label: str = "interop phone"):
        self.server = server
        self.label = label
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.device: "str | None" = None
        self.base = f"{server.url}/mobileid/app"

    def pair_request(self, phone: str, code: str) -> requests.Response:
        x, y = public_coordinates(self.key)
        return requests.post(f"{self.base}/dev-pair", json={"phone": phone, "code": code, "x": x, "y": y, "label": self.label},
                             timeout=TIMEOUT)

    def pair(self, phone: str, code: str) -> "Phone":
        response = self.pair_request(phone, code)
        assert response.status_code == 200, describe(response)
        device = response.json().get("device")
        assert isinstance(device, str) and uuid.UUID(device), response.text
        self.device = device
        return self

    def message(self, action: str, *, at: "int | None" = None, **fields) -> str:
        return json.dumps({"device": self.device, "time": int(time.time()) if at is None else at, "action": action, **fields})

    def sign(self, message: str, key=None) -> str:
        return b64url(raw_signature(key or self.key, message.encode("utf-8")))

    def post(self, path: str, message: str, signature: "str | None" = None) -> requests.Response:
        return requests.post(f"{self.base}/{path}", json={"message": message, "signature": signature or self.sign(message)},
                             timeout=TIMEOUT)

    def state(self) -> dict:
        response = self.post("state", self.message("state"))
        assert response.status_code == 200, describe(response)
        return response.json()

    def waiting(self, client_name: str, timeout: float = 5) -> dict:
        """The newest request of this client waiting on the phone, once it shows."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.state()
            found = [p for p in state.get("pending", []) if p.get("client") == client_name]
            if found:
                return found[0]
            assert time.monotonic() < deadline, f"no request of {client_name} on the phone within {timeout} s: {state}"
            time.sleep(0.2)

    def answer(self, request_id: str, *, approve: bool, choice: "str | None" = None, code: "str | None" = None) -> requests.Response:
        fields = {"request": request_id, "approve": approve}
        if choice is not None:
            fields["choice"] = choice
        if code is not None:
            fields["code"] = code
        return self.post("answer", self.message("answer", **fields))

    def events(self) -> requests.Response:
        """The server-sent events stream (the signed message and signature in the query), opened and streaming."""
        message = self.message("events")
        return requests.get(f"{self.base}/events", params={"m": b64url(message.encode("utf-8")), "s": self.sign(message)},
                            stream=True, timeout=TIMEOUT)
