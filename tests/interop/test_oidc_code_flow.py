"""A relying party discovers the gateway, sends a person to log in, and gets verified identity back.

Authorization code flow with PKCE S256 built and checked by Authlib; the person logs in with username +
password on the key chooser; SSO, step-up, prompt, max_age and RP-initiated logout.
"""

import re
import time
import uuid
from urllib.parse import urlencode, urljoin, urlsplit

import requests
from authlib.oauth2.rfc8414 import AuthorizationServerMetadata

from .conftest import (
    ALL_SCOPES,
    CALLBACK,
    LEVELS,
    PersoPointMetadata,
    acr,
    assert_invalid_token,
    authorization_request,
    callback_code,
    check_token_response,
    decode_signed,
    exchange_code,
    expect_oauth_error,
    fetch_jwks,
    follow,
    is_key_chooser,
    key_chooser_keys,
    key_is_enabled,
    location_of,
    login,
    oauth_session,
    parse_html,
    query_of,
    submit_password,
    userinfo,
    verify_id_token,
    without_query,
)

STANDARD_CLAIMS = ["given_name", "family_name", "email", "locale"]
FAS_CLAIMS = ["egovNRN", "givenName", "surname", "mail", "prefLanguage", "roles"]


def digits(text) -> str:
    return re.sub(r"\D", "", str(text))


# --- discovery ----------------------------------------------------------------------------------------------


def test_discovery_document_lets_a_relying_party_find_every_endpoint(discovery, issuer, base_url):
    # RFC 8414 §2: with private_key_jwt listed, the signing algorithms for client assertions are REQUIRED.
    assert "ES256" in discovery.get("token_endpoint_auth_signing_alg_values_supported", []), (
        "token_endpoint_auth_signing_alg_values_supported must list ES256 (RFC 8414 §2, private_key_jwt)"
    )
    # Authlib's own validators for RFC 8414 and OpenID Connect Discovery (minus its RS256 rule, see conftest).
    AuthorizationServerMetadata(discovery).validate()
    PersoPointMetadata(discovery).validate()

    assert discovery["issuer"] == issuer
    for endpoint in (
        "authorization_endpoint",
        "token_endpoint",
        "userinfo_endpoint",
        "jwks_uri",
        "introspection_endpoint",
        "revocation_endpoint",
        "end_session_endpoint",
    ):
        url = discovery.get(endpoint)
        assert isinstance(url, str) and urlsplit(url).scheme in ("http", "https"), f"{endpoint}: {url!r}"
        assert url.startswith(base_url + "/"), f"{endpoint} {url} is not on the gateway {base_url}"
    assert discovery["code_challenge_methods_supported"] == ["S256"]
    assert discovery["id_token_signing_alg_values_supported"] == ["ES256"]
    assert "code" in discovery["response_types_supported"]
    assert set(discovery["response_types_supported"]) == {"code"}, "response type code only"
    assert "public" in discovery["subject_types_supported"]
    assert {"client_secret_basic", "client_secret_post", "private_key_jwt"} <= set(
        discovery["token_endpoint_auth_methods_supported"]
    )
    assert {"authorization_code", "refresh_token", "client_credentials"} <= set(discovery["grant_types_supported"])
    assert set(ALL_SCOPES.split()) <= set(discovery["scopes_supported"])
    assert {acr(level) for level in LEVELS} <= set(discovery["acr_values_supported"])
    assert {"sub", "acr", "amr", "sid", "auth_time", *STANDARD_CLAIMS, *FAS_CLAIMS} <= set(
        discovery["claims_supported"]
    )


def test_jwks_publishes_public_es256_keys_with_key_ids(discovery):
    jwks = fetch_jwks(discovery)
    keys = jwks.get("keys")
    assert isinstance(keys, list) and keys, jwks
    kids = [key.get("kid") for key in keys]
    assert all(kids) and len(set(kids)) == len(kids), f"every key needs a distinct kid: {kids}"
    for key in keys:
        assert key["kty"] == "EC" and key["crv"] == "P-256", key
        assert "x" in key and "y" in key
        assert "d" not in key, "the JWKS must never publish a private key"
        assert key.get("use", "sig") == "sig" and key.get("alg", "ES256") == "ES256", key


# --- the code flow ------------------------------------------------------------------------------------------


def test_confidential_client_logs_a_person_in_with_pkce_and_verifies_the_id_token(logged_in, discovery):
    before = int(time.time())
    client, flow, token, claims = logged_in(auth_method="client_secret_basic")

    assert claims["acr"] == acr(200), "username + password alone is Level200"
    assert claims["amr"] == ["pwd"]
    assert isinstance(claims["sid"], str) and claims["sid"]
    assert before - 5 <= claims["auth_time"] <= int(time.time()) + 5
    assert claims["iat"] <= claims["exp"]
    assert set(token["scope"].split()) == set(ALL_SCOPES.split())

    # The access token is a JWT the provider signed with a published key, about the same person.
    access = decode_signed(token["access_token"], discovery)
    assert access["sub"] == claims["sub"]
    assert access["exp"] > time.time()
    info = userinfo(discovery, token["access_token"])
    assert info.status_code == 200, info.text
    assert info.json()["sub"] == claims["sub"]


def test_client_secret_post_client_completes_the_code_flow(logged_in, discovery):
    client, flow, token, claims = logged_in(auth_method="client_secret_post")
    assert claims["aud"] in (client.client_id, [client.client_id])
    assert userinfo(discovery, token["access_token"]).status_code == 200


def test_public_client_completes_the_code_flow_with_pkce_alone(
    register_client, discovery, issuer, demo_person, browser
):
    client = register_client(name="public", confidential=False)
    flow = authorization_request(client, discovery)
    location = login(browser, flow.url, demo_person, redirect_uri=client.redirect_uri)
    callback_code(flow, location, issuer)
    token, session = exchange_code(client, discovery, flow, location)
    check_token_response(token, session)
    claims = verify_id_token(token["id_token"], discovery, issuer, client, nonce=flow.nonce)
    assert claims["acr"] == acr(200)


def test_id_token_and_userinfo_describe_the_person_in_standard_and_fas_claims(logged_in, discovery, demo_person):
    client, flow, token, claims = logged_in()
    info_response = userinfo(discovery, token["access_token"])
    assert info_response.status_code == 200, info_response.text
    assert info_response.headers.get("Content-Type", "").startswith("application/json")
    info = info_response.json()

    for source, name in ((claims, "ID token"), (info, "userinfo")):
        for claim in STANDARD_CLAIMS + FAS_CLAIMS:
            assert claim in source, f"{name} lacks {claim}: {sorted(source)}"
        assert re.fullmatch(r"\d{11}", source["egovNRN"]), source["egovNRN"]
        assert source["egovNRN"] == digits(demo_person["nrn"])
        assert source["given_name"] == source["givenName"] == demo_person["givenName"]
        assert source["family_name"] == source["surname"] == demo_person["surname"]
        assert source["email"] == source["mail"] and "@" in source["email"]
        assert source["locale"] == source["prefLanguage"]
        assert source["locale"] in ("fr", "nl", "de", "en"), source["locale"]
        assert isinstance(source["roles"], list)
        if demo_person["roles"]:
            assert source["roles"], "the person has roles, the claim is empty"
    assert info["sub"] == claims["sub"]


def test_wrong_password_and_unknown_user_get_the_same_answer_and_no_code(
    register_client, discovery, demo_people, demo_person, browser
):
    # Another person than the one the other tests log in as, so brute-force protection never locks them out.
    others = [p for p in demo_people if p["username"] != demo_person["username"]]
    victim = others[-1] if others else demo_person
    client = register_client(name="badpw")
    answers = []
    for username, password in (
        (victim["username"], victim["password"] + "-wrong"),
        ("nobody-" + uuid.uuid4().hex[:8], "Whatever-123456"),
    ):
        flow = authorization_request(client, discovery)
        chooser = follow(browser, flow.url)
        password_key = key_chooser_keys(chooser)["key-password"]
        page = follow(browser, urljoin(chooser.url, password_key.attrs["href"]))
        response = submit_password(browser, page, username, password)
        assert response.status_code == 200, f"a failed login must not redirect: {response.status_code}"
        assert "Location" not in response.headers
        error = parse_html(response.text).find(cls="form-error")
        assert error is not None and error.text, f"no .form-error on the page:\n{response.text[:2000]}"
        answers.append(error.text)
    assert answers[0] == answers[1], f"unknown user and wrong password must read the same: {answers}"


# --- refusals at the authorization endpoint -----------------------------------------------------------------


def assert_error_page_not_redirect(response: requests.Response, bad_uri: str):
    location = response.headers.get("Location", "")
    assert bad_uri not in location, f"redirected to the unregistered URI: {location}"
    assert response.status_code == 400, f"expected an error page (400), got {response.status_code}"
    assert "html" in response.headers.get("Content-Type", "")
    assert "code=" not in location


def test_unknown_client_gets_an_error_page_and_is_never_redirected(discovery, browser):
    evil = "http://127.0.0.1:9/evil"
    url = discovery["authorization_endpoint"] + "?" + urlencode(
        {
            "response_type": "code",
            "client_id": "interop-no-such-client",
            "redirect_uri": evil,
            "scope": "openid",
            "state": "s",
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method": "S256",
        }
    )
    assert_error_page_not_redirect(browser.get(url), evil)


def test_unregistered_redirect_uri_gets_an_error_page_and_is_never_redirected(register_client, discovery, browser):
    client = register_client(name="redir")
    for evil in (
        "http://127.0.0.1:9/evil",
        client.redirect_uri + "/more",
        client.redirect_uri + "?extra=1",
        client.redirect_uri.replace("127.0.0.1", "localhost"),
    ):
        flow = authorization_request(client, discovery, redirect_uri=evil)
        assert_error_page_not_redirect(browser.get(flow.url), evil)


def test_public_client_without_pkce_is_sent_back_with_invalid_request(register_client, discovery, browser):
    client = register_client(name="nopkce", confidential=False)
    flow = authorization_request(client, discovery, pkce=False)
    assert "code_challenge" not in flow.url
    location = location_of(follow(browser, flow.url))
    assert without_query(location) == client.redirect_uri
    params = query_of(location)
    assert params.get("error") == "invalid_request", params
    assert params.get("state") == flow.state
    assert "code" not in params


def test_unsupported_response_type_is_sent_back_with_an_error(register_client, discovery, browser):
    # Standard OAuth 2.0 (RFC 6749 §4.1.2.1): only response_type=code is supported.
    client = register_client(name="rtype")
    flow = authorization_request(client, discovery, response_type="token")
    location = location_of(follow(browser, flow.url))
    assert without_query(location) == client.redirect_uri
    params = query_of(location)
    assert params.get("error") == "unsupported_response_type", params
    assert "#" not in location and "access_token" not in location


def test_prompt_none_without_a_session_is_sent_back_with_login_required(register_client, discovery, browser):
    client = register_client(name="silent")
    flow = authorization_request(client, discovery, prompt="none")
    response = follow(browser, flow.url)
    assert not is_key_chooser(response), "prompt=none must never show a page"
    location = location_of(response)
    assert without_query(location) == client.redirect_uri
    params = query_of(location)
    assert params.get("error") == "login_required", params
    assert params.get("state") == flow.state
    assert "code" not in params


# --- single sign-on, step-up, prompt and max_age ------------------------------------------------------------


def test_a_second_application_gets_its_code_from_the_sso_session(
    logged_in, register_client, discovery, issuer, browser
):
    first, _, _, first_claims = logged_in()
    second = register_client(name="sso-second")
    flow = authorization_request(second, discovery)
    response = follow(browser, flow.url)
    assert response.status_code in (302, 303) and not is_key_chooser(response), (
        f"an equal level should not ask again: {response.status_code}"
    )
    location = location_of(response)
    callback_code(flow, location, issuer)
    token, session = exchange_code(second, discovery, flow, location)
    claims = verify_id_token(token["id_token"], discovery, issuer, second, nonce=flow.nonce)
    assert claims["sub"] == first_claims["sub"]
    assert claims["acr"] == acr(200) and claims["amr"] == ["pwd"]
    assert claims["auth_time"] == first_claims["auth_time"], "no new authentication happened"
    assert claims["sid"] == first_claims["sid"], "the same gateway session"

    # A lower minimum is satisfied by the session too, and the ID token still tells the real level.
    lower = authorization_request(second, discovery, acr_values=acr(100))
    location = location_of(follow(browser, lower.url))
    token, _ = exchange_code(second, discovery, lower, location)
    assert verify_id_token(token["id_token"], discovery, issuer, second, nonce=lower.nonce)["acr"] == acr(200)

    # prompt=none with a session answers silently with a code.
    silent = authorization_request(second, discovery, prompt="none")
    location = location_of(follow(browser, silent.url))
    assert callback_code(silent, location, issuer)


def test_a_higher_level_asks_for_a_stronger_key_and_never_returns_a_weaker_code(
    logged_in, register_client, discovery, browser
):
    logged_in()
    strong = register_client(name="stepup")
    flow = authorization_request(strong, discovery, acr_values=acr(400))
    response = follow(browser, flow.url)
    assert response.status_code == 200, (
        f"Level400 above the session's Level200 must show the key chooser, got {response.status_code} "
        f"→ {response.headers.get('Location')}"
    )
    keys = key_chooser_keys(response)
    for weaker in ("key-password", "key-token", "key-email"):  # Level200, 300, 350 < 400
        node = keys[weaker]
        assert not key_is_enabled(node) and "disabled" in node.classes, f"{weaker} should be disabled: {node.attrs}"

    # Asked silently, the gateway must refuse rather than hand out a Level200 code.
    silent = authorization_request(strong, discovery, acr_values=acr(400), prompt="none")
    location = location_of(follow(browser, silent.url))
    params = query_of(location)
    assert "code" not in params, "a code at Level200 for a Level400 request"
    assert params.get("error") in ("login_required", "interaction_required", "consent_required"), params


def test_acr_values_above_password_disable_the_password_key_without_a_session(register_client, discovery, browser):
    client = register_client(name="acr400")
    flow = authorization_request(client, discovery, acr_values=acr(400))
    keys = key_chooser_keys(follow(browser, flow.url))
    assert "disabled" in keys["key-password"].classes and not key_is_enabled(keys["key-password"])


def test_an_application_minimum_level_disables_weaker_keys(register_client, discovery, browser):
    # Assumption: a client registered with --min-level 400 is treated as acr_values=Level400 at least.
    client = register_client(name="min400", min_level=400)
    flow = authorization_request(client, discovery)
    keys = key_chooser_keys(follow(browser, flow.url))
    assert "disabled" in keys["key-password"].classes and not key_is_enabled(keys["key-password"])


def test_a_low_minimum_still_gets_the_real_level_of_the_key(register_client, discovery, issuer, demo_person, browser):
    client = register_client(name="acr100")
    flow = authorization_request(client, discovery, acr_values=acr(100))
    location = login(browser, flow.url, demo_person, redirect_uri=client.redirect_uri)
    token, _ = exchange_code(client, discovery, flow, location)
    claims = verify_id_token(token["id_token"], discovery, issuer, client, nonce=flow.nonce)
    assert claims["acr"] == acr(200)


def test_prompt_login_shows_the_key_chooser_again_despite_the_session(
    logged_in, discovery, issuer, demo_person, browser
):
    client, _, _, first = logged_in()
    time.sleep(1.1)  # so that a new authentication has a later auth_time
    flow = authorization_request(client, discovery, prompt="login")
    response = follow(browser, flow.url)
    assert is_key_chooser(response), f"prompt=login must ask again, got {response.status_code}"
    location = login(browser, flow.url, demo_person, redirect_uri=client.redirect_uri)
    token, _ = exchange_code(client, discovery, flow, location)
    claims = verify_id_token(token["id_token"], discovery, issuer, client, nonce=flow.nonce)
    assert claims["auth_time"] > first["auth_time"], "prompt=login means a fresh authentication"


def test_max_age_zero_asks_again_despite_the_session(logged_in, discovery, issuer, demo_person, browser):
    # Standard OpenID Connect (Core §3.1.2.1): max_age=0 forces a new authentication; auth_time is then required.
    client, _, _, first = logged_in()
    time.sleep(1.1)
    flow = authorization_request(client, discovery, max_age="0")
    assert is_key_chooser(follow(browser, flow.url)), "max_age=0 must ask again"
    location = login(browser, flow.url, demo_person, redirect_uri=client.redirect_uri)
    token, _ = exchange_code(client, discovery, flow, location)
    claims = verify_id_token(token["id_token"], discovery, issuer, client, nonce=flow.nonce)
    assert claims["auth_time"] > first["auth_time"]


# --- RP-initiated logout ------------------------------------------------------------------------------------


def test_logout_from_an_application_ends_the_gateway_session_and_its_tokens(
    logged_in, register_client, discovery, issuer, browser
):
    post_logout = f"{CALLBACK}/logged-out"
    client, _, token, claims = logged_in(name="logout", post_logout_uris=[post_logout])
    # A second application joined the same session through SSO.
    other = register_client(name="logout-other")
    other_flow = authorization_request(other, discovery)
    other_token, _ = exchange_code(other, discovery, other_flow, location_of(follow(browser, other_flow.url)))

    state = "bye-" + str(int(time.time()))
    url = discovery["end_session_endpoint"] + "?" + urlencode(
        {
            "id_token_hint": token["id_token"],
            "post_logout_redirect_uri": post_logout,
            "state": state,
            "client_id": client.client_id,
        }
    )
    response = follow(browser, url)
    assert response.status_code in (302, 303), f"logout should redirect back, got {response.status_code}"
    location = location_of(response)
    assert without_query(location) == post_logout
    assert query_of(location).get("state") == state

    # The refresh tokens of the session are dead, for both applications ("logout ends it everywhere").
    for who, tok in ((client, token), (other, other_token)):
        session = oauth_session(who, discovery)
        expect_oauth_error(
            session,
            lambda: session.refresh_token(discovery["token_endpoint"], refresh_token=tok["refresh_token"]),
            "invalid_grant",
            400,
        )
    # The old access token no longer opens userinfo.
    assert_invalid_token(userinfo(discovery, token["access_token"]))

    # The next visit asks for a key again, and prompt=none says login_required.
    flow = authorization_request(client, discovery)
    assert is_key_chooser(follow(browser, flow.url)), "after logout the key chooser must be shown again"
    silent = authorization_request(client, discovery, prompt="none")
    assert query_of(location_of(follow(browser, silent.url))).get("error") == "login_required"


def test_logout_never_redirects_to_an_unregistered_post_logout_uri(logged_in, discovery, browser):
    client, _, token, _ = logged_in(name="logout-evil", post_logout_uris=[f"{CALLBACK}/logged-out"])
    evil = "http://127.0.0.1:9/evil-logout"
    url = discovery["end_session_endpoint"] + "?" + urlencode(
        {"id_token_hint": token["id_token"], "post_logout_redirect_uri": evil, "state": "x"}
    )
    response = follow(browser, url)
    assert evil not in response.headers.get("Location", ""), "redirected to an unregistered post-logout URI"
    assert response.status_code in (200, 400), response.status_code
    assert "html" in response.headers.get("Content-Type", "")

