"""What a relying party does with tokens: exchange codes once, refresh with rotation, introspect, revoke, call
userinfo; and what the gateway refuses: replayed codes, wrong PKCE, wrong redirect_uri, reused refresh tokens,
tampered, foreign-key and expired tokens, bad client authentication, replayed client assertions."""

import dataclasses
import time
import uuid

import requests

from .conftest import (
    TIMEOUT,
    acr,
    assert_invalid_token,
    authorization_request,
    callback_code,
    check_token_response,
    decode_signed,
    exchange_code,
    expect_oauth_error,
    forge_expired,
    forge_with_foreign_key,
    introspect,
    jwt_header,
    jwt_payload,
    login,
    new_client_key,
    oauth_session,
    revoke,
    tamper_payload,
    tamper_signature,
    userinfo,
    verify_id_token,
)


KEEP = object()
def expect_exchange_refused(client, discovery, flow, location, error, status, *, redirect_uri, code_verifier=KEEP):
    """The client tries to exchange the code at location with Authlib, and gets error with status."""
    session = oauth_session(client, discovery)
    verifier = flow.code_verifier if code_verifier is KEEP else code_verifier
    expect_oauth_error(
        session,
        lambda: session.fetch_token(
            discovery["token_endpoint"],
            authorization_response=location,
            state=flow.state,
            code_verifier=verifier,
            redirect_uri=redirect_uri,
        ),
        error,
        status,
    )


def fresh_code(client, discovery, issuer, person, browser, **params):
    """A person logs in for client; returns (flow, callback location) with an unused code."""
    flow = authorization_request(client, discovery, **params)
    location = login(browser, flow.url, person, redirect_uri=client.redirect_uri)
    callback_code(flow, location, issuer)
    return flow, location


def refresh(client, discovery, refresh_token):
    """Authlib refresh; returns (token, raw JSON of the response, session)."""
    session = oauth_session(client, discovery)
    token = session.refresh_token(discovery["token_endpoint"], refresh_token=refresh_token)
    assert session.last_response.status_code == 200, session.last_response.text
    return token, session.last_response.json(), session


def expect_refresh_refused(client, discovery, refresh_token):
    session = oauth_session(client, discovery)
    expect_oauth_error(
        session,
        lambda: session.refresh_token(discovery["token_endpoint"], refresh_token=refresh_token),
        "invalid_grant",
        400,
    )


def assert_dead(client, discovery, access_token):
    assert introspect(client, discovery, access_token) == {"active": False}
    assert_invalid_token(userinfo(discovery, access_token))


def assert_alive(client, discovery, access_token):
    assert introspect(client, discovery, access_token)["active"] is True
    assert userinfo(discovery, access_token).status_code == 200


# --- authorization codes and PKCE ---------------------------------------------------------------------------


def test_a_replayed_code_is_refused_and_revokes_the_tokens_it_gave(
    register_client, discovery, issuer, demo_person, browser
):
    client = register_client(name="replay")
    flow, location = fresh_code(client, discovery, issuer, demo_person, browser)
    token, session = exchange_code(client, discovery, flow, location)
    check_token_response(token, session)
    assert_alive(client, discovery, token["access_token"])

    expect_exchange_refused(client, discovery, flow, location, "invalid_grant", 400, redirect_uri=client.redirect_uri)
    # RFC 6749 §4.1.2 / the contract: everything issued from that code is revoked.
    assert_dead(client, discovery, token["access_token"])
    expect_refresh_refused(client, discovery, token["refresh_token"])


def test_a_wrong_pkce_verifier_is_refused(register_client, discovery, issuer, demo_person, browser):
    client = register_client(name="pkce-wrong")
    flow, location = fresh_code(client, discovery, issuer, demo_person, browser)
    expect_exchange_refused(client, discovery, flow, location, "invalid_grant", 400, redirect_uri=client.redirect_uri, code_verifier=flow.code_verifier[:-4] + "abcd")


def test_a_missing_pkce_verifier_is_refused_when_a_challenge_was_sent(
    register_client, discovery, issuer, demo_person, browser
):
    # RFC 7636 §4.6: the challenge was registered with the code, so a request without verifier fails.
    client = register_client(name="pkce-missing")
    flow, location = fresh_code(client, discovery, issuer, demo_person, browser)
    session = oauth_session(client, discovery)
    expect_oauth_error(
        session,
        lambda: session.fetch_token(
            discovery["token_endpoint"], authorization_response=location, state=flow.state,
            redirect_uri=client.redirect_uri,
        ),
        "invalid_grant",
        400,
    )


def test_a_confidential_client_may_do_without_pkce(register_client, discovery, issuer, demo_person, browser):
    # Issue 3: PKCE is "required for public clients, honoured for confidential ones".
    client = register_client(name="nopkce-conf")
    flow, location = fresh_code(client, discovery, issuer, demo_person, browser, pkce=False)
    token, session = exchange_code(client, discovery, flow, location)
    check_token_response(token, session)
    verify_id_token(token["id_token"], discovery, issuer, client, nonce=flow.nonce)


def test_a_redirect_uri_mismatch_at_the_token_endpoint_is_refused(
    register_client, discovery, issuer, demo_person, browser
):
    first = f"http://127.0.0.1:9/callback/one-{uuid.uuid4().hex[:8]}"
    second = f"http://127.0.0.1:9/callback/two-{uuid.uuid4().hex[:8]}"
    client = register_client(name="two-uris", redirect_uris=[first, second])
    flow, location = fresh_code(client, discovery, issuer, demo_person, browser)
    session = oauth_session(client, discovery)
    expect_oauth_error(
        session,
        lambda: session.fetch_token(
            discovery["token_endpoint"],
            authorization_response=location,
            state=flow.state,
            code_verifier=flow.code_verifier,
            redirect_uri=second,  # registered, but not the one of the authorization request
        ),
        "invalid_grant",
        400,
    )


def test_a_code_issued_to_another_client_is_refused(register_client, discovery, issuer, demo_person, browser):
    # RFC 6749 §4.1.3: the code must have been issued to the authenticated client.
    owner = register_client(name="owner")
    thief = register_client(name="thief", redirect_uris=owner.redirect_uris)
    flow, location = fresh_code(owner, discovery, issuer, demo_person, browser)
    expect_exchange_refused(thief, discovery, flow, location, "invalid_grant", 400, redirect_uri=owner.redirect_uri)


# --- client authentication ----------------------------------------------------------------------------------


def test_a_wrong_client_secret_or_unknown_client_is_invalid_client(
    register_client, discovery, issuer, demo_person, browser
):
    for method in ("client_secret_basic", "client_secret_post"):
        client = register_client(name=f"badsecret-{method[-4:]}", auth_method=method)
        # Each round is a new visitor: the first round's SSO session would otherwise skip the login.
        flow, location = fresh_code(client, discovery, issuer, demo_person, requests.Session())
        for impostor in (
            dataclasses.replace(client, client_secret=client.client_secret + "x"),
            dataclasses.replace(client, client_id="interop-no-such-client"),
        ):
            expect_exchange_refused(impostor, discovery, flow, location, "invalid_client", 401, redirect_uri=client.redirect_uri)
        # The failed attempts did not burn the code for the real client.
        token, session = exchange_code(client, discovery, flow, location)
        check_token_response(token, session)


def test_introspection_and_revocation_require_client_authentication(logged_in, discovery):
    client, _, token, _ = logged_in(name="introspect-auth")
    for endpoint in ("introspection_endpoint", "revocation_endpoint"):
        response = requests.post(discovery[endpoint], data={"token": token["access_token"]}, timeout=TIMEOUT)
        assert response.status_code == 401, f"{endpoint} without client auth → {response.status_code}"
        assert response.json().get("error") == "invalid_client"
        response = requests.post(
            discovery[endpoint],
            data={"token": token["access_token"]},
            auth=(client.client_id, "wrong-secret"),
            timeout=TIMEOUT,
        )
        assert response.status_code == 401, f"{endpoint} with a wrong secret → {response.status_code}"
    assert_alive(client, discovery, token["access_token"])


# --- refresh tokens -----------------------------------------------------------------------------------------


def test_refreshing_rotates_the_refresh_token(logged_in, discovery, issuer):
    client, _, token, claims = logged_in(name="rotate")
    new, raw, session = refresh(client, discovery, token["refresh_token"])
    assert raw.get("refresh_token"), "a refresh must return a new refresh token (rotation)"
    assert raw["refresh_token"] != token["refresh_token"]
    assert raw["access_token"] != token["access_token"]
    assert raw["token_type"] == "Bearer" and isinstance(raw["expires_in"], int)
    info = userinfo(discovery, raw["access_token"])
    assert info.status_code == 200 and info.json()["sub"] == claims["sub"]
    if raw.get("id_token"):  # OIDC Core §12.2: optional, but then with the same sub and auth_time
        refreshed = verify_id_token(raw["id_token"], discovery, issuer, client)
        assert refreshed["sub"] == claims["sub"] and refreshed["auth_time"] == claims["auth_time"]
        assert refreshed["acr"] == claims["acr"]
    # And the new one refreshes again.
    again, raw2, _ = refresh(client, discovery, raw["refresh_token"])
    assert raw2["refresh_token"] not in (raw["refresh_token"], token["refresh_token"])


def test_reusing_an_old_refresh_token_revokes_the_whole_family(logged_in, discovery):
    client, _, token, _ = logged_in(name="reuse")
    _, raw, _ = refresh(client, discovery, token["refresh_token"])
    assert_alive(client, discovery, raw["access_token"])
    # The client used the successor: it did get the first answer, so the old token is now only a thief's copy.
    _, raw2, _ = refresh(client, discovery, raw["refresh_token"])

    expect_refresh_refused(client, discovery, token["refresh_token"])  # the old one, again

    # The whole family is gone: the rotated refresh tokens and every access token of the grant.
    expect_refresh_refused(client, discovery, raw2["refresh_token"])
    assert_dead(client, discovery, raw2["access_token"])
    assert_dead(client, discovery, raw["access_token"])
    assert_dead(client, discovery, token["access_token"])


def test_a_refresh_token_of_another_client_is_refused(logged_in, register_client, discovery):
    client, _, token, _ = logged_in(name="rt-owner")
    other = register_client(name="rt-thief")
    expect_refresh_refused(other, discovery, token["refresh_token"])


# --- revocation (RFC 7009) ----------------------------------------------------------------------------------


def test_revoking_the_refresh_token_ends_the_grant(logged_in, discovery):
    client, _, token, _ = logged_in(name="revoke-rt")
    revoke(client, discovery, token["refresh_token"], "refresh_token")
    expect_refresh_refused(client, discovery, token["refresh_token"])
    assert_dead(client, discovery, token["access_token"])
    # Revoking again, or revoking nonsense, is still 200 (RFC 7009 §2.2).
    revoke(client, discovery, token["refresh_token"], "refresh_token")
    revoke(client, discovery, "not-a-token-" + uuid.uuid4().hex)


def test_revoking_an_access_token_makes_it_inactive(logged_in, discovery):
    client, _, token, _ = logged_in(name="revoke-at")
    revoke(client, discovery, token["access_token"], "access_token")
    assert_dead(client, discovery, token["access_token"])


# --- introspection (RFC 7662) and userinfo ------------------------------------------------------------------


def test_introspection_describes_an_active_access_token(logged_in, discovery):
    client, _, token, claims = logged_in(name="introspect")
    body = introspect(client, discovery, token["access_token"], "access_token")
    assert body["active"] is True
    assert body["sub"] == claims["sub"]
    assert body["client_id"] == client.client_id
    assert set(body["scope"].split()) == set(token["scope"].split())
    assert isinstance(body["exp"], int) and body["exp"] > time.time()
    assert body["acr"] == acr(200)
    # Without a hint too (RFC 7662 §2.1: the hint is optional).
    assert introspect(client, discovery, token["access_token"])["active"] is True


def test_userinfo_without_a_token_asks_for_one(discovery):
    response = requests.get(discovery["userinfo_endpoint"], timeout=TIMEOUT)
    assert response.status_code == 401
    assert response.headers.get("WWW-Authenticate", "").startswith("Bearer")


def test_a_tampered_access_token_is_refused(logged_in, discovery):
    client, _, token, _ = logged_in(name="tamper")
    for forged in (
        tamper_signature(token["access_token"]),
        tamper_payload(token["access_token"], exp=int(time.time()) + 86400 * 365),
        tamper_payload(token["access_token"], sub="someone-else"),
        token["access_token"].rsplit(".", 1)[0] + ".",  # signature stripped
        "garbage",
    ):
        assert_invalid_token(userinfo(discovery, forged))
        assert introspect(client, discovery, forged) == {"active": False}
    assert_alive(client, discovery, token["access_token"])  # the real one still works


def test_an_access_token_signed_by_a_foreign_key_is_refused(logged_in, discovery):
    client, _, token, _ = logged_in(name="foreign")
    forged = forge_with_foreign_key(token["access_token"])
    assert jwt_header(forged)["kid"] == jwt_header(token["access_token"])["kid"], "same kid as the provider's key"
    assert jwt_payload(forged) == jwt_payload(token["access_token"]), "same claims, only the signer differs"
    assert_invalid_token(userinfo(discovery, forged))
    assert introspect(client, discovery, forged) == {"active": False}
    # The same for an ID token presented as a bearer token: it is not an access token.
    assert_invalid_token(userinfo(discovery, forge_with_foreign_key(token["id_token"])))


def test_an_expired_access_token_is_refused(logged_in, discovery, data_dir):
    client, _, token, _ = logged_in(name="expired")
    expired = forge_expired(token["access_token"], data_dir)  # the provider's own key, exp 10 minutes ago
    assert_invalid_token(userinfo(discovery, expired))
    assert introspect(client, discovery, expired) == {"active": False}


# --- client credentials -------------------------------------------------------------------------------------


def test_client_credentials_give_a_token_about_the_client_itself(register_client, discovery):
    client = register_client(
        name="machine", grant_types=("authorization_code", "refresh_token", "client_credentials")
    )
    session = oauth_session(client, discovery)
    session.scope = None  # the client's default scopes
    token = session.fetch_token(discovery["token_endpoint"], grant_type="client_credentials")
    check_token_response(token, session, refresh=False, id_token=False)
    assert "id_token" not in token, "no person, no ID token"
    assert "refresh_token" not in token, "RFC 6749 §4.4.3: no refresh token for client credentials"
    claims = decode_signed(token["access_token"], discovery)
    assert claims["sub"] == client.client_id
    body = introspect(client, discovery, token["access_token"])
    assert body["active"] is True and body["sub"] == client.client_id and body["client_id"] == client.client_id


def test_client_credentials_are_refused_to_a_client_without_that_grant(register_client, discovery):
    client = register_client(name="no-cc")  # authorization_code, refresh_token only
    session = oauth_session(client, discovery)
    session.scope = None
    expect_oauth_error(
        session,
        lambda: session.fetch_token(discovery["token_endpoint"], grant_type="client_credentials"),
        "unauthorized_client",
        400,
    )


# --- private_key_jwt (RFC 7523) -----------------------------------------------------------------------------


def test_a_private_key_jwt_client_completes_the_code_flow(register_client, discovery, issuer, demo_person, browser):
    client = register_client(name="pkjwt", auth_method="private_key_jwt")
    flow, location = fresh_code(client, discovery, issuer, demo_person, browser)
    token, session = exchange_code(client, discovery, flow, location)
    check_token_response(token, session)
    sent = session.last_response.request.body or ""
    assert "client_assertion=" in sent and "client_secret" not in sent
    verify_id_token(token["id_token"], discovery, issuer, client, nonce=flow.nonce)
    # Its refresh, introspection and revocation authenticate with fresh assertions too.
    _, raw, _ = refresh(client, discovery, token["refresh_token"])
    assert introspect(client, discovery, raw["access_token"])["active"] is True
    revoke(client, discovery, raw["refresh_token"])
    expect_refresh_refused(client, discovery, raw["refresh_token"])


def test_a_replayed_client_assertion_is_refused(register_client, discovery):
    client = register_client(
        name="pkjwt-replay",
        auth_method="private_key_jwt",
        grant_types=("authorization_code", "refresh_token", "client_credentials"),
    )
    jti = "replay-" + uuid.uuid4().hex
    first = oauth_session(client, discovery, jti=jti)
    first.scope = None
    token = first.fetch_token(discovery["token_endpoint"], grant_type="client_credentials")
    assert token["access_token"]

    second = oauth_session(client, discovery, jti=jti)  # a new assertion, but the same jti
    second.scope = None
    expect_oauth_error(
        second,
        lambda: second.fetch_token(discovery["token_endpoint"], grant_type="client_credentials"),
        "invalid_client",
        401,
    )


def test_a_client_assertion_signed_by_another_key_is_refused(register_client, discovery):
    client = register_client(
        name="pkjwt-wrongkey",
        auth_method="private_key_jwt",
        grant_types=("authorization_code", "refresh_token", "client_credentials"),
    )
    other_key, _, _ = new_client_key()
    impostor = dataclasses.replace(client, private_key=other_key)  # same client_id and kid, another key
    session = oauth_session(impostor, discovery)
    session.scope = None
    expect_oauth_error(
        session,
        lambda: session.fetch_token(discovery["token_endpoint"], grant_type="client_credentials"),
        "invalid_client",
        401,
    )
