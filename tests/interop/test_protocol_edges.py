"""The edges of the protocol a relying party runs into: where the access token may travel to userinfo, repeated
parameters, the client authentication method it registered, max_age=0, the audience and dates of client
assertions, JSON errors from protocol endpoints, logout without an ID token, who may introspect a token, long
state and nonce, at_hash, response modes, CORS for browser-based clients, a retried refresh, and the built-in
PersoSelfService after `persopoint demo credentials` ran against the server's data directory."""

import os
import subprocess
import time
import uuid
from urllib.parse import urlencode, urljoin, urlsplit

import requests
from authlib.common.security import generate_token

from .conftest import (
    ALL_SCOPES,
    ASSERTION_TYPE,
    CALLBACK,
    CLI_TIMEOUT,
    TIMEOUT,
    Browser,
    Client,
    Flow,
    acr,
    assert_invalid_token,
    assert_json_error,
    authorization_request,
    authorize,
    callback_code,
    client_assertion,
    exchange_code,
    follow,
    follow_response,
    form_fields,
    introspect,
    is_key_chooser,
    left_hash,
    location_of,
    login,
    oauth_session,
    parse_html,
    query_of,
    run_cli,
    userinfo,
    verify_id_token,
    without_query,
)

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


# --- small helpers ------------------------------------------------------------------------------------------


def token_request(client: Client, discovery: dict, fields, *, method: "str | None" = None, headers=None):
    """POSTs fields (a list of pairs, so that a name may repeat) to the token endpoint, authenticated as
    method (the client's registered method unless told otherwise)."""
    method = method or client.auth_method
    data = list(fields)
    auth = None
    if method == "client_secret_basic":
        auth = (client.client_id, client.client_secret)
    elif method == "client_secret_post":
        data += [("client_id", client.client_id), ("client_secret", client.client_secret)]
    elif method == "none":
        data += [("client_id", client.client_id)]
    return requests.post(
        discovery["token_endpoint"], data=data, auth=auth, headers={**FORM, **(headers or {})}, timeout=TIMEOUT
    )


def code_exchange_fields(client: Client, flow: Flow, location: str) -> list:
    fields = [("grant_type", "authorization_code"), ("code", query_of(location)["code"])]
    fields.append(("redirect_uri", client.redirect_uri))
    if flow.code_verifier:
        fields.append(("code_verifier", flow.code_verifier))
    return fields


def signed_in_code(client, discovery, issuer, person, session, **params):
    """An authorization request for client, answered by a login or the session; returns (flow, location)."""
    flow = authorization_request(client, discovery, **params)
    location = authorize(session, flow.url, person)
    callback_code(flow, location, issuer)
    return flow, location


def request_with_state(client: Client, discovery: dict, state: str, **params) -> Flow:
    """An authorization request with a state the test chose (authorization_request makes its own)."""
    session = oauth_session(client, discovery)
    verifier = generate_token(48)
    nonce = params.setdefault("nonce", generate_token(24))
    url, _ = session.create_authorization_url(
        discovery["authorization_endpoint"], state=state, code_verifier=verifier, **params
    )
    return Flow(client, url, state, nonce, verifier)


def error_redirect(browser, client: Client, url: str) -> dict:
    """The gateway must send the browser back to the application's redirect_uri with an error in the query."""
    response = follow(browser, url)
    assert not is_key_chooser(response), "a malformed request must not reach the key chooser"
    location = location_of(response)
    assert without_query(location) == client.redirect_uri, f"expected a redirect to {client.redirect_uri}: {location}"
    assert not urlsplit(location).fragment, f"the error belongs in the query, not a fragment: {location}"
    params = query_of(location)
    assert "code" not in params, f"an erroneous request got a code: {params}"
    return params


def assert_error_page(response: requests.Response):
    """No redirect at all (the redirect_uri cannot be trusted): a 400 HTML page."""
    assert "Location" not in response.headers, f"redirected to {response.headers.get('Location')}"
    assert response.status_code == 400, f"expected a 400 error page, got {response.status_code}"
    assert "html" in response.headers.get("Content-Type", ""), response.headers.get("Content-Type")


def still_signed_in(browser, client, discovery, issuer) -> bool:
    """A silent authorization request (prompt=none): a code means the gateway session is still there."""
    flow = authorization_request(client, discovery, prompt="none")
    params = query_of(location_of(follow(browser, flow.url)))
    if params.get("code"):
        assert params.get("state") == flow.state and params.get("iss") == issuer
        return True
    assert params.get("error") == "login_required", params
    return False


def refresh_raw(client, discovery, refresh_token) -> requests.Response:
    return token_request(client, discovery, [("grant_type", "refresh_token"), ("refresh_token", refresh_token)])


# --- 1. userinfo: where the access token may travel ---------------------------------------------------------


def test_a_relying_party_may_send_its_access_token_to_userinfo_in_the_header_or_a_form_body(logged_in, discovery):
    client, _, token, claims = logged_in(name="ui-ways")
    endpoint = discovery["userinfo_endpoint"]
    bearer = {"Authorization": f"Bearer {token['access_token']}"}
    answers = {
        "GET with the header": requests.get(endpoint, headers=bearer, timeout=TIMEOUT),
        "POST with the header": requests.post(endpoint, headers=bearer, timeout=TIMEOUT),
        # RFC 6750 §2.2: the form-encoded body parameter, as pyoidc sends it by default.
        "POST with a form body": requests.post(
            endpoint, data={"access_token": token["access_token"]}, headers=FORM, timeout=TIMEOUT
        ),
    }
    for way, response in answers.items():
        assert response.status_code == 200, f"{way}: {response.status_code} {response.text[:300]}"
        assert response.json()["sub"] == claims["sub"], way


def test_a_relying_party_that_sends_its_access_token_twice_to_userinfo_is_refused(logged_in, discovery):
    # RFC 6750 §2: a client MUST NOT use more than one method to transmit the token in each request.
    client, _, token, _ = logged_in(name="ui-twice")
    response = requests.post(
        discovery["userinfo_endpoint"],
        data={"access_token": token["access_token"]},
        headers={**FORM, "Authorization": f"Bearer {token['access_token']}"},
        timeout=TIMEOUT,
    )
    assert_json_error(response, 400, "invalid_request")


def test_a_relying_party_that_calls_userinfo_without_a_token_is_asked_for_one_without_an_error_code(discovery):
    # RFC 6750 §3.1: a request that lacks authentication gets a challenge without error information.
    for response in (
        requests.get(discovery["userinfo_endpoint"], timeout=TIMEOUT),
        requests.post(discovery["userinfo_endpoint"], data={}, headers=FORM, timeout=TIMEOUT),
    ):
        assert response.status_code == 401, f"{response.request.method}: {response.status_code}"
        challenge = response.headers.get("WWW-Authenticate", "")
        assert challenge == 'Bearer realm="PersoPoint"', f"the challenge must carry no error: {challenge!r}"
        assert response.headers.get("Content-Type", "").startswith("application/json"), response.headers
        assert "error" not in response.json(), response.text


def test_a_relying_party_with_a_bad_token_is_told_the_token_is_invalid_wherever_it_sent_it(discovery):
    bad = "not-a-token-" + uuid.uuid4().hex
    assert_invalid_token(requests.get(discovery["userinfo_endpoint"], headers={"Authorization": f"Bearer {bad}"}, timeout=TIMEOUT))
    assert_invalid_token(
        requests.post(discovery["userinfo_endpoint"], data={"access_token": bad}, headers=FORM, timeout=TIMEOUT)
    )


# --- 2. a parameter given twice -----------------------------------------------------------------------------


def test_a_relying_party_that_repeats_a_parameter_in_the_authorization_request_is_sent_back_with_invalid_request(
    register_client, discovery, browser
):
    client = register_client(name="dup-scope")
    for name, value in (("scope", "openid"), ("nonce", "other"), ("code_challenge_method", "S256")):
        flow = authorization_request(client, discovery)
        params = error_redirect(browser, client, flow.url + "&" + urlencode({name: value}))
        assert params.get("error") == "invalid_request", f"{name} twice: {params}"
        assert params.get("state") == flow.state, params


def test_a_repeated_client_id_or_redirect_uri_gets_an_error_page_and_no_redirect(register_client, discovery, browser):
    client = register_client(name="dup-client")
    for name, value in (("client_id", client.client_id), ("redirect_uri", client.redirect_uri)):
        flow = authorization_request(client, discovery)
        # The same value twice: even then the gateway cannot tell which one the application meant.
        assert_error_page(browser.get(flow.url + "&" + urlencode({name: value})))


def test_a_relying_party_that_repeats_a_parameter_at_the_token_endpoint_gets_invalid_request(
    register_client, discovery, issuer, demo_person, browser
):
    client = register_client(name="dup-code")
    flow, location = signed_in_code(client, discovery, issuer, demo_person, browser)
    fields = code_exchange_fields(client, flow, location)
    code = query_of(location)["code"]
    assert_json_error(token_request(client, discovery, fields + [("code", code)]), 400, "invalid_request")
    assert_json_error(
        token_request(client, discovery, fields + [("grant_type", "authorization_code")]), 400, "invalid_request"
    )
    # The refused requests were never processed: the application's correct request still gets its tokens.
    response = token_request(client, discovery, fields)
    assert response.status_code == 200, response.text


# --- 3. the client authentication method that was registered ------------------------------------------------


def test_a_relying_party_must_authenticate_the_way_it_was_registered(
    register_client, discovery, issuer, demo_person
):
    for registered, other in (("client_secret_basic", "client_secret_post"), ("client_secret_post", "client_secret_basic")):
        client = register_client(name=f"method-{registered[-4:]}", auth_method=registered)
        flow, location = signed_in_code(client, discovery, issuer, demo_person, Browser())
        fields = code_exchange_fields(client, flow, location)
        refused = token_request(client, discovery, fields, method=other)
        assert_json_error(refused, 401, "invalid_client")
        if other == "client_secret_basic":
            assert refused.headers.get("WWW-Authenticate"), "a 401 to HTTP Basic carries WWW-Authenticate"
        # The registered method works, with the same code (a refused authentication does not burn it).
        response = token_request(client, discovery, fields)
        assert response.status_code == 200, f"{registered}: {response.text}"


# --- 4. max_age=0 -------------------------------------------------------------------------------------------


def test_a_relying_party_asking_max_age_zero_a_moment_after_a_login_gets_the_person_to_the_key_chooser(
    register_client, discovery, demo_person
):
    # max_age=0 even in the second of the last login: auth_time is in whole seconds, so "now - auth_time <= 0"
    # must not count as fresh enough.
    client = register_client(name="maxage0-now")
    for _ in range(5):
        time.sleep(1.0 - (time.time() % 1.0) + 0.01)  # start at the beginning of a second
        browser = Browser()
        started = time.time()
        flow = authorization_request(client, discovery)
        login(browser, flow.url, demo_person, redirect_uri=client.redirect_uri)
        again = authorization_request(client, discovery, max_age="0")
        response = follow(browser, again.url)
        finished = time.time()
        assert response.status_code == 200 and is_key_chooser(response), (
            f"max_age=0 must ask for a key again, got {response.status_code} → {response.headers.get('Location')}"
        )
        page = urlsplit(response.url)
        assert page.path == "/fas/login" and "tx" in query_of(response.url), response.url
        if int(started) == int(finished):
            return  # the login and the max_age=0 request fell in the same second
    raise AssertionError("could not log in and ask again within one second in five tries (a very slow server?)")


# --- 5. private_key_jwt: audience and dates of the client assertion -----------------------------------------


def post_with_assertion(url: str, client: Client, audience: str, fields: dict, **claims) -> requests.Response:
    data = dict(fields)
    data.update(
        client_id=client.client_id,
        client_assertion_type=ASSERTION_TYPE,
        client_assertion=client_assertion(client, audience, **claims),
    )
    return requests.post(url, data=data, headers=FORM, timeout=TIMEOUT)


def test_a_private_key_jwt_client_addresses_its_assertion_to_the_introspection_and_revocation_endpoints(
    logged_in, discovery
):
    client, _, token, claims = logged_in(name="pkjwt-aud", auth_method="private_key_jwt")
    introspection, revocation = discovery["introspection_endpoint"], discovery["revocation_endpoint"]

    response = post_with_assertion(introspection, client, introspection, {"token": token["access_token"]})
    assert response.status_code == 200, f"aud = introspection endpoint: {response.status_code} {response.text}"
    assert response.json()["active"] is True and response.json()["sub"] == claims["sub"]

    response = post_with_assertion(revocation, client, revocation, {"token": token["refresh_token"]})
    assert response.status_code == 200, f"aud = revocation endpoint: {response.status_code} {response.text}"

    # The revocation really happened: the grant is over.
    response = post_with_assertion(introspection, client, introspection, {"token": token["access_token"]})
    assert response.status_code == 200 and response.json() == {"active": False}, response.text


def test_a_client_assertion_for_another_endpoint_or_from_the_future_is_refused_at_the_token_endpoint(
    register_client, discovery
):
    client = register_client(
        name="pkjwt-dates",
        auth_method="private_key_jwt",
        grant_types=("authorization_code", "refresh_token", "client_credentials"),
    )
    endpoint = discovery["token_endpoint"]
    fields = {"grant_type": "client_credentials"}
    # A well-made assertion works (so the refusals below are about the one claim each changes).
    ok = post_with_assertion(endpoint, client, endpoint, fields)
    assert ok.status_code == 200, f"a correct assertion was refused: {ok.text}"

    now = int(time.time())
    for what, audience, claims in (
        ("aud = the introspection endpoint", discovery["introspection_endpoint"], {}),
        ("nbf 10 minutes ahead", endpoint, {"nbf": now + 600, "exp": now + 720}),
        ("iat 10 minutes ahead", endpoint, {"iat": now + 600, "exp": now + 720}),
    ):
        response = post_with_assertion(endpoint, client, audience, fields, **claims)
        assert response.status_code == 401, f"{what}: {response.status_code} {response.text[:300]}"
        assert_json_error(response, 401, "invalid_client")


# --- 6. protocol endpoints answer JSON --------------------------------------------------------------------


def test_a_relying_party_using_the_wrong_method_or_path_gets_a_json_error_not_a_page(discovery, issuer):
    for endpoint in ("token_endpoint", "introspection_endpoint"):
        response = requests.get(discovery[endpoint], timeout=TIMEOUT)
        assert_json_error(response, 405, "invalid_request")
        allowed = [m.strip().upper() for m in response.headers.get("Allow", "").split(",")]
        assert "POST" in allowed, f"{endpoint}: Allow: {response.headers.get('Allow')!r}"
    response = requests.get(f"{issuer}/no-such-endpoint", timeout=TIMEOUT)
    assert_json_error(response, 404, "invalid_request")


# --- 7. RP-initiated logout without an ID token -------------------------------------------------------------


def end_session_url(discovery, **params) -> str:
    return discovery["end_session_endpoint"] + "?" + urlencode(params)


def confirmation_form(response: requests.Response):
    assert response.status_code == 200, f"expected the confirmation page, got {response.status_code}"
    assert "html" in response.headers.get("Content-Type", "")
    form = parse_html(response.text).find("form", id="confirm-logout")
    assert form is not None, f"no form#confirm-logout:\n{response.text[:2000]}"
    assert (form.attrs.get("method") or "").lower() == "post"
    action = urljoin(response.url, form.attrs.get("action") or "")
    assert urlsplit(action).path == "/fas/logout/confirm", action
    submit = [n for n in form.find_all() if n.tag in ("button", "input") and n.attrs.get("type") == "submit"]
    assert submit, "the confirmation form has no submit button"
    fields = form_fields(form)
    assert fields.get("_csrf"), f"the confirmation form must carry a CSRF token: {fields}"
    return action, fields


def test_a_logout_link_without_an_id_token_asks_the_person_before_logging_them_out(logged_in, discovery, issuer, browser):
    post_logout = f"{CALLBACK}/bye-{uuid.uuid4().hex[:8]}"
    client, _, token, _ = logged_in(name="logout-ask", post_logout_uris=[post_logout])
    state = "bye-" + generate_token(8)

    page = follow(browser, end_session_url(discovery, client_id=client.client_id, post_logout_redirect_uri=post_logout, state=state))
    action, fields = confirmation_form(page)
    assert still_signed_in(browser, client, discovery, issuer), "the page alone must not log the person out"

    # Another site posting the form for the person, without the page's token, logs nobody out.
    forged = {k: v for k, v in fields.items() if k != "_csrf"}
    response = browser.post(action, data=forged, headers=FORM)
    assert post_logout not in response.headers.get("Location", ""), "a forged confirmation was obeyed"
    assert still_signed_in(browser, client, discovery, issuer), "a confirmation without the CSRF token logged out"

    response = browser.post(action, data=fields, headers=FORM)
    location = location_of(response)
    assert without_query(location) == post_logout, location
    assert query_of(location).get("state") == state
    assert not still_signed_in(browser, client, discovery, issuer), "confirmed, the person must be logged out"
    assert_invalid_token(userinfo(discovery, token["access_token"]))


def test_a_confirmed_logout_without_a_client_id_ends_on_the_gateways_logged_out_page(logged_in, discovery, issuer, browser):
    post_logout = f"{CALLBACK}/bye-{uuid.uuid4().hex[:8]}"
    client, _, _, _ = logged_in(name="logout-noid", post_logout_uris=[post_logout])
    page = follow(browser, end_session_url(discovery, post_logout_redirect_uri=post_logout, state="s"))
    action, fields = confirmation_form(page)
    response = follow_response(browser, browser.post(action, data=fields, headers=FORM))
    assert post_logout not in response.headers.get("Location", ""), "nothing names the application: no redirect"
    assert response.status_code == 200 and "html" in response.headers.get("Content-Type", "")
    assert parse_html(response.text).find(id="logged-out") is not None, response.text[:2000]
    assert not still_signed_in(browser, client, discovery, issuer)


def test_a_logout_with_the_applications_id_token_needs_no_confirmation(logged_in, discovery, issuer, browser):
    post_logout = f"{CALLBACK}/bye-{uuid.uuid4().hex[:8]}"
    client, _, token, _ = logged_in(name="logout-hint", post_logout_uris=[post_logout])
    url = end_session_url(
        discovery, id_token_hint=token["id_token"], post_logout_redirect_uri=post_logout, state="st", client_id=client.client_id
    )
    location = location_of(follow(browser, url))
    assert without_query(location) == post_logout and query_of(location).get("state") == "st"
    assert not still_signed_in(browser, client, discovery, issuer)


# --- 8. who may introspect a token --------------------------------------------------------------------------


def register_resource_server(persopoint_bin, data_dir, *serves: str) -> Client:
    """A confidential client registered as the resource server (API) of the clients named."""
    client_id = f"interop-api-{uuid.uuid4().hex[:12]}"
    redirect = f"{CALLBACK}/{client_id}"
    output = run_cli(
        persopoint_bin, "client", "add", "--data-dir", data_dir, "--id", client_id, "--redirect-uri", redirect,
        "--confidential", "--auth-method", "client_secret_basic", "--resource-server-for", ",".join(serves), "--json",
    )
    assert output.get("client_id") == client_id and output.get("client_secret"), output
    return Client(client_id, output["client_secret"], [redirect], [], "client_secret_basic", ALL_SCOPES)


def test_a_client_cannot_introspect_the_access_token_of_another_client(logged_in, register_client, discovery):
    owner, _, token, _ = logged_in(name="intro-owner")
    stranger = register_client(name="intro-stranger")
    assert introspect(stranger, discovery, token["access_token"]) == {"active": False}
    assert introspect(stranger, discovery, token["access_token"], "access_token") == {"active": False}
    assert introspect(owner, discovery, token["access_token"])["active"] is True


def test_a_resource_server_registered_for_a_client_may_introspect_its_access_tokens(
    logged_in, register_client, discovery, issuer, demo_person, browser, persopoint_bin, data_dir
):
    app, _, token, claims = logged_in(name="intro-app")
    other = register_client(name="intro-other")
    api = register_resource_server(persopoint_bin, data_dir, other.client_id, app.client_id)
    body = introspect(api, discovery, token["access_token"])
    assert body["active"] is True, body
    assert body["sub"] == claims["sub"]
    assert set(body["scope"].split()) == set(token["scope"].split())
    assert body["acr"] == acr(200)

    # Only for the clients it serves: another application's token stays opaque to it.
    unrelated = register_client(name="intro-unrelated")
    flow, location = signed_in_code(unrelated, discovery, issuer, demo_person, browser)
    unrelated_token, _ = exchange_code(unrelated, discovery, flow, location)
    assert introspect(unrelated, discovery, unrelated_token["access_token"])["active"] is True
    assert introspect(api, discovery, unrelated_token["access_token"]) == {"active": False}


# --- 9. long state and nonce --------------------------------------------------------------------------------


def test_a_state_or_nonce_over_1024_characters_is_refused_never_cut(register_client, discovery, browser):
    client = register_client(name="long-state")
    long_state = "s" * 1025
    params = error_redirect(browser, client, request_with_state(client, discovery, long_state).url)
    assert params.get("error") == "invalid_request", params
    assert "state" not in params, f"a refused state must not be echoed (even cut): {len(params['state'])} characters"

    flow = authorization_request(client, discovery, nonce="n" * 1025)
    params = error_redirect(browser, client, flow.url)
    assert params.get("error") == "invalid_request", params
    assert params.get("state") == flow.state


def test_a_state_and_nonce_of_exactly_1024_characters_come_back_whole(
    register_client, discovery, issuer, demo_person, browser
):
    client = register_client(name="state-1024")
    state = generate_token(1024)
    nonce = generate_token(1024)
    flow = request_with_state(client, discovery, state, nonce=nonce)
    location = login(browser, flow.url, demo_person, redirect_uri=client.redirect_uri)
    callback_code(flow, location, issuer)  # state echoed whole
    token, _ = exchange_code(client, discovery, flow, location)
    claims = verify_id_token(token["id_token"], discovery, issuer, client, nonce=nonce)
    assert len(claims["nonce"]) == 1024


# --- 10. at_hash ---------------------------------------------------------------------------------------------


def test_id_tokens_carry_the_at_hash_of_their_access_token_at_the_exchange_and_at_a_refresh(logged_in, discovery, issuer):
    client, _, token, claims = logged_in(name="at-hash")
    assert claims.get("at_hash") == left_hash(token["access_token"]), f"at_hash: {claims.get('at_hash')!r}"

    response = refresh_raw(client, discovery, token["refresh_token"])
    assert response.status_code == 200, response.text
    refreshed = response.json()
    assert refreshed.get("id_token"), f"a refresh should return a new ID token carrying at_hash: {sorted(refreshed)}"
    new_claims = verify_id_token(refreshed["id_token"], discovery, issuer, client)
    assert new_claims.get("at_hash") == left_hash(refreshed["access_token"]), new_claims
    assert new_claims["at_hash"] != claims["at_hash"]


# --- 11. discovery extras and response modes ----------------------------------------------------------------


def test_discovery_tells_the_prompt_values_and_where_the_documentation_and_policy_are(discovery):
    values = discovery.get("prompt_values_supported")
    assert isinstance(values, list) and sorted(values) == ["login", "none"], values
    for name in ("service_documentation", "op_policy_uri"):
        url = discovery.get(name)
        assert isinstance(url, str) and urlsplit(url).scheme in ("http", "https"), f"{name}: {url!r}"
        response = requests.get(url, timeout=TIMEOUT)
        assert response.status_code == 200, f"{name} {url} → {response.status_code}"
        assert "html" in response.headers.get("Content-Type", ""), f"{name}: {response.headers.get('Content-Type')}"


def test_a_relying_party_asking_for_fragment_or_form_post_is_sent_back_with_invalid_request_in_the_query(
    register_client, discovery, issuer, demo_person, browser
):
    client = register_client(name="rmode")
    for mode in ("fragment", "form_post"):
        flow = authorization_request(client, discovery, response_mode=mode)
        params = error_redirect(browser, client, flow.url)
        assert params.get("error") == "invalid_request", f"response_mode={mode}: {params}"
        assert params.get("state") == flow.state

    flow = authorization_request(client, discovery, response_mode="query")
    location = login(browser, flow.url, demo_person, redirect_uri=client.redirect_uri)
    callback_code(flow, location, issuer)


# --- 12. CORS for browser-based (public) clients ------------------------------------------------------------

SPA_ORIGIN = "http://localhost:9999"
EVIL_ORIGIN = "http://evil.example"


def assert_cors_allows(response: requests.Response, origin: str):
    assert response.headers.get("Access-Control-Allow-Origin") == origin, (
        f"{response.request.method} {response.url}: Access-Control-Allow-Origin "
        f"{response.headers.get('Access-Control-Allow-Origin')!r}, expected {origin}"
    )
    vary = [v.strip().lower() for v in response.headers.get("Vary", "").split(",")]
    assert "origin" in vary, f"Vary: {response.headers.get('Vary')!r} must name Origin"


def preflight(url: str, origin: str) -> requests.Response:
    return requests.options(
        url,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
        timeout=TIMEOUT,
    )


def test_a_browser_based_application_may_call_the_token_endpoint_and_userinfo_from_its_origin(
    register_client, discovery, issuer, demo_person, browser
):
    client = register_client(name="spa", confidential=False, redirect_uris=[f"{SPA_ORIGIN}/cb/{uuid.uuid4().hex[:8]}"])
    flow = authorization_request(client, discovery)
    location = login(browser, flow.url, demo_person, redirect_uri=client.redirect_uri)
    callback_code(flow, location, issuer)

    for endpoint in ("token_endpoint", "userinfo_endpoint"):
        response = preflight(discovery[endpoint], SPA_ORIGIN)
        assert response.status_code == 204, f"preflight {endpoint}: {response.status_code}"
        assert_cors_allows(response, SPA_ORIGIN)
        methods = [m.strip().upper() for m in response.headers.get("Access-Control-Allow-Methods", "").split(",")]
        assert "POST" in methods, response.headers.get("Access-Control-Allow-Methods")
        allowed = [h.strip().lower() for h in response.headers.get("Access-Control-Allow-Headers", "").split(",")]
        assert {"authorization", "content-type"} <= set(allowed), response.headers.get("Access-Control-Allow-Headers")

    origin = {"Origin": SPA_ORIGIN}
    response = token_request(client, discovery, code_exchange_fields(client, flow, location), headers=origin)
    assert response.status_code == 200, response.text
    assert_cors_allows(response, SPA_ORIGIN)
    token = response.json()

    response = requests.get(
        discovery["userinfo_endpoint"], headers={**origin, "Authorization": f"Bearer {token['access_token']}"}, timeout=TIMEOUT
    )
    assert response.status_code == 200, response.text
    assert_cors_allows(response, SPA_ORIGIN)

    # Another site gets no permission to read the answers, even with a valid token.
    assert "Access-Control-Allow-Origin" not in preflight(discovery["token_endpoint"], EVIL_ORIGIN).headers
    evil = {"Origin": EVIL_ORIGIN, "Authorization": f"Bearer {token['access_token']}"}
    response = requests.get(discovery["userinfo_endpoint"], headers=evil, timeout=TIMEOUT)
    assert "Access-Control-Allow-Origin" not in response.headers, response.headers
    response = token_request(
        client, discovery, [("grant_type", "refresh_token"), ("refresh_token", token["refresh_token"])],
        headers={"Origin": EVIL_ORIGIN},
    )
    assert "Access-Control-Allow-Origin" not in response.headers, response.headers


def test_any_site_may_read_the_discovery_document_and_the_keys(discovery, issuer):
    for url in (f"{issuer}/.well-known/openid-configuration", discovery["jwks_uri"]):
        response = requests.get(url, headers={"Origin": EVIL_ORIGIN}, timeout=TIMEOUT)
        assert response.status_code == 200
        assert response.headers.get("Access-Control-Allow-Origin") == "*", f"{url}: {response.headers}"


# --- 13. a retried refresh ----------------------------------------------------------------------------------


def test_a_relying_party_that_retries_a_refresh_gets_the_same_new_refresh_token(logged_in, discovery):
    # The answer to the first refresh was lost (a timeout, a crash): the same request again, moments later.
    client, _, token, claims = logged_in(name="rt-retry")
    first = refresh_raw(client, discovery, token["refresh_token"])
    assert first.status_code == 200, first.text
    retry = refresh_raw(client, discovery, token["refresh_token"])
    assert retry.status_code == 200, f"a retry within 60 s should be answered again: {retry.status_code} {retry.text}"
    assert retry.json()["refresh_token"] == first.json()["refresh_token"], "the retry must give the same successor"
    info = userinfo(discovery, retry.json()["access_token"])
    assert info.status_code == 200 and info.json()["sub"] == claims["sub"]

    # Nothing was revoked: the successor refreshes as usual.
    then = refresh_raw(client, discovery, first.json()["refresh_token"])
    assert then.status_code == 200, then.text
    assert introspect(client, discovery, then.json()["access_token"])["active"] is True


def test_presenting_a_refresh_token_again_after_its_successor_was_used_revokes_the_whole_family(logged_in, discovery):
    client, _, token, _ = logged_in(name="rt-theft")
    first = refresh_raw(client, discovery, token["refresh_token"])
    assert first.status_code == 200, first.text
    second = refresh_raw(client, discovery, first.json()["refresh_token"])  # the successor is used
    assert second.status_code == 200, second.text

    assert_json_error(refresh_raw(client, discovery, token["refresh_token"]), 400, "invalid_grant")
    assert_json_error(refresh_raw(client, discovery, second.json()["refresh_token"]), 400, "invalid_grant")
    for access_token in (second.json()["access_token"], first.json()["access_token"], token["access_token"]):
        assert introspect(client, discovery, access_token) == {"active": False}


# --- 14. `persopoint demo credentials` beside a running server ----------------------------------------------


def test_listing_the_demo_credentials_without_the_public_url_leaves_the_selfservice_login_working(
    base_url, persopoint_bin, data_dir, discovery
):
    # An administrator lists the demo logins against the server's data directory, forgetting --public-url.
    env = {k: v for k, v in os.environ.items() if k not in ("PERSOPOINT_PUBLIC_URL", "PERSOPOINT_GATEWAY_URL")}
    done = subprocess.run(
        [persopoint_bin, "demo", "credentials", "--data-dir", data_dir, "--json"],
        capture_output=True, text=True, timeout=CLI_TIMEOUT, stdin=subprocess.DEVNULL, env=env,
    )
    assert done.returncode == 0, done.stderr
    time.sleep(6)  # longer than the gateway keeps a registered client in memory (5 s)

    # A civil servant then opens PersoSelfService, which sends them to the gateway to log in.
    with requests.Session() as person:
        response = person.get(f"{base_url}/selfservice/", timeout=TIMEOUT)
    hops = [r.url for r in response.history] + [response.url]
    authorization = [u for u in hops if without_query(u) == discovery["authorization_endpoint"]]
    assert authorization, f"PersoSelfService did not send the browser to the gateway: {hops}"
    assert query_of(authorization[0]).get("redirect_uri") == f"{base_url}/selfservice/callback", authorization[0]
    assert is_key_chooser(response), (
        f"the gateway refused PersoSelfService's request ({response.status_code} at {response.url}):\n{response.text[:1500]}"
    )
    assert urlsplit(response.url).path == "/fas/login"
