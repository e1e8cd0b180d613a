"""Prepares the gateway benchmark: registers a client, logs a demo person in once, then collects fresh
refresh tokens through the SSO session (each refresh token can be used once: rotation). The refresh tokens are
spread over many clients, PER_CLIENT each: the gateway keeps at most 50 live grants per person and client and revokes
the oldest beyond that, so tokens all from one client would mostly be refused. Also prepares the visitors for the
password-login test. Driven by bench/gateway.sh."""
import base64
import concurrent.futures
import json
import re
import subprocess
import sys
import urllib.parse

import requests

BASE, BIN, DATA, OUT, COUNT, LOGINS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), int(sys.argv[6])
REDIRECT = "http://127.0.0.1:9/cb"
PER_CLIENT = 40  # under the gateway's bound of 50 live grants per person and client


def cli(*args):
    return json.loads(subprocess.check_output([BIN, *args, "--data-dir", DATA, "--json"], stderr=subprocess.DEVNULL))


client = cli("client", "add", "--id", "bench", "--redirect-uri", REDIRECT,
             "--grant-types", "authorization_code,refresh_token,client_credentials", "--auth-method", "client_secret_basic")
person = cli("demo", "credentials")["people"][0]
auth = (client["client_id"], client["client_secret"])


def authorize_url(client_id="bench"):
    query = urllib.parse.urlencode({"response_type": "code", "client_id": client_id, "redirect_uri": REDIRECT,
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


def exchange(code, credentials=auth):
    return requests.post(f"{BASE}/fas/oauth2/access_token", auth=credentials,
                         data={"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}).json()


browser = requests.Session()
tokens = exchange(login(browser))
with open(OUT + ".access", "w") as f:
    f.write(tokens["access_token"])
with open(OUT + ".basic", "w") as f:
    f.write(base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode())


refresh_clients = []
for number in range((COUNT + PER_CLIENT - 1) // PER_CLIENT):
    added = cli("client", "add", "--id", f"bench-r{number}", "--redirect-uri", REDIRECT,
                "--grant-types", "authorization_code,refresh_token", "--auth-method", "client_secret_basic")
    refresh_clients.append((added["client_id"], added["client_secret"]))


def sso_refresh(index):
    """A refresh token of one of the refresh clients (through the SSO session), with that client's Basic credentials."""
    client_id, secret = refresh_clients[index // PER_CLIENT]
    response = browser.get(authorize_url(client_id), allow_redirects=False)
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(response.headers["Location"]).query)["code"][0]
    token = exchange(code, (client_id, secret))["refresh_token"]
    return base64.b64encode(f"{client_id}:{secret}".encode()).decode() + "\t" + token


with concurrent.futures.ThreadPoolExecutor(4) as pool, open(OUT + ".refresh", "w") as f:
    for line in pool.map(sso_refresh, range(COUNT)):
        f.write(line + "\n")

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
