"""Anonymous visitors cost no database write (issue 20): a person who opens a form page, or whom an application sends
to the gateway's key chooser, gets their session — the form's CSRF token, the login in progress — sealed in a
pre-login cookie, not a row. The session becomes a row when they log in. The protections stay: a form posted without
the cookie, with a cookie sealed for somebody else's token, or with a cookie someone altered, is refused.

Each story has a server of its own, so that the count of session rows is its visitors' alone.
"""

from __future__ import annotations

import sqlite3
from urllib.parse import urlencode

import requests

from .servers import own_servers  # noqa: F401  (fixture)

VISITORS = 300
PRELOGIN = "persopoint_prelogin"
SESSION = "persopoint_session"


def session_rows(server) -> int:
    with sqlite3.connect(f"file:{server.database}?mode=ro", uri=True) as database:
        return database.execute("SELECT count(*) FROM sessions").fetchone()[0]


def csrf_token(html: str) -> str:
    marker = 'name="_csrf" value="'
    start = html.index(marker) + len(marker)
    return html[start:html.index('"', start)]


def test_three_hundred_new_visitors_of_a_form_page_and_of_the_key_chooser_write_no_session_row(own_servers):
    server = own_servers("anonymous")
    before = session_rows(server)
    authorize = "/fas/oauth2/authorize?" + urlencode({
        "client_id": "persoselfservice", "response_type": "code", "scope": "openid",
        "redirect_uri": f"{server.url}/selfservice/callback", "state": "s", "nonce": "n",
        "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method": "S256",
    })
    sealed = set()
    tokens = set()
    for n in range(VISITORS):
        # A new browser each time: no cookie sent.
        path = "/contact" if n % 2 == 0 else authorize
        response = requests.get(server.url + path, allow_redirects=True, timeout=10)
        assert response.status_code == 200, f"{path} → {response.status_code}"
        # The cookies of every answer on the way: /authorize sets the pre-login cookie on its redirect to the key
        # chooser, which has no reason to set it again.
        set_on_the_way = {}
        for answer in [*response.history, response]:
            set_on_the_way.update(answer.cookies.get_dict())
        assert SESSION not in set_on_the_way, f"{path}: an anonymous visitor was given a stored session"
        assert PRELOGIN in set_on_the_way, f"{path} set no pre-login cookie (cookies set: {sorted(set_on_the_way)})"
        sealed.add(set_on_the_way[PRELOGIN])
        if path == "/contact":
            # The page is rendered once and shared; the form token in it is each visitor's own.
            tokens.add(csrf_token(response.text))
    after = session_rows(server)
    print(f"{VISITORS} new visitors: {after - before} session rows written, {len(sealed)} distinct pre-login cookies")
    assert after == before
    assert len(sealed) == VISITORS
    assert len(tokens) == VISITORS // 2, "two visitors were given the same form token"


def test_a_form_posted_with_the_pre_login_cookie_works_and_without_it_or_altered_is_refused(own_servers):
    server = own_servers("anonymous-forms")
    browser = requests.Session()
    page = browser.get(f"{server.url}/contact", timeout=10)
    token = csrf_token(page.text)
    cookie = browser.cookies.get(PRELOGIN)
    assert cookie, f"/contact set no pre-login cookie (cookies: {sorted(browser.cookies.keys())})"

    # The visitor's own cookie and token: accepted (PersoContact remembers the employer and moves on).
    answer = browser.post(f"{server.url}/contact/employer", data={"organisation": "bosa", "_csrf": token},
                          allow_redirects=False, timeout=10)
    assert answer.status_code == 303, answer.text[:300]

    # The same token without the cookie, with a stranger's cookie, or with the cookie altered: refused.
    stranger = requests.get(f"{server.url}/contact", timeout=10).cookies[PRELOGIN]
    altered = cookie[:20] + ("A" if cookie[20] != "A" else "B") + cookie[21:]
    for name, jar in [("no cookie", {}), ("a stranger's cookie", {PRELOGIN: stranger}), ("an altered cookie", {PRELOGIN: altered})]:
        refused = requests.post(f"{server.url}/contact/employer", data={"organisation": "bosa", "_csrf": token},
                                cookies=jar, allow_redirects=False, timeout=10)
        assert refused.status_code == 403, f"{name}: {refused.status_code}"
        assert "Traceback" not in refused.text and "Error(" not in refused.text
    assert session_rows(server) == 0
