#!/usr/bin/env bash
# PersoContact benchmarks (issue 18). Release build, SQLite, server and load generator on this same 2-core machine.
#   queue   PERSOPOINT_BENCH_CASES cases (default 100,000) are written into desk "bosa" with Python's sqlite3 while the
#           server is stopped (70 % closed; the open ones new, in progress, waiting or answered, a third of them
#           Marc's, some overdue; four topics; French and Dutch subjects and questions from a small vocabulary, so
#           "prime" is common and each "zephyr…" word is in one case only; one message, one event and one row of the
#           full-text index per case). Then wrk GETs the handler's queue with Marc Lambert's session cookie (one
#           token-card login, driven with Python requests): the open view, "mine", page 40 of the open view, a topic,
#           and searches for a common word, a rare word and two words; each at 1 connection (the target: p99 under
#           50 ms) and at 16.
#   submit  wrk POSTs Sophie Dubois's question (multipart: the form's fields and a 1 MiB PDF) to
#           /contact/ask/pay/send with her session cookie, the employer cookie and her form token, at 4 connections;
#           every answer should be a 303 to the new case (wrk counts those as non-2xx: they are reported as "303
#           answers"), and the cases created (rows of contact_cases) should equal the requests.
# For each: requests/s, latency p50/p99, non-2xx answers, the server's CPU time per request (utime + stime from
# /proc/PID/stat before and after) and its RSS after. Then the query plans of the queue's SQL (EXPLAIN QUERY PLAN).
# Usage: bench/contact.sh [queue|submit|all]   (default all; prints Markdown for BENCHMARKS.md)
# PERSOPOINT_BENCH_BINARY=/path/to/persopoint measures that binary instead of building the release one;
# PERSOPOINT_BENCH_DURATION (default 20s) is the length of each wrk run, PERSOPOINT_BENCH_PORT (default 18092) the
# server's port, PERSOPOINT_BENCH_CASES (default 100000) the cases written before "queue".
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
case "$mode" in queue | submit | all) ;; *) echo "usage: $0 [queue|submit|all]" >&2; exit 2 ;; esac
source scripts/setup.sh
setup_system_packages >/dev/null
setup_python_venv >/dev/null
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
command -v sqlite3 >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3; }
# PERSOPOINT_BENCH_BINARY: measure another build (an older commit's, for a before/after on the same day).
binary=${PERSOPOINT_BENCH_BINARY:-.build/release/persopoint}
[ -n "${PERSOPOINT_BENCH_BINARY:-}" ] || swift build -c release --product persopoint >/dev/null 2>&1
duration=${PERSOPOINT_BENCH_DURATION:-20s}
port=${PERSOPOINT_BENCH_PORT:-18092}
cases=${PERSOPOINT_BENCH_CASES:-100000}
base="http://127.0.0.1:$port"
work="$(mktemp -d -t persopoint-contact-bench.XXXXXX)"
database="$work/data/persopoint.sqlite"
pid=
start_server() {
    "$binary" serve --dev --port "$port" --eid-port 0 --data-dir "$work/data" --public-url "$base" --log-level warning \
        </dev/null >>"$work/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 0.1; done
    curl -sf -o /dev/null "$base/health/ready" || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
}
stop_server() {
    [ -n "$pid" ] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
}
trap 'stop_server; rm -rf "$work"' EXIT
start_server
ticks_per_s=$(getconf CLK_TCK)

# The helper: the seeding of the desk, the PDF, and the token-card login that yields a session cookie.
cat > "$work/helper.py" <<'PY'
import json, random, re, sqlite3, sys, time, unicodedata, uuid
from html.parser import HTMLParser
from urllib.parse import urljoin

import requests

def person(credentials_file, given_name, field):
    with open(credentials_file) as f:
        people = json.load(f)["people"]
    value = next(p for p in people if p["givenName"] == given_name)[field]
    print(re.sub(r"\D", "", value) if field == "nrn" else value)

# What people ask, by topic and language: a few subjects and sentences each, so that some words are everywhere.
MONTHS = {"fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"],
          "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                 "november", "december"]}
SUBJECTS = {
    ("pay", "fr"): ["Prime de fin d’année", "Retenue sur mon salaire", "Pécule de vacances", "Fiche de paie de {month}",
                    "Allocation de foyer", "Indemnité de télétravail", "Prime de bilinguisme"],
    ("pay", "nl"): ["Eindejaarspremie", "Inhouding op mijn wedde", "Vakantiegeld", "Loonfiche van {month}",
                    "Haardtoelage", "Thuiswerkvergoeding", "Tweetaligheidspremie"],
    ("pecuniary_career", "fr"): ["Ancienneté pécuniaire", "Valorisation de l’expérience", "Échelle barémique",
                                 "Reprise d’ancienneté"],
    ("pecuniary_career", "nl"): ["Anciënniteit na overplaatsing", "Geldelijke anciënniteit", "Weddeschaal",
                                 "Valorisatie van ervaring"],
    ("personal_data", "fr"): ["Changement d’adresse", "Nouveau compte bancaire", "Situation familiale", "Erreur dans mon nom"],
    ("personal_data", "nl"): ["Adreswijziging", "Nieuw bankrekeningnummer", "Gezinssituatie", "Fout in mijn naam"],
    ("absences", "fr"): ["Congé parental", "Jours de maladie", "Congé de circonstance", "Solde de congés"],
    ("absences", "nl"): ["Ouderschapsverlof", "Ziektedagen", "Omstandigheidsverlof", "Saldo verlofdagen"],
}
SENTENCES = {
    ("pay", "fr"): ["Ma prime de fin d’année semble plus basse que l’an dernier.",
                    "Pourriez-vous vérifier le calcul de mon salaire de {month} ?",
                    "Une retenue que je ne comprends pas figure sur ma fiche de paie.",
                    "La prime de bilinguisme n’a pas été versée ce mois-ci.",
                    "Mon pécule de vacances a-t-il été calculé sur mon temps partiel ?",
                    "L’indemnité de télétravail manque depuis {month}."],
    ("pay", "nl"): ["Mijn eindejaarspremie lijkt lager dan vorig jaar.",
                    "Kunt u de berekening van mijn wedde van {month} nakijken?",
                    "Op mijn loonfiche staat een inhouding die ik niet begrijp.",
                    "De tweetaligheidspremie werd deze maand niet uitbetaald.",
                    "Werd mijn vakantiegeld berekend op mijn deeltijdse prestaties?",
                    "De thuiswerkvergoeding ontbreekt sinds {month}."],
    ("pecuniary_career", "fr"): ["Mon ancienneté dans mon ancien service est-elle prise en compte ?",
                                 "J’ai travaillé six ans dans le privé avant d’entrer dans la fonction publique.",
                                 "Mon échelle barémique n’a pas changé après ma promotion.",
                                 "Pouvez-vous me dire quand j’atteindrai l’échelon suivant ?"],
    ("pecuniary_career", "nl"): ["Wordt mijn anciënniteit uit mijn vorige dienst meegeteld voor mijn weddeschaal?",
                                 "Ik heb zes jaar in de privésector gewerkt voor ik bij de overheid begon.",
                                 "Mijn weddeschaal is niet aangepast na mijn bevordering.",
                                 "Wanneer bereik ik de volgende trap in mijn loopbaan?"],
    ("personal_data", "fr"): ["J’ai déménagé le premier {month}. Mon adresse est-elle à jour dans mon dossier ?",
                              "Mon salaire doit être versé sur mon nouveau compte bancaire.",
                              "Nous avons eu un enfant en {month} : que dois-je vous envoyer ?",
                              "Mon nom est mal orthographié sur mes documents."],
    ("personal_data", "nl"): ["Ik ben op één {month} verhuisd. Is mijn adres in mijn dossier aangepast?",
                              "Mijn wedde moet op mijn nieuwe bankrekening gestort worden.",
                              "We hebben in {month} een kind gekregen: wat moet ik u bezorgen?",
                              "Mijn naam is verkeerd gespeld op mijn documenten."],
    ("absences", "fr"): ["Combien de jours de congé me reste-t-il pour cette année ?",
                         "J’ai été malade trois jours en {month} : mon certificat est-il bien arrivé ?",
                         "Je voudrais prendre un congé parental à mi-temps à partir de {month}.",
                         "Le congé de circonstance pour mon mariage n’apparaît pas dans mon solde."],
    ("absences", "nl"): ["Hoeveel verlofdagen heb ik dit jaar nog?",
                         "Ik was in {month} drie dagen ziek: is mijn attest goed aangekomen?",
                         "Ik wil vanaf {month} halftijds ouderschapsverlof nemen.",
                         "Het omstandigheidsverlof voor mijn huwelijk staat niet in mijn saldo."],
}
GREETING = {"fr": ["Bonjour,", "Madame, Monsieur,", "Bonjour à l’équipe RH,"], "nl": ["Goedendag,", "Geachte,", "Hallo,"]}
CLOSING = {"fr": ["Merci d’avance.", "Bien à vous.", "Cordialement."], "nl": ["Alvast bedankt.", "Met vriendelijke groeten.", "Groeten."]}
GIVEN = ["Sophie", "Pieter", "Lena", "Nadia", "Jan", "Anne", "Luc", "Els", "Karim", "Marie", "Tom", "Julie", "Wim",
         "Sarah", "Koen", "Inès", "Bart", "Claire", "Youssef", "Hanne"]
SURNAMES = ["Dubois", "Janssens", "Peeters", "Maes", "Jacobs", "Lambert", "Dupont", "Claes", "Goossens", "Wouters",
            "Martin", "De Smet", "Mertens", "Willems", "Lefèvre", "Benali", "Vermeulen", "Renard", "Simon", "Hermans"]

def fold(text):
    """As CaseSearch.index folds (diacritics and case): "Pécule" is indexed as "pecule"."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()

def nrn(rng):
    """A national register number with a valid check (born before 2000)."""
    first = "%02d%02d%02d%03d" % (rng.randint(50, 99), rng.randint(1, 12), rng.randint(1, 28), rng.randint(1, 997))
    return first + "%02d" % (97 - int(first) % 97)

def rare_word(n):
    """One word of its own per 1,000 cases: "zephyr" and two letters, all the same length (a prefix of no other)."""
    return "zephyr" + chr(97 + n // 26 % 26) + chr(97 + n % 26)

def seed(database, count, marc_nrn, marc_name):
    """Writes count cases to desk "bosa" (the server stopped), in transactions of 20,000; prints the seconds taken."""
    started = time.monotonic()
    rng = random.Random(18)
    now = time.time()
    day = 86400.0
    people = [(nrn(rng), f"{g} {s}", f"{fold(g)}.{fold(s).replace(' ', '')}@example.be") for g in GIVEN for s in SURNAMES]
    others = [(nrn(rng), name) for name in ("Anne Lefèvre", "Jan De Smet", "Nadia Benali")]
    topics = ["pay"] * 4 + ["pecuniary_career"] * 2 + ["personal_data"] * 2 + ["absences"] * 2
    connection = sqlite3.connect(database)
    references = {row[0] for row in connection.execute("SELECT reference FROM contact_cases")}
    rows = []
    for n in range(int(count)):
        while True:  # 8 hexadecimal digits: among 100,000 cases two references may meet; draw again then
            identifier = str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()
            reference = "PC-" + identifier.replace("-", "")[:8]
            if reference not in references:
                references.add(reference)
                break
        topic = rng.choice(topics)
        language = "fr" if rng.random() < 0.6 else "nl"
        requester_nrn, requester_name, email = rng.choice(people)
        closed = rng.random() < 0.7
        if closed:
            created = now - rng.uniform(20, 730) * day
            closed_at = created + rng.uniform(1, 30) * day
            updated = closed_at
            status = "closed"
            assignee = (marc_nrn, marc_name) if rng.random() < 1 / 3 else rng.choice(others)
        else:
            created = now - rng.uniform(0, 21) * day  # due 14 days after: a third of the open ones are overdue
            closed_at = None
            updated = created + rng.uniform(0, now - created)
            pick = rng.random()
            assignee = (marc_nrn, marc_name) if pick < 1 / 3 else rng.choice(others) if pick < 2 / 3 else (None, None)
            status = "new" if assignee[0] is None else rng.choice(["new", "in_progress", "in_progress", "waiting", "answered"])
        month_number = rng.randint(1, 12)
        month = MONTHS[language][month_number - 1]
        if topic == "pay":
            fields = {"month": "%d-%02d" % (2025 + rng.randint(0, 1), month_number)}
        elif topic == "pecuniary_career":
            fields = {"since": "%d-%02d-01" % (rng.randint(2005, 2025), month_number)}
        elif topic == "personal_data":
            fields = {"data": rng.choice(["address", "bank_account", "family", "other"])}
        else:
            fields = {"from": "2026-%02d-03" % month_number, "to": "2026-%02d-07" % month_number}
        subject = rng.choice(SUBJECTS[(topic, language)]).format(month=month)
        sentences = rng.sample(SENTENCES[(topic, language)], rng.randint(1, 3))
        if n % 1000 == 500:
            sentences.append(("Référence interne : " if language == "fr" else "Interne referentie: ") + rare_word(n // 1000))
        body = " ".join([rng.choice(GREETING[language])] + [s.format(month=month) for s in sentences] + [rng.choice(CLOSING[language])])
        fields_json = json.dumps(fields, separators=(",", ":"), ensure_ascii=False)
        rows.append((created, identifier, reference, topic, requester_nrn, requester_name,
                     email if rng.random() < 0.8 else None, language, subject, fields_json, status, assignee[0], assignee[1],
                     updated, created + 14 * day, closed_at, body, sorted(fields.values())))
    rows.sort()  # oldest first: the index's rowids grow with time, as they do when people ask
    for start in range(0, len(rows), 20000):
        batch = rows[start:start + 20000]
        with connection:
            connection.executemany(
                "INSERT INTO contact_cases (id, reference, desk, topic, requester_nrn, requester_name, requester_email, language,"
                " subject, fields_json, status, assignee_nrn, assignee_name, created_at, updated_at, due_at, closed_at,"
                " previous_case_id) VALUES (?, ?, 'bosa', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                [(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[0], r[13], r[14], r[15]) for r in batch])
            connection.executemany(
                "INSERT INTO contact_messages (id, case_id, author_kind, author_name, body, internal, created_at, ebox_document_id)"
                " VALUES (?, ?, 'employee', ?, ?, 0, ?, NULL)",
                [(str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper(), r[1], r[5], r[16], r[0]) for r in batch])
            connection.executemany(
                "INSERT INTO contact_events (id, case_id, at, actor, kind, detail) VALUES (?, ?, ?, ?, 'created', ?)",
                [(str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper(), r[1], r[0], r[5], r[3]) for r in batch])
            connection.executemany(
                "INSERT INTO contact_search (case_id, desk, body) VALUES (?, 'bosa', ?)",
                [(r[1], fold(" ".join([r[2], r[8], r[16]] + r[17]))) for r in batch])
    connection.close()
    print(round(time.monotonic() - started, 1))

def pdf(path, size):
    """A valid one-page PDF of exactly size bytes (comment lines pad it)."""
    stream = b"BT /F1 18 Tf 72 720 Td (Question - benchmark) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    def build(padding):
        out = bytearray(b"%PDF-1.4\n" + b"".join(b"% padding " + b"x" * 60 + b"\n" for _ in range(padding // 71)))
        out += b"%" + b"x" * max(0, padding % 71 - 2) + b"\n" if padding % 71 >= 2 else b""
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
        return out
    padding = 0
    for _ in range(4):  # startxref's digits grow with the padding: settle
        padding += int(size) - len(build(padding))
    out = build(padding)
    assert len(out) == int(size), len(out)
    with open(path, "wb") as f:
        f.write(out)

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

def login(base, credentials_file, given_name, start):
    """One token-card login (Level300) starting at a PersoContact page, with requests. For a handler prints the Cookie
    header; with start /contact/cases, the form token of the pay question then the Cookie header (with the employer
    cookie: BOSA) on one line."""
    with open(credentials_file) as f:
        who = next(p for p in json.load(f)["people"] if p["givenName"] == given_name)
    session = requests.Session()
    chooser = session.get(f"{base}{start}", timeout=30)
    assert "/fas/login" in chooser.url, f"GET {start} did not lead to the gateway's key chooser: {chooser.url}"
    page = session.get(urljoin(chooser.url, Page(chooser.text).links["key-token"]), timeout=30)
    form = Page(page.text).forms["password-form"]
    fields = dict(form["inputs"], username=who["username"], password=who["password"])
    page = session.post(urljoin(page.url, form["action"] or page.url), data=fields, timeout=30)
    parsed = Page(page.text)
    position = int(parsed.texts["token-position"].strip())
    form = parsed.forms["code-form"]
    fields = dict(form["inputs"], code=who["tokenCard"][position - 1])
    done = session.post(urljoin(page.url, form["action"] or page.url), data=fields, timeout=60)
    assert done.status_code == 200 and re.search(r"/contact(/|\?|$)", done.url), f"login ended at {done.status_code} {done.url}"
    if start.startswith("/contact/queue"):
        prepared = requests.Request("GET", f"{base}/contact/queue").prepare()
        print(requests.cookies.get_cookie_header(session.cookies, prepared))
        return
    session.cookies.set("persopoint_contact_employer", "bosa")
    ask = session.get(f"{base}/contact/ask/pay", timeout=30)
    assert ask.status_code == 200, f"GET /contact/ask/pay answered {ask.status_code} at {ask.url}"
    token = Page(ask.text).forms["question-form"]["inputs"]["_csrf"]
    prepared = requests.Request("POST", f"{base}/contact/ask/pay/send").prepare()
    print(token, requests.cookies.get_cookie_header(session.cookies, prepared))

if __name__ == "__main__":
    {"person": person, "seed": seed, "pdf": pdf, "login": login}[sys.argv[1]](*sys.argv[2:])
PY
# The submission, for wrk: the same multipart question again and again (each one opens a case).
cat > "$work/submit.lua" <<'LUA'
-- Arguments (after --): COOKIE-HEADER CSRF-TOKEN PDF-FILE. At the end it prints one line:
-- "submit-statuses asked=N other=N" (303 to /contact/cases/…?done=asked, anything else).
local threads = {}
function setup(thread) table.insert(threads, thread) end
local boundary = "persopoint-bench-7d1e4b28c5"
local headers, body
asked, other = 0, 0
function init(args)
  assert(#args >= 3, "arguments: COOKIE-HEADER CSRF-TOKEN PDF-FILE")
  local file = assert(io.open(args[3], "rb"))
  local pdf = file:read("*a")
  file:close()
  local function field(name, value)
    return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
  end
  body = field("_csrf", args[2]) .. field("subject", "Prime de fin d’année") .. field("month", "2026-10") ..
    field("body", "Bonjour, ma prime de fin d’année semble plus basse que l’an dernier. Ma fiche de paie est jointe.") ..
    "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"fiche-de-paie.pdf\"\r\n" ..
    "Content-Type: application/pdf\r\n\r\n" .. pdf .. "\r\n--" .. boundary .. "--\r\n"
  headers = { ["Cookie"] = args[1], ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }
end
function request() return wrk.format("POST", "/contact/ask/pay/send", headers, body) end
function response(status, headers, body)
  if status == 303 and string.find(headers["Location"] or headers["location"] or "", "done=asked", 1, true) then
    asked = asked + 1
  else
    other = other + 1
  end
end
function done(summary, latency, requests)
  local a, o = 0, 0
  for _, thread in ipairs(threads) do
    a = a + (thread:get("asked") or 0)
    o = o + (thread:get("other") or 0)
  end
  io.write(string.format("submit-statuses asked=%d other=%d\n", a, o))
end
LUA
py=.venv/bin/python
[ -x "$py" ] || py=python3

"$binary" demo credentials --json --data-dir "$work/data" --public-url "$base" >"$work/credentials.json" 2>/dev/null

cpu_ticks() { # utime + stime of the server, in clock ticks (fields 14 and 15 of /proc/PID/stat)
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"
}
case_count() { sqlite3 "$database" "SELECT count(*) FROM contact_cases"; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status"; }
in_ms() { # a wrk latency (850.00us, 12.34ms, 1.02s) in milliseconds
    awk -v t="$1" 'BEGIN { v = t + 0; if (t ~ /us$/) v /= 1000; else if (t ~ /ms$/) v += 0; else if (t ~ /m$/) v *= 60000; else if (t ~ /s$/) v *= 1000; print v }'
}

# Waits until the server is idle (under one clock tick of CPU in 0.2 s, at most 20 s): the requests a wrk run at 16
# connections leaves in flight would otherwise delay the first requests of the next run (a p99 of 640 ms instead of
# 18 ms for a 1-connection run after the slow searches).
settle() {
    local t0 t1
    for _ in $(seq 1 100); do
        t0=$(cpu_ticks); sleep 0.2; t1=$(cpu_ticks)
        [ $((t1 - t0)) -gt 1 ] || return 0
    done
}

# measure NAME WRK-ARGUMENTS...: one wrk run (2 threads and 16 connections, or $connections), then one Markdown table
# row. With a "submit-statuses" line in wrk's output, the non-2xx cell counts the answers other than the expected 303.
p99s=()
load_before=
measure() {
    local name=$1; shift
    local before after out requests non2xx statuses
    settle
    before=$(cpu_ticks)
    [ -n "$load_before" ] || load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    local c=${connections:-16}
    out=$(wrk -t"$(( c < 2 ? 1 : 2 ))" -c"$c" -d"$duration" --latency "$@")
    after=$(cpu_ticks)
    echo "$out" >>"$work/wrk.out"
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$out" | grep . || echo 0)
    statuses=$(grep '^submit-statuses' <<<"$out" || true)
    [ -z "$statuses" ] || non2xx="$(sed 's/.*other=//' <<<"$statuses") (303 answers: $(sed 's/.*asked=\([0-9]*\).*/\1/' <<<"$statuses"))"
    printf '| %s | %s | %s / %s | %s | %s | %s MB |\n' "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$non2xx" \
        "$(awk -v d=$((after - before)) -v n="$requests" -v hz="$ticks_per_s" 'BEGIN {printf "%.2f", n ? d * 1000 / hz / n : 0}')" \
        "$(rss_mb)"
    last_requests=$requests
    last_statuses=$statuses
    [ "$c" != 1 ] || p99s+=("$name: $(awk '$1 == "99%" {print $2}' <<<"$out")")
    [ "$c" != 1 ] || [ "$(awk -v ms="$(in_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")" 'BEGIN {print (ms < 50)}')" = 1 ] ||
        over_target+=("$name")
}
over_target=()
notes=()
echo "| endpoint | req/s | p50 / p99 | non-2xx | server CPU ms / request | RSS after |"
echo "|---|---|---|---|---|---|"

if [ "$mode" = "queue" ] || [ "$mode" = "all" ]; then
    marc=$("$py" "$work/helper.py" person "$work/credentials.json" Marc nrn)
    stop_server
    seconds=$("$py" "$work/helper.py" seed "$database" "$cases" "$marc" "Marc Lambert")
    start_server
    notes+=("desk bosa: $cases cases written in $seconds s with the server stopped; in all $(sqlite3 "$database" \
        "SELECT count(*) || ' cases, ' || sum(closed_at IS NULL) || ' open (' || sum(closed_at IS NULL AND assignee_nrn = '$marc') || ' Marc''s, ' || sum(closed_at IS NULL AND assignee_nrn IS NULL) || ' unassigned, ' || sum(closed_at IS NULL AND due_at < unixepoch() AND status IN ('new', 'in_progress')) || ' overdue)' FROM contact_cases WHERE desk = 'bosa'"); database $(du -m "$database" | cut -f1) MB")
    cookie=$("$py" "$work/helper.py" login "$base" "$work/credentials.json" Marc "/contact/queue?desk=bosa")
    rare=$("$py" -c 'import sys; n = int(sys.argv[1]) // 2000; print("zephyr" + chr(97 + n // 26 % 26) + chr(97 + n % 26))' "$cases")
    matches() { sqlite3 "$database" "SELECT count(*) FROM contact_search WHERE contact_search MATCH '$1' AND desk = 'bosa'"; }
    names=("open view, page 1" "mine" "open view, page 40" "open view, topic absences" "search common word (prime)"
           "search rare word ($rare)" "search two words (prime decembre)")
    paths=("/contact/queue?desk=bosa&view=open" "/contact/queue?desk=bosa&view=mine" "/contact/queue?desk=bosa&view=open&page=40"
           "/contact/queue?desk=bosa&view=open&topic=absences" "/contact/queue?desk=bosa&view=open&q=prime"
           "/contact/queue?desk=bosa&view=open&q=$rare" "/contact/queue?desk=bosa&view=open&q=prime+decembre")
    notes+=("search matches in the full-text index: prime $(matches '"prime"*'), $rare $(matches "\"$rare\"*"), prime decembre $(matches '"prime"* "decembre"*') (the page shows at most 25)")
    for i in "${!paths[@]}"; do
        status=$(curl -s -o "$work/page.html" -w '%{http_code}' -H "Cookie: $cookie" "$base${paths[$i]}")
        [ "$status" = "200" ] && grep -q 'id="queue' "$work/page.html" ||
            { echo "GET ${paths[$i]} with Marc's cookie answered $status without #queue; not measuring it" >&2; exit 1; }
        notes+=("${names[$i]}: GET ${paths[$i]}, $(wc -c <"$work/page.html") bytes, $(grep -o 'class="case-row' "$work/page.html" | wc -l || true) rows shown")
    done
    for i in "${!paths[@]}"; do
        connections=1 measure "queue: ${names[$i]} (1 connection, -d$duration)" -H "Cookie: $cookie" "$base${paths[$i]}"
        measure "queue: ${names[$i]} (16 connections, -d$duration)" -H "Cookie: $cookie" "$base${paths[$i]}"
    done
fi

if [ "$mode" = "submit" ] || [ "$mode" = "all" ]; then
    "$py" "$work/helper.py" pdf "$work/question.pdf" $((1024 * 1024))
    read -r csrf cookie < <("$py" "$work/helper.py" login "$base" "$work/credentials.json" Sophie /contact/cases)
    # One question by curl first: it must be the 303 to the new case.
    "$py" -c 'import sys; open(sys.argv[1], "w").write("Bonjour, un essai.")' "$work/body.txt"
    answer=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Cookie: $cookie" -F "_csrf=$csrf" -F "subject=Essai" \
        -F "month=2026-10" -F "body=<$work/body.txt" -F "attachments=@$work/question.pdf;type=application/pdf" "$base/contact/ask/pay/send")
    [[ "$answer" == 303*"done=asked"* ]] || { echo "the question answered $answer, not a 303 to the new case; not measuring it" >&2; exit 1; }
    stored_before=$(case_count)
    attachments_before=$(sqlite3 "$database" "SELECT coalesce(max(rowid), 0) FROM contact_attachments")
    connections=4 measure "submit: question with a 1 MiB PDF (4 connections, -d$duration)" -s "$work/submit.lua" \
        "$base/contact/ask/pay/send" -- "$cookie" "$csrf" "$work/question.pdf"
    sleep 1 # the requests wrk stopped waiting for at the end may still be written
    stored_after=$(case_count)
    attachments=$(sqlite3 "$database" "SELECT count(*) || ' (' || sum(size = $((1024 * 1024))) || ' of 1 MiB)' FROM contact_attachments WHERE rowid > $attachments_before")
    notes+=("submit: wrk counted $last_requests answers, ${last_statuses#submit-statuses }; cases created $((stored_after - stored_before)) (contact_cases $stored_before before, $stored_after after: the requests still in flight when wrk stopped, at most 4, are created but not counted by wrk), attachments stored $attachments; database $(du -m "$database" | cut -f1) MB after")
fi

echo
echo "Machine: $(nproc) cores; load average $load_before before the first run, $(cut -d' ' -f1-3 /proc/loadavg) after the last; binary $binary."
for note in "${notes[@]}"; do echo "- $note"; done
[ ${#p99s[@]} -eq 0 ] || echo "- p99 at 1 connection (target under 50 ms): $(IFS=';'; echo "${p99s[*]}" | sed 's/;/; /g')$([ ${#over_target[@]} -eq 0 ] && echo ' — all under' || echo " — over: ${over_target[*]}")"
echo "- server RSS after the runs: $(rss_mb) MB"

if [ "$mode" = "queue" ] || [ "$mode" = "all" ]; then
    # The plans of the queue's SQL (Queue.swift, CaseSearch.swift), with the values the runs above used.
    columns="SELECT id, reference, desk, topic, subject, requester_name, status, assignee_name, created_at, due_at, closed_at FROM contact_cases"
    plan() { sqlite3 "$database" "EXPLAIN QUERY PLAN $2" | sed -n 's/^[|` -]*//p' | grep -v '^QUERY PLAN$' | paste -sd ';' | sed "s/^/- plan, $1: /; s/;/; /g"; }
    echo
    plan "open view" "$columns WHERE desk = 'bosa' AND closed_at IS NULL ORDER BY due_at, id LIMIT 26 OFFSET 975"
    plan "mine" "$columns WHERE desk = 'bosa' AND assignee_nrn = '$marc' AND closed_at IS NULL ORDER BY due_at, id LIMIT 26 OFFSET 0"
    plan "topic" "$columns WHERE desk = 'bosa' AND closed_at IS NULL AND topic = 'absences' ORDER BY due_at, id LIMIT 26 OFFSET 0"
    plan "closed view" "$columns WHERE desk = 'bosa' AND closed_at IS NOT NULL ORDER BY closed_at DESC, id LIMIT 26 OFFSET 0"
    plan "count overdue" "SELECT COUNT(*) AS n FROM (SELECT 1 FROM contact_cases WHERE desk = 'bosa' AND closed_at IS NULL AND due_at < unixepoch() AND status IN ('new', 'in_progress') LIMIT 1000) AS counted"
    plan "search" "SELECT case_id FROM contact_search WHERE contact_search MATCH '\"prime\"* \"decembre\"*' AND desk = 'bosa' ORDER BY rowid DESC LIMIT 200"
    # The rows of a search: the 25 newest cases that match "prime", by primary key, as Queue.list asks for them.
    ids=$(sqlite3 "$database" "SELECT group_concat(quote(case_id), ', ') FROM (SELECT DISTINCT case_id FROM contact_search WHERE contact_search MATCH '\"prime\"*' AND desk = 'bosa' ORDER BY rowid DESC LIMIT 25)")
    plan "search rows (25 ids)" "$columns WHERE id IN ($ids)"
    echo "- sqlite3 time of the search rows (25 ids): $(printf '.timer on\n%s;\n' "$columns WHERE id IN ($ids)" |
        sqlite3 "$database" | awk '/^Run Time/ {print $4 * 1000 " ms"}')"
fi
