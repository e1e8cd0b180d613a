"""Prepares the gateway benchmark: registers a client, logs a demo person in once, then collects fresh
refresh tokens through the SSO session (each refresh token can be used once: rotation). Also runs the
password-login throughput test. Driven by bench/gateway.sh."""
import concurrent.futures
import json
import re
import subprocess
import sys
import time
import urllib.parse

import requests

BASE, BIN, DATA, OUT, COUNT = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
REDIRECT = "http://127.0.0.1:9/cb"


def cli(*args):
    return json.loads(subprocess.check_output([BIN, *args, "--data-dir", DATA, "--json"], stderr=subprocess.DEVNULL))


client = cli("client", "add", "--id", "bench", "--redirect-uri", REDIRECT,
             "--grant-types", "authorization_code,refresh_token,client_credentials", "--auth-method", "client_secret_basic")
person = cli("demo", "credentials")[0]
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

# Password logins: two workers (one per core), each a new visitor doing the whole flow, for 15 seconds.
def worker(deadline):
    done = 0
    while time.monotonic() < deadline:
        login(requests.Session())
        done += 1
    return done

start = time.monotonic()
deadline = start + 15
with concurrent.futures.ThreadPoolExecutor(8) as pool:
    total = sum(pool.map(worker, [deadline] * 8))
print(f"{total / (time.monotonic() - start):.1f}")
