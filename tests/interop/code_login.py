"""Logging in with a security code (e-mail, TOTP app, token card) at an extra server (not a test file).

A relying party registered on that server (Authlib builds its requests, as in the other interop tests) sends a
person to the key chooser; the person picks a code key, gives username + password, then the code.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests

from .conftest import (
    ALL_SCOPES,
    CALLBACK,
    TIMEOUT,
    Browser,
    Client,
    Flow,
    acr,
    authorization_request,
    callback_code,
    check_token_response,
    exchange_code,
    follow,
    follow_response,
    key_chooser_keys,
    key_is_enabled,
    parse_html,
    same_origin,
    submit_password,
    verify_id_token,
)
from .servers import ExtraServer

KEY_LEVELS = {"email": 350, "totp": 400, "token": 300}
SIX_DIGITS = re.compile(r"(?<!\d)\d{6}(?!\d)")


@dataclass
class RelyingParty:
    server: ExtraServer
    client: Client
    discovery: dict
    level: int

    @property
    def issuer(self) -> str:
        return self.discovery["issuer"]


def register_relying_party(server: ExtraServer, *, min_level: int, name: str = "codes") -> RelyingParty:
    """Registers a confidential client (client_secret_basic) on the extra server with `persopoint client add`."""
    client_id = f"interop-{name}-{uuid.uuid4().hex[:12]}"
    redirect_uri = f"{CALLBACK}/{client_id}"
    output = server.cli(
        "client", "add", "--id", client_id, "--redirect-uri", redirect_uri, "--scopes", ALL_SCOPES,
        "--grant-types", "authorization_code,refresh_token", "--min-level", str(min_level),
        "--confidential", "--auth-method", "client_secret_basic",
    )
    assert isinstance(output, dict) and output.get("client_id") == client_id and output.get("client_secret"), output
    client = Client(client_id, output["client_secret"], [redirect_uri], [], "client_secret_basic", ALL_SCOPES)
    url = f"{server.url}/fas/oauth2/.well-known/openid-configuration"
    response = requests.get(url, timeout=TIMEOUT)
    assert response.status_code == 200, f"GET {url} → {response.status_code}: {response.text[:300]}"
    return RelyingParty(server, client, response.json(), min_level)


def form_error(response: requests.Response) -> "str | None":
    """The text of the page's p.form-error (role=alert), or None."""
    node = parse_html(response.text).find("p", cls="form-error")
    if node is None:
        return None
    assert node.attrs.get("role") == "alert", f"p.form-error without role=alert: {node.attrs}"
    return node.text


def form_fields(form) -> dict:
    fields = {}
    for node in form.find_all("input"):
        name = node.attrs.get("name")
        if name and node.attrs.get("type", "text") not in ("submit", "button", "checkbox", "radio"):
            fields[name] = node.attrs.get("value", "")
    return fields


def submit_token_card_login(base_url: str, path: str, person: dict) -> "tuple[Browser, requests.Response]":
    """An application page at path → the gateway's key chooser → the token card key (Level300): username, password,
    the code at the position asked. Returns the browser and the (unfollowed) answer to the code form."""
    browser = Browser()
    browser.headers["Accept-Language"] = "en"
    chooser = follow(browser, base_url + path)
    token_key = key_chooser_keys(chooser)["key-token"]
    assert key_is_enabled(token_key), f"{path} (Level300) must offer the token card:\n{chooser.text[:1500]}"
    password_page = follow(browser, urljoin(chooser.url, token_key.attrs["href"]))
    code_page = follow_response(browser, submit_password(browser, password_page, person["username"], person["password"]))
    page = parse_html(code_page.text)
    position, form = page.find(id="token-position"), page.find("form", id="code-form")
    assert position is not None and form is not None, (
        f"{person['givenName']}: no token card code page after the password ({code_page.status_code}):\n{code_page.text[:1500]}"
    )
    fields = form_fields(form)
    fields["code"] = person["tokenCard"][int(re.sub(r"\D", "", position.text)) - 1]
    return browser, browser.post(urljoin(code_page.url, form.attrs.get("action") or code_page.url), data=fields)


class CodeLogin:
    """One person logging in with one code key in a browser of their own (no SSO from an earlier login)."""

    def __init__(self, rp: RelyingParty, person: dict, key: str):
        assert key in KEY_LEVELS, key
        self.rp = rp
        self.person = person
        self.key = key
        self.browser = Browser()
        # The pages in English whatever the person's language: e-mails must follow the person's, not the page's.
        self.browser.headers["Accept-Language"] = "en"
        self.flow: "Flow | None" = None
        self.chooser: "requests.Response | None" = None  # the key chooser the person saw
        self.page: "requests.Response | None" = None  # the last gateway page shown
        self.callback: "str | None" = None  # the redirect back to the relying party, once it came

    def close(self):
        self.browser.close()

    # the steps

    def open(self) -> "CodeLogin":
        """The relying party asks for its level; the person picks this key on the key chooser."""
        self.flow = authorization_request(self.rp.client, self.rp.discovery, acr_values=acr(KEY_LEVELS[self.key]))
        chooser = self.chooser = follow(self.browser, self.flow.url)
        link = key_chooser_keys(chooser)[f"key-{self.key}"]
        assert key_is_enabled(link), f"the {self.key} key is not offered on the key chooser:\n{chooser.text[:2000]}"
        self.page = follow(self.browser, urljoin(chooser.url, link.attrs["href"]))
        assert urlsplit(self.page.url).path == f"/fas/login/{self.key}", self.page.url
        return self

    def password(self) -> requests.Response:
        """Username + password on the key's first page; returns the answer (the code page, or an error page)."""
        response = submit_password(self.browser, self.page, self.person["username"], self.person["password"])
        self.page = follow_response(self.browser, response)
        assert self.page.status_code == 200, (
            f"after the password the {self.key} key should show a page, got {self.page.status_code} "
            f"{self.page.headers.get('Location')}: {self.page.text[:1000]}"
        )
        return self.page

    def to_code_page(self) -> requests.Response:
        self.open()
        page = self.password()
        assert self.code_form() is not None, (
            f"no form#code-form after the right password for the {self.key} key "
            f"(error: {form_error(page)!r}):\n{page.text[:2000]}"
        )
        return page

    def code_form(self):
        return parse_html(self.page.text).find("form", id="code-form")

    def submit_code(self, code: str) -> requests.Response:
        """Types code into #code and presses #code-submit. On success the relying party's callback is kept in
        self.callback; otherwise the page shown is kept in self.page."""
        page = parse_html(self.page.text)
        form = page.find("form", id="code-form")
        assert form is not None, f"no form#code-form at {self.page.url}:\n{self.page.text[:2000]}"
        assert (form.attrs.get("method") or "get").lower() == "post", "the code form must be POSTed"
        fields = form_fields(form)
        for hidden in ("_csrf", "tx"):
            assert fields.get(hidden), f"form#code-form lacks a hidden {hidden} with a value: {sorted(fields)}"
        code_input = form.find("input", id="code")
        assert code_input is not None and code_input.attrs.get("name") == "code", "form#code-form needs input#code named code"
        assert form.find("button", id="code-submit") is not None, "form#code-form needs button#code-submit"
        fields["code"] = code
        action = urljoin(self.page.url, form.attrs.get("action") or self.page.url)
        response = self.browser.post(action, data=fields, allow_redirects=False)
        response = follow_response(self.browser, response)
        if response.status_code in (302, 303) and not same_origin(urljoin(response.url, response.headers["Location"]), response.url):
            self.callback = urljoin(response.url, response.headers["Location"])
        else:
            assert response.status_code == 200, f"code submission → {response.status_code}: {response.text[:1000]}"
            self.page = response
        return response

    def refused(self, code: str, why: str) -> str:
        """Submits code, expects it refused (no way back to the application, an error shown); returns the error."""
        response = self.submit_code(code)
        assert self.callback is None, f"{why}: the code {code} was accepted (redirected to {self.callback})"
        error = form_error(response)
        assert error, f"{why}: refused without a p.form-error:\n{response.text[:2000]}"
        return error

    def accepted(self, code: str, why: str = "the right code") -> dict:
        """Submits code, expects the way back to the application; finishes as the relying party would and
        returns the verified ID token's claims."""
        response = self.submit_code(code)
        assert self.callback is not None, (
            f"{why} {code} was not accepted (error: {form_error(response)!r}):\n{response.text[:2000]}"
        )
        return self.finish()

    def finish(self) -> dict:
        rp = self.rp
        callback_code(self.flow, self.callback, rp.issuer)
        token, session = exchange_code(rp.client, rp.discovery, self.flow, self.callback)
        check_token_response(token, session)
        return verify_id_token(
            token["id_token"], rp.discovery, rp.issuer, rp.client, nonce=self.flow.nonce, access_token=token["access_token"]
        )

    def resend(self) -> requests.Response:
        """Presses #resend in form#resend-form; the page shown afterwards."""
        page = parse_html(self.page.text)
        form = page.find("form", id="resend-form")
        assert form is not None, f"no form#resend-form on the code page:\n{self.page.text[:2000]}"
        button = form.find("button", id="resend")
        assert button is not None, "form#resend-form needs button#resend"
        fields = form_fields(form)
        if button.attrs.get("name"):
            fields[button.attrs["name"]] = button.attrs.get("value", "")
        action = urljoin(self.page.url, form.attrs.get("action") or self.page.url)
        response = follow_response(self.browser, self.browser.post(action, data=fields, allow_redirects=False))
        assert response.status_code == 200, f"resend → {response.status_code}: {response.text[:1000]}"
        self.page = response
        return response


def code_in(mail) -> str:
    """The one 6-digit code in an e-mail's text part."""
    text = text_part(mail.message).get_content()
    codes = set(SIX_DIGITS.findall(text))
    assert len(codes) == 1, f"expected exactly one 6-digit code in the e-mail's text, found {sorted(codes)}:\n{text}"
    return codes.pop()


def text_part(message):
    part = message.get_body(preferencelist=("plain",))
    assert part is not None, f"the e-mail has no text/plain part: {[p.get_content_type() for p in message.walk()]}"
    return part


def html_part(message):
    part = message.get_body(preferencelist=("html",))
    assert part is not None, f"the e-mail has no text/html part: {[p.get_content_type() for p in message.walk()]}"
    return part


def wrong_code(*right: str) -> str:
    """A 6-digit code that is none of the given ones."""
    for candidate in ("000000", "111111", "123456", "987654", "246802"):
        if candidate not in right:
            return candidate
    raise AssertionError("unreachable")
