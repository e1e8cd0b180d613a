"""The gateway behind a reverse proxy: failures are counted per client address, and the address is the one the proxy
vouches for — only when the request really comes from the proxy.

Over 15 minutes an address may fail 100 times; after that it may try only once every 9 seconds after its last
failure (slowed, never shut out), and while it waits not even the right password is checked. Behind a trusted proxy
(`--trusted-proxies 127.0.0.1`: the tests' requests come from 127.0.0.1, so they play the proxy) the client is the
right-most X-Forwarded-For address that is not the proxy: one guessing address is slowed and nobody else is.
Without a trusted proxy the header is a string anyone can write, and changing it for every try changes nothing.

Each story has a gateway of its own: slowing down 127.0.0.1 on the suite's main server would slow every later test.
A relying party (Authlib) sends the "browsers" (requests sessions, conftest's Browser) to the key chooser; every try
is the username + password form of the password key.
"""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin

from .code_login import form_error, register_relying_party
from .conftest import (
    Browser,
    authorization_request,
    callback_code,
    check_token_response,
    exchange_code,
    follow,
    follow_response,
    key_chooser_keys,
    key_is_enabled,
    submit_password,
)
from .servers import own_servers  # noqa: F401  (fixture)

WRONG = "The username or password is incorrect."
WAIT_PREFIX = "Too many failed attempts. Try again in "
ADDRESS_ALLOWANCE = 100  # failures per address in 15 minutes
SPACING = 9.0  # seconds: 15 minutes / 100, the rate an address is then held to
PARALLEL = 4  # browsers guessing at once (the count stays exact: the limit is only reached by the last, lone try)


@dataclass
class Answer:
    kind: str  # "in" (back at the application), "wrong" (the wrong-credentials message), "wait", or "other"
    text: str  # the page's error, or the redirect's Location
    at: float  # time.monotonic() when the answer arrived


class Visitor:
    """A browser whose requests reach the gateway as if through a proxy that wrote X-Forwarded-For (None: no
    header), in English, with the password form of one login of the relying party open."""

    def __init__(self, rp, forwarded_for: "str | None"):
        self.rp = rp
        self.browser = Browser()
        self.browser.headers["Accept-Language"] = "en"
        self.forwarded_for(forwarded_for)
        self.flow = authorization_request(rp.client, rp.discovery)
        chooser = follow(self.browser, self.flow.url)
        password_key = key_chooser_keys(chooser)["key-password"]
        assert key_is_enabled(password_key), f"the relying party asked Level200, the password key should be offered:\n{chooser.text[:1500]}"
        self.page = follow(self.browser, urljoin(chooser.url, password_key.attrs["href"]))

    def forwarded_for(self, value: "str | None"):
        if value is None:
            self.browser.headers.pop("X-Forwarded-For", None)
        else:
            self.browser.headers["X-Forwarded-For"] = value

    def try_password(self, username: str, password: str) -> Answer:
        response = follow_response(self.browser, submit_password(self.browser, self.page, username, password))
        now = time.monotonic()
        if response.status_code in (302, 303):
            location = urljoin(response.url, response.headers["Location"])
            assert location.startswith(self.rp.client.redirect_uri), f"redirected elsewhere than the application: {location}"
            return Answer("in", location, now)
        assert response.status_code == 200, f"password form → {response.status_code}: {response.text[:800]}"
        self.page = response  # the form again, with the message: the next try is typed there
        error = form_error(response) or ""
        if error == WRONG:
            return Answer("wrong", error, now)
        if error.startswith(WAIT_PREFIX):
            return Answer("wait", error, now)
        return Answer("other", error or response.text[:800], now)

    def gets_in(self, person: dict) -> Answer:
        """The right password; the relying party finishes the code flow (Authlib) and gets this person's ID token."""
        answer = self.try_password(person["username"], person["password"])
        assert answer.kind == "in", f"{person['username']} with the right password was refused: {answer.text!r}"
        callback_code(self.flow, answer.text, self.rp.issuer)
        token, session = exchange_code(self.rp.client, self.rp.discovery, self.flow, answer.text)
        check_token_response(token, session)
        return answer

    def close(self):
        self.browser.close()


def stranger() -> str:
    return "guess-" + uuid.uuid4().hex[:10]


def guess_many(rp, count: int, forwarded_for) -> list:
    """`count` wrong passwords for random usernames (never the same username twice: no account's own waits come
    into play), from PARALLEL browsers at once; forwarded_for(i) is the X-Forwarded-For of try i. Returns the answers."""
    def worker(indexes):
        visitor = Visitor(rp, None)
        try:
            answers = []
            for i in indexes:
                visitor.forwarded_for(forwarded_for(i))
                answers.append(visitor.try_password(stranger(), "Not-the-password-1"))
            return answers
        finally:
            visitor.close()

    with ThreadPoolExecutor(PARALLEL) as pool:
        parts = pool.map(worker, [range(k, count, PARALLEL) for k in range(PARALLEL)])
        return [answer for part in parts for answer in part]


def assert_all_wrong(answers: list, why: str):
    kinds = [a.kind for a in answers]
    assert kinds == ["wrong"] * len(answers), f"{why}: {[(k, a.text) for k, a in zip(kinds, answers) if k != 'wrong'][:5]}"


def demo_people(gateway) -> dict:
    return {person["givenName"]: person for person in gateway.cli("demo", "credentials")["people"]}


def test_behind_the_proxy_one_guessing_address_is_slowed_and_nobody_else(own_servers):
    gateway = own_servers("behind-proxy", eid_port=0, args=["--trusted-proxies", "127.0.0.1"])
    people = demo_people(gateway)
    rp = register_relying_party(gateway, min_level=200, name="proxy")
    guesser = "198.51.100.7"

    # Someone at 198.51.100.7 guesses passwords for random usernames: the first 100 failures are just wrong.
    answers = guess_many(rp, ADDRESS_ALLOWANCE - 1, lambda i: guesser)
    assert_all_wrong(answers, "the first 99 failures of an address are answered as wrong passwords")
    attacker = Visitor(rp, guesser)
    hundredth = attacker.try_password(stranger(), "Not-the-password-1")
    assert hundredth.kind == "wrong", f"the 100th failure is still counted as one: {hundredth.text!r}"
    last_failure = hundredth.at

    # The 101st try from that address is held back: the page says to wait.
    held = attacker.try_password(stranger(), "Not-the-password-1")
    assert held.kind == "wait", f"after 100 failures in 15 minutes the address should wait, got {held.kind}: {held.text!r}"

    # Sophie, at 203.0.113.5 behind the same proxy, logs in at once.
    sophie = Visitor(rp, "203.0.113.5")
    sophie.gets_in(people["Sophie"])

    # Lena shares the guesser's address: her right password is not even checked while the address waits ...
    lena = Visitor(rp, guesser)
    assert lena.try_password(people["Lena"]["username"], people["Lena"]["password"]).kind == "wait", (
        "the right password from the slowed address must wait too (it is not checked during a wait)"
    )
    # ... and writing another address in front of the proxy's changes nothing: the proxy appends the real one.
    lena.forwarded_for(f"203.0.113.5, {guesser}")
    assert lena.try_password(people["Lena"]["username"], people["Lena"]["password"]).kind == "wait", (
        "X-Forwarded-For '203.0.113.5, 198.51.100.7' names 198.51.100.7 (the right-most address not a trusted proxy)"
    )
    lena.forwarded_for(guesser)
    # Slowed, not blocked: still waiting a few seconds before the 9 s are up, let in once they are.
    time.sleep(max(0.0, last_failure + SPACING - 2.5 - time.monotonic()))
    early = lena.try_password(people["Lena"]["username"], people["Lena"]["password"])
    assert early.kind == "wait", f"{early.at - last_failure:.1f} s after the last failure the address still waits: {early.text!r}"
    time.sleep(max(0.0, last_failure + SPACING + 0.5 - time.monotonic()))
    lena.gets_in(people["Lena"])
    for visitor in (attacker, sophie, lena):
        visitor.close()


def test_without_a_trusted_proxy_a_forged_forwarded_for_does_not_dodge_the_address_limit(own_servers):
    gateway = own_servers("no-proxy", eid_port=0)
    people = demo_people(gateway)
    rp = register_relying_party(gateway, min_level=200, name="forged")

    # The attacker writes a different X-Forwarded-For on every try, hoping each counts for another address.
    def forged(i: int) -> str:
        return f"10.{i // 250}.{i % 250}.{1 + i % 200}"

    answers = guess_many(rp, ADDRESS_ALLOWANCE - 1, forged)
    assert_all_wrong(answers, "the first 99 failures are answered as wrong passwords")
    attacker = Visitor(rp, forged(ADDRESS_ALLOWANCE - 1))
    assert attacker.try_password(stranger(), "Not-the-password-1").kind == "wrong", "the 100th failure is still counted"

    # All 100 counted for the peer, 127.0.0.1: the next try waits, whatever address it claims.
    attacker.forwarded_for("192.0.2.200")
    held = attacker.try_password(stranger(), "Not-the-password-1")
    assert held.kind == "wait", f"forged X-Forwarded-For headers dodged the address limit: {held.kind} {held.text!r}"
    # So does a real person's right password from that address (127.0.0.1), with or without a header.
    marc = Visitor(rp, "203.0.113.5")
    assert marc.try_password(people["Marc"]["username"], people["Marc"]["password"]).kind == "wait"
    marc.forwarded_for(None)
    assert marc.try_password(people["Marc"]["username"], people["Marc"]["password"]).kind == "wait"
    attacker.close()
    marc.close()
