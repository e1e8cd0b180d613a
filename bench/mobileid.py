"""The Python part of bench/mobileid.sh (issue 15): the relying party and the phones of tests/interop/ciba_client.py,
the bench identities put in the register, the pre-signed request bodies, the load generator and the confirm → tokens
rounds. Each subcommand is one step of the shell script; they share files in the script's work directory.

The load generator (`fire`) is Python with threads, not wrk: each of N threads keeps one HTTP/1.1 connection
(http.client) and sends the next pre-made body of a shared list until the list is used up or the time is over. The
bodies are made beforehand (`bodies`), each with its own client assertion (ES256, fresh jti) already signed, so the
client's signing is not in the timed part. The rate is the answers received ÷ the time from the start to the last
answer (a list used up early only shortens the run). The generator's own CPU time is reported beside the server's:
both share the same 2 cores.
"""

from __future__ import annotations

import ctypes
import datetime
import http.client
import itertools
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "interop"))
from ciba_client import RelyingParty, Phone  # noqa: E402
from cryptography.hazmat.primitives import serialization  # noqa: E402

CLIENT_ID = "bench-rp"
CLIENT_NAME = "Bench relying party"
BENCH_PHONE_BASE = 32499000000  # +32 499 00 00 00 and up; the demo phones are +32 470 …


class Server:
    """What ciba_client needs of a server: its address and its CLI against the data directory."""

    def __init__(self, url: str, binary: str = "", data_dir: str = ""):
        self.url, self.binary, self.data_dir = url.rstrip("/"), binary, data_dir

    def cli_plain(self, *args) -> subprocess.CompletedProcess:
        return subprocess.run([self.binary, *args, "--data-dir", self.data_dir], capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)


def _pem(key) -> str:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()).decode()


def _key(pem: str):
    return serialization.load_pem_private_key(pem.encode(), password=None)


def relying_party(base: str, work: str) -> RelyingParty:
    """The bench relying party registered by `register`, its key read back from the work directory."""
    saved = json.loads((Path(work) / "rp.json").read_text())
    rp = RelyingParty(Server(base), saved["client_id"], saved["name"])
    rp.key, rp.kid = _key(saved["key"]), saved["kid"]
    return rp


def phone(base: str, saved: dict) -> Phone:
    device = Phone(Server(base), label="bench phone")
    device.key, device.device = _key(saved["key"]), saved["device"]
    return device


# --- set-up ----------------------------------------------------------------------------------------------------


def register(base, binary, data_dir, work):
    """The bench relying party (poll mode) with `persopoint mobileid client-add`, once."""
    rp = RelyingParty(Server(base, binary, data_dir), CLIENT_ID, CLIENT_NAME).register(Path(work))
    (Path(work) / "rp.json").write_text(json.dumps({"client_id": rp.client_id, "name": rp.name, "kid": rp.kid, "key": _pem(rp.key)}))
    print(rp.client_id)


def national_number(index):
    """A valid national register number for bench person `index` (< 16,000 × 40), as bench/selfservice.sh makes
    them: born 1960-01-01 + a permutation of 16,000 days, serial 901, 903… (the demo people's are lower)."""
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=(index * 7919) % 16000)
    serial = 901 + 2 * (index // 16000)
    first9 = int(f"{born:%y%m%d}{serial:03d}")
    check = 97 - ((2_000_000_000 if born.year >= 2000 else 0) + first9) % 97
    return f"{first9:09d}{check:02d}"


def _argon2id():
    """libargon2's argon2id_hash_encoded at PasswordHasher's parameters (m=19456 KiB, t=2, p=1, 16-byte salt, 32-byte
    hash): the same PHC string the server stores."""
    library = ctypes.CDLL("libargon2.so.1")
    function = library.argon2id_hash_encoded
    function.argtypes = [ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                         ctypes.c_size_t, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t]

    def phc(code: str) -> str:
        out = ctypes.create_string_buffer(128)
        status = function(2, 19456, 1, code.encode(), len(code), os.urandom(16), 16, 32, out, len(out))
        assert status == 0, f"argon2id_hash_encoded → {status}"
        return out.value.decode()
    return phc


def enrol(database, count, out):
    """`count` mobile identities written to mobileid_identities as Identities.enrol writes them (there is no CLI or
    route that enrols: MobileIDPart.enrol is Swift API used by the demo data only): phone +32 499 NNN NNN, a valid
    national number, a random 5-digit code hashed with libargon2 (2 threads, ctypes lets go of the GIL), an upper-case
    UUID, created_at a REAL. Writes [{"phone","code","nrn"}] to `out`; prints "count seconds"."""
    from concurrent.futures import ThreadPoolExecutor
    count = int(count)
    started = time.monotonic()
    randomness = random.Random(15)
    people = [{"phone": f"+{BENCH_PHONE_BASE + i}", "code": f"{randomness.randrange(100000):05d}", "nrn": national_number(i)}
              for i in range(count)]
    phc = _argon2id()
    with ThreadPoolExecutor(max_workers=2) as pool:
        hashes = list(pool.map(lambda p: phc(p["code"]), people))
    now = time.time()
    rows = [(str(uuid.uuid4()).upper(), p["phone"], p["nrn"], f"Agent{i:05d}", f"Bench{i:05d}", "fr" if i % 2 else "nl", h, 0, None,
             None, now) for i, (p, h) in enumerate(zip(people, hashes))]
    connection = sqlite3.connect(database, timeout=60, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 60000")
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany("""INSERT INTO mobileid_identities (id, phone, national_number, given_name, surname, language, code_phc,
        failed_codes, locked_at, quiet_until, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    connection.execute("COMMIT")
    connection.close()
    Path(out).write_text(json.dumps(people))
    print(count, round(time.monotonic() - started, 1))


def _flow(rp: RelyingParty, device: Phone, who: dict, number: str, *, poll_every: float = 0.2) -> dict:
    """One whole confirmation: bc-authorize with a two-digit binding message, the request on the phone, the right
    number and code, the tokens polled for; the ID token verified; userinfo. Returns the ID token's claims."""
    started = rp.started(who["phone"], binding_message=number, scope="openid egovnrn profile", requested_expiry=120)
    waiting = device.waiting(CLIENT_NAME, timeout=10)
    assert number in waiting.get("choices", []), waiting
    answer = device.answer(waiting["id"], approve=True, choice=number, code=who["code"])
    assert answer.status_code == 200 and answer.json().get("result") == "confirmed", answer.text
    deadline = time.monotonic() + 15
    while True:
        response = rp.token(started["auth_req_id"])
        if response.status_code == 200:
            break
        assert response.json().get("error") in ("authorization_pending", "slow_down"), response.text
        assert time.monotonic() < deadline, "no tokens 15 s after the confirmation"
        time.sleep(poll_every)
    tokens = response.json()
    claims = rp.id_token_claims(tokens["id_token"])
    assert claims["acr"] == "urn:be:fedict:iam:fas:Level450" and claims["egovNRN"] == who["nrn"], claims
    info = rp.userinfo(tokens["access_token"])
    assert info.status_code == 200 and info.json().get("egovNRN") == who["nrn"], info.text
    return claims


def check(base, work, credentials, bench_people, bench_index):
    """Correctness before anything is timed: the 5 demo people pair a phone each (the dev route, which checks the
    5-digit code with Argon2id) and one of them logs in end to end; one bench identity (written by `enrol`) pairs and
    logs in the same way, which shows its code hash is one the server verifies. The paired phones' keys are saved for
    the rounds of `latency`. Prints what was checked."""
    rp = relying_party(base, work)
    discovery = rp.discovery
    assert discovery["backchannel_authentication_endpoint"] == rp.issuer + "/bc-authorize", discovery
    demo = [{"name": p["givenName"], "phone": p["phone"], "code": p["itsmeCode"], "nrn": "".join(c for c in p["nrn"] if c.isdigit())}
            for p in json.loads(Path(credentials).read_text())["people"] if p.get("phone")]
    saved = []
    for who in demo:
        device = Phone(Server(base), label="bench phone").pair(who["phone"], who["code"])
        saved.append(dict(who, device=device.device, key=_pem(device.key)))
    (Path(work) / "demo-phones.json").write_text(json.dumps(saved))
    claims = _flow(rp, phone(base, saved[0]), saved[0], "47")
    bench = json.loads(Path(bench_people).read_text())[int(bench_index)]
    bench_phone = Phone(Server(base), label="bench phone").pair(bench["phone"], bench["code"])
    bench_claims = _flow(rp, bench_phone, bench, "52")
    print(f"{len(saved)} demo phones paired; {saved[0]['name']} logged in end to end (ID token acr {claims['acr']}, egovNRN, userinfo);"
          f" bench identity {bench['phone']} paired with its code and logged in the same way (given_name {bench_claims.get('given_name')})")


# --- the request bodies -----------------------------------------------------------------------------------------


def bodies(base, work, kind, out, *args):
    """Pre-made form bodies, one a line, each with its own signed client assertion (exp in 30 minutes).
    kind "authorize" PEOPLE FIRST COUNT PER_PHONE EXPIRY: bc-authorize for bench phones FIRST … FIRST+COUNT-1, each
      PER_PHONE times, phone after phone in each round (two requests at once are for different phones), a two-digit
      binding message (number matching), scope openid egovnrn;
    kind "refused" PEOPLE INDEX COUNT: COUNT bc-authorize for the one bench phone INDEX;
    kind "poll-each" IDS: the token endpoint once for each auth_req_id of the file IDS;
    kind "poll-one" ID COUNT: the token endpoint COUNT times for the one auth_req_id ID.
    Prints "bodies seconds"."""
    rp = relying_party(base, work)
    started = time.monotonic()

    def authorize(phone_number: str, number: int, expiry: int) -> str:
        return urlencode([("scope", "openid egovnrn"), ("login_hint", phone_number), ("binding_message", f"{number:02d}"),
                          ("requested_expiry", str(expiry)), *rp.authentication(rp.assertion(exp_in=1800))])

    def poll(auth_req_id: str) -> str:
        return urlencode([("grant_type", "urn:openid:params:grant-type:ciba"), ("auth_req_id", auth_req_id),
                          *rp.authentication(rp.assertion(exp_in=1800))])

    lines = []
    if kind == "authorize":
        people, first, count, per_phone, expiry = args[0], int(args[1]), int(args[2]), int(args[3]), int(args[4])
        phones = [p["phone"] for p in json.loads(Path(people).read_text())[first:first + count]]
        assert len(phones) == count, f"only {len(phones)} bench phones from {first}"
        lines = [authorize(p, 10 + (i * 7 + r) % 90, expiry) for r in range(per_phone) for i, p in enumerate(phones)]
    elif kind == "refused":
        people, index, count = args[0], int(args[1]), int(args[2])
        phone_number = json.loads(Path(people).read_text())[index]["phone"]
        lines = [authorize(phone_number, 10 + i % 90, 120) for i in range(count)]
    elif kind == "poll-each":
        lines = [poll(line) for line in Path(args[0]).read_text().split()]
    elif kind == "poll-one":
        lines = [poll(args[0]) for _ in range(int(args[1]))]
    else:
        raise SystemExit(f"unknown kind {kind}")
    Path(out).write_text("\n".join(lines) + "\n")
    print(len(lines), round(time.monotonic() - started, 1))


def open_requests(base, work, people, index, count, expiry, out):
    """`count` bc-authorize for bench phone `index` that must succeed (requested_expiry `expiry`); their auth_req_ids
    to `out`, one a line."""
    rp = relying_party(base, work)
    phone_number = json.loads(Path(people).read_text())[int(index)]["phone"]
    ids = [rp.started(phone_number, binding_message=f"{30 + n:02d}", requested_expiry=int(expiry))["auth_req_id"] for n in range(int(count))]
    Path(out).write_text("\n".join(ids) + "\n")
    print(phone_number)


def refused_once(base, work, people, index):
    """The push-bombing limit reached: one more bc-authorize for bench phone `index` must be 403 access_denied."""
    rp = relying_party(base, work)
    phone_number = json.loads(Path(people).read_text())[int(index)]["phone"]
    response = rp.bc_authorize(phone_number, binding_message="99")
    assert response.status_code == 403 and response.json().get("error") == "access_denied", response.text
    print(response.json()["error_description"])


# --- the load generator -----------------------------------------------------------------------------------------


def _percentile(values, fraction):
    """Nearest rank."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-int(fraction * 1000) * len(ordered) // 1000) - 1))]


def fire(url, body_file, threads, seconds, out, ids_out="-"):
    """POSTs the bodies of `body_file` (form-urlencoded) to `url` with `threads` threads, one keep-alive connection
    each, for at most `seconds` s or until the bodies are used up. Writes a JSON summary to `out` (answers by status
    and OAuth error, latencies, the rate, the generator's CPU time) and, if `ids_out` is not "-", the auth_req_id of
    every 200 answer to it."""
    threads, seconds = int(threads), float(seconds)
    lines = [line.encode() for line in Path(body_file).read_text().split("\n") if line]
    target = urlsplit(url)
    next_index = itertools.count()
    lock = threading.Lock()
    answers, latencies, ids, ends = {}, [], [], []
    start_gate = threading.Barrier(threads + 1)

    def worker():
        connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
        mine, my_latencies, my_ids, last = {}, [], [], 0.0
        start_gate.wait()
        while True:
            index = next(next_index)
            if index >= len(lines) or time.monotonic() >= deadline:
                break
            sent = time.monotonic()
            try:
                connection.request("POST", target.path, body=lines[index],
                                   headers={"Content-Type": "application/x-www-form-urlencoded"})
                response = connection.getresponse()
                data = response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
                key = f"socket error {type(error).__name__}"
                mine[key] = mine.get(key, 0) + 1
                continue
            last = time.monotonic()
            my_latencies.append(last - sent)
            try:
                payload = json.loads(data)
            except ValueError:
                payload = {}
            key = f"{status} {payload.get('error', '')}".strip() if status != 200 else "200"
            mine[key] = mine.get(key, 0) + 1
            if status == 200 and "auth_req_id" in payload:
                my_ids.append(payload["auth_req_id"])
        connection.close()
        with lock:
            for key, n in mine.items():
                answers[key] = answers.get(key, 0) + n
            latencies.extend(my_latencies)
            ids.extend(my_ids)
            ends.append(last)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    usage_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.monotonic()
    deadline = started + seconds
    start_gate.wait()
    for thread in workers:
        thread.join()
    usage_after = resource.getrusage(resource.RUSAGE_SELF)
    elapsed = max(ends + [started]) - started
    done = len(latencies)
    client_cpu = (usage_after.ru_utime + usage_after.ru_stime) - (usage_before.ru_utime + usage_before.ru_stime)
    summary = {"answers": dict(sorted(answers.items(), key=lambda kv: -kv[1])), "requests": done, "seconds": round(elapsed, 2),
               "rate": round(done / elapsed, 1) if elapsed else 0, "bodies": len(lines),
               "used_up": next(next_index) > len(lines),
               "p50_ms": round(_percentile(latencies, 0.50) * 1000, 1), "p99_ms": round(_percentile(latencies, 0.99) * 1000, 1),
               "client_cpu_ms_per_request": round(client_cpu * 1000 / done, 2) if done else None, "threads": threads}
    Path(out).write_text(json.dumps(summary))
    if ids_out != "-":
        Path(ids_out).write_text("\n".join(ids) + "\n")


def row(name, summary_file, cpu_ticks, ticks_per_s, rss_mb):
    """One Markdown row of the load table from a `fire` summary and the server's CPU ticks over the run."""
    s = json.loads(Path(summary_file).read_text())
    answers = ", ".join(f"{k}: {v}" for k, v in s["answers"].items())
    server_cpu = int(cpu_ticks) * 1000 / int(ticks_per_s) / s["requests"] if s["requests"] else float("nan")
    print(f"| {name} | {s['requests']} in {s['seconds']} s | {s['rate']} | {s['p50_ms']} / {s['p99_ms']} ms | {answers} | "
          f"{server_cpu:.2f} | {s['client_cpu_ms_per_request']} | {rss_mb} MB |")


def field(json_file, name):
    value = json.loads(Path(json_file).read_text()).get(name)
    print(json.dumps(value) if isinstance(value, (dict, list)) else ("" if value is None else value))


# --- confirm → tokens -------------------------------------------------------------------------------------------


def latency(base, work, mode, rounds, out):
    """`rounds` logins of the demo people in turn (a confirmed request does not count toward the push-bombing limit),
    each: bc-authorize (two-digit binding message), the phone sees the request (asking for its state every 0.2 s, as a
    stand-in for the event stream), then waits a random moment (seeded) before it taps the number and sends the
    code: 0 … 5 s in mode "interval" (a person answers at any moment of the relying party's polling interval), 0 … 1 s
    in mode "fast". The relying party polls the token endpoint from the moment bc-authorize answers: mode "interval"
    waits the advertised interval after each answer (and 5 s more after a slow_down, as CIBA §11 asks); mode "fast"
    polls every 0.2 s and ignores slow_down. Measured per round: from the phone's answer POST returning
    {"result":"confirmed"} to the token endpoint's 200 reaching the relying party; the answer POST itself; the
    token call that answered 200 (the server's own part: the request collected, the ID token signed). Writes a JSON
    summary to `out`."""
    rp = relying_party(base, work)
    people = json.loads((Path(work) / "demo-phones.json").read_text())
    randomness = random.Random(4715)
    waits, confirms, polls, slow_downs, id_tokens, token_calls = [], [], [], [], [], []
    for n in range(int(rounds)):
        who = people[n % len(people)]
        device = phone(base, who)
        number = f"{randomness.randrange(10, 100):02d}"
        delay = randomness.uniform(0, 5 if mode == "interval" else 1)
        started = rp.started(who["phone"], binding_message=number, scope="openid egovnrn", requested_expiry=120)
        interval = started["interval"]
        confirmed = {}

        def on_the_phone():
            waiting = device.waiting(CLIENT_NAME, timeout=10)
            assert number in waiting.get("choices", []), waiting
            time.sleep(delay)
            asked = time.monotonic()
            answer = device.answer(waiting["id"], approve=True, choice=number, code=who["code"])
            confirmed["at"] = time.monotonic()
            confirmed["took"] = confirmed["at"] - asked
            confirmed["answer"] = (answer.status_code, answer.text)

        person = threading.Thread(target=on_the_phone)
        person.start()
        count, slowed, tokens_at, wait = 0, 0, None, interval
        deadline = time.monotonic() + 60
        while tokens_at is None and time.monotonic() < deadline:
            time.sleep(wait if mode == "interval" else 0.2)
            assertion = rp.assertion()
            asked = time.monotonic()
            response = rp.token(started["auth_req_id"], assertion=assertion)
            count += 1
            if response.status_code == 200:
                tokens_at = time.monotonic()
                token_calls.append(tokens_at - asked)
                id_tokens.append(response.json()["id_token"])
                break
            error = response.json().get("error")
            assert error in ("authorization_pending", "slow_down"), response.text
            if error == "slow_down":
                slowed += 1
                if mode == "interval":
                    wait += 5
        person.join()
        assert confirmed.get("answer", (0,))[0] == 200 and '"confirmed"' in confirmed["answer"][1], confirmed
        assert tokens_at is not None, f"round {n}: no tokens within 60 s"
        waits.append(tokens_at - confirmed["at"])
        confirms.append(confirmed["took"])
        polls.append(count)
        slow_downs.append(slowed)
    for token in id_tokens[:3]:  # a sample, so that the keys are fetched a few times only
        rp.id_token_claims(token)
    summary = {"mode": mode, "rounds": len(waits), "median_s": round(statistics.median(waits), 3),
               "p99_s": round(_percentile(waits, 0.99), 3), "min_s": round(min(waits), 3), "max_s": round(max(waits), 3),
               "polls_per_round": round(statistics.mean(polls), 1), "slow_down": sum(slow_downs),
               "confirm_median_ms": round(statistics.median(confirms) * 1000), "confirm_p99_ms": round(_percentile(confirms, 0.99) * 1000),
               "token_median_ms": round(statistics.median(token_calls) * 1000), "token_p99_ms": round(_percentile(token_calls, 0.99) * 1000),
               "interval": interval}
    Path(out).write_text(json.dumps(summary))


if __name__ == "__main__":
    commands = {"register": register, "enrol": enrol, "check": check, "bodies": bodies, "open": open_requests,
                "refused-once": refused_once, "fire": fire, "row": row, "field": field, "latency": latency}
    commands[sys.argv[1]](*sys.argv[2:])
