#!/usr/bin/env bash
# eBox benchmarks (issue 17). Release build, SQLite, server and load generator on this same 2-core machine.
#   publish  wrk POSTs multipart messages (metadata + a ~2 KB PDF, a unique messageId each) to
#            /ebox/api/v1/messages for the demo person Sophie, with the demo sender's bearer token (client
#            credentials, fetched once with curl before the run)
#   mailbox  10,000 documents are published to the demo person Pieter first, then wrk GETs /ebox with his
#            session cookie (one token-card login, driven with Python requests)
# For each: requests/s, latency p50/p99, non-2xx answers, the server's CPU time per request (utime + stime from
# /proc/PID/stat before and after), its RSS after, and the documents stored (rows of ebox_documents).
#   uploads  8 clients (curl) publish at once, each with a 10 MiB attachment; the server's RSS is sampled every
#            0.1 s (the upload is streamed: RSS must not grow by 8 × 10 MiB)
# Usage: bench/ebox_publish.sh [publish|mailbox|uploads|all]   (default all; prints Markdown for BENCHMARKS.md)
# PERSOPOINT_BENCH_BINARY=/path/to/persopoint measures that binary instead of building the release one;
# PERSOPOINT_BENCH_DURATION (default 30s) is the length of each wrk run, PERSOPOINT_BENCH_PORT (default 18091)
# the server's port, PERSOPOINT_BENCH_MAILBOX_DOCUMENTS (default 10000) the documents published before "mailbox".
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
case "$mode" in publish | mailbox | uploads | all) ;; *) echo "usage: $0 [publish|mailbox|uploads|all]" >&2; exit 2 ;; esac
source scripts/setup.sh
setup_system_packages >/dev/null
setup_python_venv >/dev/null
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
command -v sqlite3 >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3; }
# PERSOPOINT_BENCH_BINARY: measure another build (an older commit's, for a before/after on the same day).
binary=${PERSOPOINT_BENCH_BINARY:-.build/release/persopoint}
[ -n "${PERSOPOINT_BENCH_BINARY:-}" ] || swift build -c release --product persopoint >/dev/null 2>&1
duration=${PERSOPOINT_BENCH_DURATION:-30s}
port=${PERSOPOINT_BENCH_PORT:-18091}
mailbox_documents=${PERSOPOINT_BENCH_MAILBOX_DOCUMENTS:-10000}
base="http://127.0.0.1:$port"
work="$(mktemp -d -t persopoint-ebox-bench.XXXXXX)"
"$binary" serve --dev --port "$port" --eid-port 0 --data-dir "$work/data" --public-url "$base" --log-level warning \
    </dev/null >"$work/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 0.1; done
curl -sf -o /dev/null "$base/health/ready" || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
database="$work/data/persopoint.sqlite"
ticks_per_s=$(getconf CLK_TCK)

# The helper: the PDF, a bulk publisher (for "mailbox") and the token-card login that yields a session cookie.
cat > "$work/helper.py" <<'PY'
import base64, concurrent.futures, hashlib, json, re, sys, threading, time
from html.parser import HTMLParser
from urllib.parse import urljoin

import requests

def pdf(path):
    """A valid one-page PDF of about 2 KB (a comment pads it); prints its SHA-256, base64url without padding."""
    stream = b"BT /F1 18 Tf 72 720 Td (Fiche de paie - benchmark) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n" + b"".join(b"% padding " + b"x" * 60 + b"\n" for _ in range(24)))
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)
    print(base64.urlsafe_b64encode(hashlib.sha256(out).digest()).rstrip(b"=").decode())

def person(credentials_file, given_name, field):
    with open(credentials_file) as f:
        people = json.load(f)["people"]
    value = next(p for p in people if p["givenName"] == given_name)[field]
    print(re.sub(r"\D", "", value) if field == "nrn" else value)

def sender(credentials_file):
    with open(credentials_file) as f:
        first = json.load(f)["senders"][0]
    print(first["clientID"], first["clientSecret"])

def bulk(base, token_endpoint, client_id, secret, token, recipient, pdf_path, digest, count, tag):
    """Publishes count messages to recipient, 8 at a time; prints "created replayed other seconds"."""
    with open(pdf_path, "rb") as f:
        document = f.read()
    boundary = "persopoint-bench-bulk"
    lock, state, local = threading.Lock(), {"token": token}, threading.local()
    def new_token(old):
        with lock:
            if state["token"] == old:
                answer = requests.post(token_endpoint, auth=(client_id, secret), timeout=30,
                                       data={"grant_type": "client_credentials", "scope": "ebox:publish"})
                answer.raise_for_status()
                state["token"] = answer.json()["access_token"]
            return state["token"]
    def one(n):
        session = getattr(local, "session", None) or requests.Session()
        local.session = session
        metadata = json.dumps({"recipient": recipient, "messageId": f"bench-{tag}-{n}", "type": "payslip", "language": "fr",
                               "subject": f"Fiche de paie {n}", "registered": False, "digests": {"main": digest}})
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json\r\n\r\n"
                f"{metadata}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"main\"; filename=\"payslip.pdf\"\r\n"
                f"Content-Type: application/pdf\r\n\r\n").encode() + document + f"\r\n--{boundary}--\r\n".encode()
        for _ in range(2):
            current = state["token"]
            answer = session.post(f"{base}/ebox/api/v1/messages", data=body, timeout=60, headers={
                "Authorization": f"Bearer {current}", "Content-Type": f"multipart/form-data; boundary={boundary}"})
            if answer.status_code != 401:
                return answer.status_code
            new_token(current)
        return answer.status_code
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(one, range(int(count))))
    print(statuses.count(201), statuses.count(200), len(statuses) - statuses.count(201) - statuses.count(200),
          round(time.monotonic() - started, 1))

class Page(HTMLParser):
    """The forms (action, inputs), the links and the texts of the elements with an id."""
    def __init__(self, text):
        super().__init__()
        self.forms, self.links, self.texts, self.form, self.open_ids = {}, {}, {}, None, []
        self.feed(text)
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = self.forms.setdefault(attrs.get("id") or f"form-{len(self.forms)}",
                                              {"action": attrs.get("action") or "", "inputs": {}})
        elif tag == "input" and self.form is not None and attrs.get("name"):
            if attrs.get("type", "text") not in ("submit", "button", "checkbox", "radio"):
                self.form["inputs"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "a" and attrs.get("id"):
            self.links[attrs["id"]] = attrs.get("href")
        if attrs.get("id"):
            self.texts[attrs["id"]] = ""
            self.open_ids.append((tag, attrs["id"]))
    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        if self.open_ids and self.open_ids[-1][0] == tag:
            self.open_ids.pop()
    def handle_data(self, data):
        for _, element in self.open_ids:
            self.texts[element] += data

def login(base, credentials_file, given_name):
    """One token-card login to the eBox (Level300) with requests; prints the Cookie header for GET /ebox."""
    with open(credentials_file) as f:
        who = next(p for p in json.load(f)["people"] if p["givenName"] == given_name)
    session = requests.Session()
    chooser = session.get(f"{base}/ebox", timeout=30)
    assert "/fas/login" in chooser.url, f"GET /ebox did not lead to the gateway's key chooser: {chooser.url}"
    page = session.get(urljoin(chooser.url, Page(chooser.text).links["key-token"]), timeout=30)
    form = Page(page.text).forms["password-form"]
    fields = dict(form["inputs"], username=who["username"], password=who["password"])
    page = session.post(urljoin(page.url, form["action"] or page.url), data=fields, timeout=30)
    parsed = Page(page.text)
    position = int(parsed.texts["token-position"].strip())
    form = parsed.forms["code-form"]
    fields = dict(form["inputs"], code=who["tokenCard"][position - 1])
    done = session.post(urljoin(page.url, form["action"] or page.url), data=fields, timeout=60)
    assert done.status_code == 200 and re.search(r"/ebox/?(\?.*)?$", done.url), f"login ended at {done.status_code} {done.url}"
    prepared = requests.Request("GET", f"{base}/ebox").prepare()
    print(requests.cookies.get_cookie_header(session.cookies, prepared))

if __name__ == "__main__":
    {"pdf": pdf, "person": person, "sender": sender, "bulk": bulk, "login": login}[sys.argv[1]](*sys.argv[2:])
PY
py=.venv/bin/python
[ -x "$py" ] || py=python3

"$binary" demo credentials --json --data-dir "$work/data" --public-url "$base" >"$work/credentials.json" 2>/dev/null
read -r client_id client_secret < <("$py" "$work/helper.py" sender "$work/credentials.json")
digest=$("$py" "$work/helper.py" pdf "$work/payslip.pdf")
token_endpoint=$(curl -sf "$base/fas/oauth2/.well-known/openid-configuration" |
    "$py" -c 'import json, sys; print(json.load(sys.stdin)["token_endpoint"])')
access_token() {
    curl -sf -u "$client_id:$client_secret" -d grant_type=client_credentials -d scope=ebox:publish "$token_endpoint" |
        "$py" -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}

cpu_ticks() { # utime + stime of the server, in clock ticks (fields 14 and 15 of /proc/PID/stat)
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"
}
documents() { sqlite3 "$database" "SELECT count(*) FROM ebox_documents"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status"; }

# measure NAME WRK-ARGUMENTS...: one wrk run (2 threads and 16 connections, or $connections), then one Markdown table row.
measure() {
    local name=$1; shift
    local before after out requests
    before=$(cpu_ticks)
    local c=${connections:-16}
    out=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"$duration" --latency "$@")
    after=$(cpu_ticks)
    echo "$out" >>"$work/wrk.out"
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '| %s | %s | %s / %s | %s | %s | %s MB |\n' "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "$(awk '/Non-2xx/ {print $4}' <<<"$out" | grep . || echo 0)" \
        "$(awk -v d=$((after - before)) -v n="$requests" -v hz="$ticks_per_s" 'BEGIN {printf "%.2f", n ? d * 1000 / hz / n : 0}')" \
        "$(rss_mb)"
    grep '^publish-statuses' <<<"$out" >"$work/statuses" || true
}

echo "| endpoint | req/s | p50 / p99 | non-2xx | server CPU ms / request | RSS after |"
echo "|---|---|---|---|---|---|"
notes=()

if [ "$mode" = "publish" ] || [ "$mode" = "all" ]; then
    sophie=$("$py" "$work/helper.py" person "$work/credentials.json" Sophie nrn)
    stored_before=$(documents)
    measure "publish (multipart, 2 KB PDF, -d$duration)" -s bench/ebox_publish.lua "$base/ebox/api/v1/messages" -- \
        "$(access_token)" "$sophie" "$work/payslip.pdf" "$digest" "run$(date +%s)"
    notes+=("publish: $(cat "$work/statuses"); documents stored: $stored_before before, $(documents) after (ebox_documents)")
fi

if [ "$mode" = "mailbox" ] || [ "$mode" = "all" ]; then
    pieter=$("$py" "$work/helper.py" person "$work/credentials.json" Pieter nrn)
    read -r created replayed other seconds < <("$py" "$work/helper.py" bulk "$base" "$token_endpoint" "$client_id" \
        "$client_secret" "$(access_token)" "$pieter" "$work/payslip.pdf" "$digest" "$mailbox_documents" "mailbox$(date +%s)")
    notes+=("mailbox: $created documents published to Pieter beforehand in $seconds s by 8 Python threads (other answers: $((replayed + other))); documents stored in all: $(documents)")
    cookie=$("$py" "$work/helper.py" login "$base" "$work/credentials.json" Pieter)
    status=$(curl -s -o "$work/mailbox.html" -w '%{http_code}' -H "Cookie: $cookie" "$base/ebox")
    shown=$(grep -o 'document-link' "$work/mailbox.html" | wc -l)
    [ "$status" = "200" ] && grep -q 'id="mailbox"' "$work/mailbox.html" ||
        { echo "GET /ebox with Pieter's cookie answered $status without #mailbox; not measuring it" >&2; exit 1; }
    notes+=("mailbox page: $(wc -c <"$work/mailbox.html") bytes, $shown document links shown")
    measure "mailbox GET /ebox (~$mailbox_documents documents, 16 connections, -d$duration)" -H "Cookie: $cookie" "$base/ebox"
    connections=1 measure "mailbox GET /ebox (~$mailbox_documents documents, 1 connection, -d$duration)" -H "Cookie: $cookie" "$base/ebox"
fi

if [ "$mode" = "uploads" ] || [ "$mode" = "all" ]; then
    sophie=$("$py" "$work/helper.py" person "$work/credentials.json" Sophie nrn)
    "$py" -c 'import base64, os, sys; open(sys.argv[1], "wb").write(base64.encodebytes(os.urandom(8 * 1024 * 1024))[:10 * 1024 * 1024])' "$work/big.txt"
    big_digest=$("$py" -c 'import base64, hashlib, sys; print(base64.urlsafe_b64encode(hashlib.sha256(open(sys.argv[1], "rb").read()).digest()).rstrip(b"=").decode())' "$work/big.txt")
    token=$(access_token)
    rss_before=$(rss_mb)
    peak=$rss_before
    started=$(date +%s.%N)
    uploaders=()
    for client in 1 2 3 4 5 6 7 8; do
        printf '{"recipient":"%s","messageId":"big-%s-%s","type":"payslip","language":"fr","subject":"Bulky","digests":{"main":"%s","annex":"%s"}}' \
            "$sophie" "$client" "$(date +%s%N)" "$digest" "$big_digest" >"$work/meta-$client.json"
        curl -s -o "$work/upload-$client.json" -w '%{http_code}\n' -H "Authorization: Bearer $token" \
            -F "metadata=<$work/meta-$client.json;type=application/json" -F "main=@$work/payslip.pdf;type=application/pdf" \
            -F "annex=@$work/big.txt;type=text/plain" "$base/ebox/api/v1/messages" >"$work/upload-$client.status" &
        uploaders+=($!)
    done
    # While any uploader runs (the server is a background job too, so `jobs` cannot tell).
    any_alive() { local u; for u in "$@"; do kill -0 "$u" 2>/dev/null && return 0; done; return 1; }
    while any_alive "${uploaders[@]}"; do
        now=$(rss_mb); [ "$now" -gt "$peak" ] && peak=$now
        sleep 0.1
    done
    for u in "${uploaders[@]}"; do wait "$u" || true; done
    elapsed=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
    notes+=("uploads: 8 clients × 10 MiB at once in $elapsed s, answers $(cat "$work"/upload-*.status | sort | uniq -c | tr -s ' ' | tr '\n' ' '); server RSS $rss_before MB before, peak $peak MB during, $(rss_mb) MB after")
fi

echo
for note in "${notes[@]}"; do echo "- $note"; done
echo "- server RSS after the runs: $(rss_mb) MB"
