"""A relying party written with pyoidc (the `oic` package), a second OpenID Connect client library besides
Authlib, logs a person in with its own defaults: discovery, the authorization code flow with PKCE S256, the
token request with client_secret_basic or client_secret_post, its own ID token verification against the
published ES256 keys, and its default userinfo call (a POST with the access token in the form body, RFC 6750
§2.2). The client is registered with the CLI; pyoidc is given its credentials, as after a registration."""

import json

import pytest
from jwkest import BadSignature
from oic import rndstr
from oic.oauth2.message import ErrorResponse
from oic.oic import Client as PyoidcClient
from oic.oic.message import AccessTokenResponse, AuthorizationRequest, AuthorizationResponse, OpenIDSchema, RegistrationResponse
from oic.utils.authn.client import CLIENT_AUTHN_METHOD
from oic.utils.settings import OicClientSettings

from .conftest import (
    ALL_SCOPES,
    TIMEOUT,
    acr,
    introspect,
    login,
    tamper_signature,
    userinfo,
)


def pyoidc_client(client, issuer) -> PyoidcClient:
    """pyoidc configured from the discovery document, with the credentials the CLI printed."""
    rp = PyoidcClient(client_authn_method=CLIENT_AUTHN_METHOD, settings=OicClientSettings(timeout=TIMEOUT))
    rp.provider_config(issuer)  # GET {issuer}/.well-known/openid-configuration and the JWKS
    rp.store_registration_info(
        RegistrationResponse(
            client_id=client.client_id,
            client_secret=client.client_secret,
            redirect_uris=client.redirect_uris,
            token_endpoint_auth_method=client.auth_method,
        )
    )
    rp.redirect_uris = client.redirect_uris
    return rp


def pyoidc_login(rp: PyoidcClient, client, person, browser):
    """The authorization request pyoidc builds (with its own PKCE S256 challenge), the person's login, and the
    authorization response parsed by pyoidc. Returns (state, nonce, code_verifier)."""
    state, nonce = rndstr(24), rndstr(24)
    challenge, verifier = rp.add_code_challenge()
    assert challenge["code_challenge_method"] == "S256"
    url, _, _, _ = rp.request_info(
        AuthorizationRequest,
        method="GET",
        request_args={
            "response_type": "code",
            "scope": ALL_SCOPES,
            "state": state,
            "nonce": nonce,
            "redirect_uri": client.redirect_uri,
            **challenge,
        },
    )
    assert url.startswith(rp.provider_info["authorization_endpoint"] + "?"), url
    location = login(browser, url, person, redirect_uri=client.redirect_uri)
    answer = rp.parse_response(AuthorizationResponse, info=location.split("?", 1)[1], sformat="urlencoded")
    assert isinstance(answer, AuthorizationResponse), answer
    assert answer["state"] == state and answer["code"]
    return state, nonce, verifier


@pytest.mark.parametrize("auth_method", ["client_secret_basic", "client_secret_post"])
def test_a_pyoidc_relying_party_logs_a_person_in_with_its_defaults(
    auth_method, register_client, issuer, discovery, demo_person, browser
):
    client = register_client(name=f"pyoidc-{auth_method[-4:]}", auth_method=auth_method)
    rp = pyoidc_client(client, issuer)
    assert rp.provider_info["issuer"] == issuer
    assert rp.keyjar.get_signing_key("EC", owner=issuer), "pyoidc found no EC key in the provider's JWKS"

    state, nonce, verifier = pyoidc_login(rp, client, demo_person, browser)

    tokens = rp.do_access_token_request(
        state=state,
        request_args={"redirect_uri": client.redirect_uri, "code_verifier": verifier},
        authn_method=auth_method,
    )
    assert isinstance(tokens, AccessTokenResponse), f"token request failed: {tokens.to_dict()}"
    # pyoidc verified the ID token: the ES256 signature against the JWKS, iss, aud, exp, and our nonce.
    id_token = tokens["id_token"]
    assert id_token.jws_header["alg"] == "ES256"
    assert id_token["iss"] == issuer and client.client_id in id_token["aud"]
    assert id_token["nonce"] == nonce
    assert id_token["acr"] == acr(200)
    rp.verify_id_token(id_token, {"nonce": nonce, "response_type": "code"})

    # pyoidc's default userinfo call: POST, the access token in the form body.
    info = rp.do_user_info_request(state=state)
    assert isinstance(info, OpenIDSchema), f"userinfo failed: {info.to_dict()}"
    assert info["sub"] == id_token["sub"]
    assert info["egovNRN"] and info["given_name"] == demo_person["givenName"]

    # And with the token in the Authorization header, by GET and by POST.
    for method in ("GET", "POST"):
        info = rp.do_user_info_request(state=state, method=method, behavior="use_authorization_header")
        assert isinstance(info, OpenIDSchema), f"userinfo {method} with the header failed: {info.to_dict()}"
        assert info["sub"] == id_token["sub"]

    # A refresh through pyoidc rotates the refresh token; the new access token works.
    old_access = tokens["access_token"]
    refreshed = rp.do_access_token_refresh(state=state, authn_method=auth_method)
    assert isinstance(refreshed, AccessTokenResponse), f"refresh failed: {refreshed.to_dict()}"
    assert refreshed["refresh_token"] != tokens["refresh_token"]
    assert refreshed["access_token"] != old_access
    assert userinfo(discovery, refreshed["access_token"]).status_code == 200
    assert introspect(client, discovery, refreshed["access_token"])["active"] is True


def test_pyoidc_refuses_an_id_token_whose_signature_was_tampered_with(
    register_client, issuer, demo_person, browser
):
    # What makes the test above meaningful: pyoidc really checks the signature with the provider's keys.
    client = register_client(name="pyoidc-tamper")
    rp = pyoidc_client(client, issuer)
    state, _, verifier = pyoidc_login(rp, client, demo_person, browser)
    tokens = rp.do_access_token_request(
        state=state, request_args={"redirect_uri": client.redirect_uri, "code_verifier": verifier},
        authn_method="client_secret_basic",
    )
    assert isinstance(tokens, AccessTokenResponse), tokens.to_dict()
    forged = {
        "access_token": tokens["access_token"],
        "token_type": "Bearer",
        "id_token": tamper_signature(tokens["id_token_jwt"]),
    }
    with pytest.raises(BadSignature):
        rp.parse_response(AccessTokenResponse, info=json.dumps(forged), sformat="json", state=state)


def test_pyoidc_reads_the_gateways_refusal_of_a_replayed_code(register_client, issuer, demo_person, browser):
    client = register_client(name="pyoidc-replay")
    rp = pyoidc_client(client, issuer)
    state, _, verifier = pyoidc_login(rp, client, demo_person, browser)
    args = {"redirect_uri": client.redirect_uri, "code_verifier": verifier}
    first = rp.do_access_token_request(state=state, request_args=dict(args), authn_method="client_secret_basic")
    assert isinstance(first, AccessTokenResponse), first.to_dict()
    again = rp.do_access_token_request(state=state, request_args=dict(args), authn_method="client_secret_basic")
    assert isinstance(again, ErrorResponse) and again["error"] == "invalid_grant", again.to_dict()
