"""Prepares the gateway benchmark: registers a client, logs a demo person in once, then collects fresh
refresh tokens through the SSO session (each refresh token can be used once: rotation). Also prepares the
visitors for the password-login test. Driven by bench/gateway.sh."""
import concurrent.futures
import json
import re
import subprocess
import sys
import urllib.parse

import requests

BASE, BIN, DATA, OUT, COUNT, LOGINS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
REDIRECT = "http://127.0.0.1:9/cb"


def cli(*args):
    return json.loads(subprocess.check_output([BIN, *args, "--data-dir", DATA, "--json"], stderr=subprocess.DEVNULL))


client = cli("client", "add", "--id", "bench", "--redirect-uri", REDIRECT,
             "--grant-types", "authorization_code,refresh_token,client_credentials", "--auth-method", "client_secret_basic")
person = cli("demo", "credentials")["people"][0]
auth = (client["client_id"], client["client_secret"])


def authorize_url():
    query = urllib.parse.urlencode({"response_type": "code", "client_id": "bench", "redirect_uri": REDIRECT,
                                    "scope": "openid profile email egovnrn roles", "state": "s"})
    return f"{BASE}/fas/oauth2/authorize?{query}"


def login(session):
    """One full password login; returns the code."""
    response = session.get(authorize_url(), allow_redirects=False)
    chooser = session.get(BASE + response.headers["Location"], allow_redirects=False)
    tx = re.search(r'tx=([A-Za-z0-9_-]+)', chooser.url).group(1)
    page = session.get(f"{BASE}/fas/login/password?tx={tx}")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    done = session.post(f"{BASE}/fas/login/password", data={"username": person["username"], "password": person["password"],
                                                            "tx": tx, "_csrf": csrf}, allow_redirects=False)
    return urllib.parse.parse_qs(urllib.parse.urlsplit(done.headers["Location"]).query)["code"][0]


def exchange(code):
    return requests.post(f"{BASE}/fas/oauth2/access_token", auth=auth,
                         data={"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}).json()


browser = requests.Session()
tokens = exchange(login(browser))
with open(OUT + ".access", "w") as f:
    f.write(tokens["access_token"])
with open(OUT + ".basic", "w") as f:
    import base64
    f.write(base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode())


def sso_refresh(_):
    response = browser.get(authorize_url(), allow_redirects=False)
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(response.headers["Location"]).query)["code"][0]
    return exchange(code)["refresh_token"]


with concurrent.futures.ThreadPoolExecutor(4) as pool, open(OUT + ".refresh", "w") as f:
    for token in pool.map(sso_refresh, range(COUNT)):
        f.write(token + "\n")

# Password logins: visitors brought up to the password form (authorize, key chooser, form), one line each
# (cookie, tx, CSRF token), for bench/password_login.lua to submit: the POST is the hash-bound step, and wrk
# keeps the load generator's own CPU use small next to the Argon2 work being measured.
def prepared_visitor(_):
    visitor = requests.Session()
    response = visitor.get(authorize_url(), allow_redirects=False)
    chooser = visitor.get(BASE + response.headers["Location"], allow_redirects=False)
    tx = re.search(r'tx=([A-Za-z0-9_-]+)', chooser.url).group(1)
    page = visitor.get(f"{BASE}/fas/login/password?tx={tx}")
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    cookie = "; ".join(f"{c.name}={c.value}" for c in visitor.cookies)
    return "\t".join([cookie, tx, urllib.parse.quote(csrf, safe="")])


with open(OUT + ".credentials", "w") as f:
    f.write(urllib.parse.quote(person["username"], safe="") + " " + urllib.parse.quote(person["password"], safe="") + "\n")
with concurrent.futures.ThreadPoolExecutor(4) as pool, open(OUT + ".logins", "w") as f:
    for line in pool.map(prepared_visitor, range(LOGINS)):
        f.write(line + "\n")
