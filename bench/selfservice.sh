#!/usr/bin/env bash
# PersoSelfService HR benchmarks (issue 19). Release build, SQLite, server and load generator on this same 2-core machine.
#   payslips  10,000 people of bosa are put in the HR register first (sqlite3, one transaction), 9,000 of them with an
#             eBox (rows of ebox_mailboxes as the activation writes them), so that 1,000 end up waiting for an eBox.
#             Marc (HR officer of bosa and finance) logs in once with his token card (Python requests) and uploads
#             one payroll CSV of 10,000 lines to /selfservice/hr/payslips. Measured: upload → 303 (checking and storing
#             the run), then 303 → the run page says it is finished (polled every 0.5 s as the page's own script does,
#             with X-PersoPoint-Background), the server's CPU time (utime + stime from /proc/PID/stat) over the whole
#             run, its RSS (VmRSS sampled every 0.2 s), the run's report (#report-delivered / #report-waiting) and the
#             eBox documents stored (ebox_documents, message_id LIKE 'payslip-%').
#   team      200 more people of bosa get Pieter as manager, each with 3 approved days of annual leave this month;
#             Pieter logs in once with his token card, then wrk GETs /selfservice/team (2 threads, 8 connections) with
#             his session cookie: requests/s, latency p50/p99, non-2xx answers, server CPU per request, RSS after.
# Usage: bench/selfservice.sh [payslips|team|all]   (default all; prints Markdown for BENCHMARKS.md)
# PERSOPOINT_BENCH_BINARY=/path/to/persopoint measures that binary instead of building the release one;
# PERSOPOINT_BENCH_DURATION (default 30s) is the length of the wrk run, PERSOPOINT_BENCH_PORT (default 18092) the
# server's port, PERSOPOINT_BENCH_PAYSLIPS (default 10000) the people and lines of the payroll CSV, of whom
# PERSOPOINT_BENCH_WITHOUT_EBOX (default 1000) have no eBox, PERSOPOINT_BENCH_TEAM (default 200) Pieter's team size,
# PERSOPOINT_BENCH_RUN_TIMEOUT (default 3600) the seconds to wait for the run to finish.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
case "$mode" in payslips | team | all) ;; *) echo "usage: $0 [payslips|team|all]" >&2; exit 2 ;; esac
source scripts/setup.sh
setup_system_packages >/dev/null
setup_python_venv >/dev/null
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
command -v sqlite3 >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3; }
# PERSOPOINT_BENCH_BINARY: measure another build (an older commit's, for a before/after on the same day).
binary=${PERSOPOINT_BENCH_BINARY:-.build/release/persopoint}
[ -n "${PERSOPOINT_BENCH_BINARY:-}" ] || swift build -c release --product persopoint >/dev/null 2>&1
duration=${PERSOPOINT_BENCH_DURATION:-30s}
port=${PERSOPOINT_BENCH_PORT:-18092}
payslip_people=${PERSOPOINT_BENCH_PAYSLIPS:-10000}
without_ebox=${PERSOPOINT_BENCH_WITHOUT_EBOX:-1000}
team_size=${PERSOPOINT_BENCH_TEAM:-200}
run_timeout=${PERSOPOINT_BENCH_RUN_TIMEOUT:-3600}
period=2026-10
base="http://127.0.0.1:$port"
work="$(mktemp -d -t persopoint-selfservice-bench.XXXXXX)"
"$binary" serve --dev --port "$port" --eid-port 0 --data-dir "$work/data" --public-url "$base" --log-level warning \
    </dev/null >"$work/server.log" 2>&1 &
pid=$!
sampler=
cleanup() {
    [ -z "$sampler" ] || kill "$sampler" 2>/dev/null || true
    kill -TERM $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    # PERSOPOINT_BENCH_KEEP=1 keeps the data directory and the server's log for a look afterwards.
    if [ -n "${PERSOPOINT_BENCH_KEEP:-}" ]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 0.1; done
curl -sf -o /dev/null "$base/health/ready" || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
database="$work/data/persopoint.sqlite"
ticks_per_s=$(getconf CLK_TCK)

# The helper: the people put in the register (valid national numbers, eBoxes, absences), the token-card login that
# yields a session cookie, and the payroll upload with the run page polled until the run is finished.
cat > "$work/helper.py" <<'PY'
import datetime, json, re, sqlite3, sys, time, uuid
from html.parser import HTMLParser
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import requests

def person(credentials_file, given_name, field):
    with open(credentials_file) as f:
        people = json.load(f)["people"]
    value = next(p for p in people if p["givenName"] == given_name)[field]
    print(re.sub(r"\D", "", value) if field == "nrn" else value)

def national_number(index):
    """A valid, unique national register number for person `index` (< 16,000 × 40): born 1960-01-01 + a permutation
    of 16,000 days (up to 2003, so both check rules are used), serial 901, 903… (the demo people's are lower)."""
    born = datetime.date(1960, 1, 1) + datetime.timedelta(days=(index * 7919) % 16000)
    serial = 901 + 2 * (index // 16000)
    assert serial < 999
    first9 = int(f"{born:%y%m%d}{serial:03d}")
    check = 97 - ((2_000_000_000 if born.year >= 2000 else 0) + first9) % 97
    return f"{first9:09d}{check:02d}", born.isoformat()

def app_uuid():
    return str(uuid.uuid4()).upper()  # as Fluent writes a UUID in SQLite: text, upper case

def staff(database, first, count, organisation, manager, without_ebox, csv_path):
    """People first … first+count-1 in the register, in one transaction; all but `without_ebox` of them (every n-th)
    with an activated eBox; the payroll CSV of their salaries if csv_path is not "-". Prints "people mailboxes seconds"."""
    first, count, without_ebox = int(first), int(count), int(without_ebox)
    every = count // without_ebox if without_ebox else 0
    started = time.monotonic()
    now = time.time()
    people, mailboxes, lines = [], [], []
    for index in range(first, first + count):
        nrn, born = national_number(index)
        email = f"agent{index:05d}@example.be"
        people.append((app_uuid(), nrn, organisation, f"Agent{index:05d}", f"Bench{index:05d}", email, "fr", born,
                       "DG Recrutement et Développement", "A1 – Attaché", "2015-09-01", None if manager == "-" else manager,
                       '{"minutes":[456,456,456,456,456,0,0]}', 0, 0, "[]"))
        if not (every and (index - first) % every == every - 1 and (index - first) // every < without_ebox):
            mailboxes.append((app_uuid(), nrn, email, "fr", "html", "each", "2026-11", now))
        lines.append(f"{nrn};salary;4123.45;2876.12")
    connection = sqlite3.connect(database, timeout=60, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 60000")
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany("""INSERT INTO selfservice_staff (id, national_number, organisation, given_name, surname, email,
        language, birth_date, service, grade, entry_date, manager, regime, compensatory_minutes, carried_over_minutes, training)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", people)
    connection.executemany("""INSERT INTO ebox_mailboxes (id, nrn, email, language, format, frequency, consent_version,
        activated_at, last_digest_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)""", mailboxes)
    connection.execute("COMMIT")
    connection.close()
    if csv_path != "-":
        with open(csv_path, "w") as f:
            f.write("national_number;kind;gross;net\n" + "\n".join(lines) + "\n")
    print(len(people), len(mailboxes), round(time.monotonic() - started, 2))

def easter(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    return datetime.date(year, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1)

def working_days(year, month):
    """The federal working days of a month (FederalCalendar: weekdays but the 13 holidays)."""
    e = easter(year)
    holidays = {datetime.date(year, m, d) for m, d in [(1, 1), (1, 2), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (11, 15), (12, 25), (12, 26)]}
    holidays |= {e + datetime.timedelta(days=n) for n in (1, 39, 50)}
    day, days = datetime.date(year, month, 1), []
    while day.month == month:
        if day.weekday() < 5 and day not in holidays:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days

def absences(database, first, count, per_person):
    """For people first … first+count-1: `per_person` approved single days of annual leave (456 minutes) on
    different working days of this (Brussels) month. Prints the absences stored."""
    first, count, per_person = int(first), int(count), int(per_person)
    today = datetime.datetime.now(ZoneInfo("Europe/Brussels")).date()
    days = working_days(today.year, today.month)
    assert len(days) >= 3 * per_person, days
    now, rows = time.time(), []
    for n, index in enumerate(range(first, first + count)):
        nrn, _ = national_number(index)
        for k in range(per_person):
            day = days[(n + k * 7) % len(days)].isoformat()
            rows.append((app_uuid(), nrn, "annual", day, day, "full", None, None, 456, "approved", now))
    connection = sqlite3.connect(database, timeout=60, isolation_level=None)
    connection.execute("PRAGMA busy_timeout = 60000")
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany("""INSERT INTO selfservice_absences (id, national_number, type, first_day, last_day, part,
        start_minute, end_minute, minutes, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows)
    connection.execute("COMMIT")
    connection.close()
    print(len(rows))

class Page(HTMLParser):
    """The forms (action, inputs), the links, the texts and attributes of the elements with an id."""
    def __init__(self, text):
        super().__init__()
        self.forms, self.links, self.texts, self.attributes, self.form, self.open_ids = {}, {}, {}, {}, None, []
        self.feed(text)
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = self.forms.setdefault(attrs.get("id") or f"form-{len(self.forms)}",
                                              {"action": attrs.get("action") or "", "inputs": {}})
        elif tag == "input" and self.form is not None and attrs.get("name"):
            if attrs.get("type", "text") not in ("submit", "button", "checkbox", "radio", "file"):
                self.form["inputs"][attrs["name"]] = attrs.get("value") or ""
        elif tag == "a" and attrs.get("id"):
            self.links[attrs["id"]] = attrs.get("href")
        if attrs.get("id"):
            self.texts[attrs["id"]] = ""
            self.attributes[attrs["id"]] = attrs
            self.open_ids.append((tag, attrs["id"]))
    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        if self.open_ids and self.open_ids[-1][0] == tag:
            self.open_ids.pop()
    def handle_data(self, data):
        for _, element in self.open_ids:
            self.texts[element] += data

def login(base, credentials_file, given_name, path):
    """One token-card login (Level300) with requests, starting at `path`, which the login must lead back to; prints
    the Cookie header for GET `path`."""
    with open(credentials_file) as f:
        who = next(p for p in json.load(f)["people"] if p["givenName"] == given_name)
    session = requests.Session()
    chooser = session.get(f"{base}{path}", timeout=30)
    assert "/fas/login" in chooser.url, f"GET {path} did not lead to the gateway's key chooser: {chooser.url}"
    page = session.get(urljoin(chooser.url, Page(chooser.text).links["key-token"]), timeout=30)
    form = Page(page.text).forms["password-form"]
    fields = dict(form["inputs"], username=who["username"], password=who["password"])
    page = session.post(urljoin(page.url, form["action"] or page.url), data=fields, timeout=30)
    parsed = Page(page.text)
    position = int(parsed.texts["token-position"].strip())
    form = parsed.forms["code-form"]
    fields = dict(form["inputs"], code=who["tokenCard"][position - 1])
    done = session.post(urljoin(page.url, form["action"] or page.url), data=fields, timeout=60)
    assert done.status_code == 200 and re.search(re.escape(path) + r"/?(\?.*)?$", done.url), f"login ended at {done.status_code} {done.url}"
    prepared = requests.Request("GET", f"{base}{path}").prepare()
    print(requests.cookies.get_cookie_header(session.cookies, prepared))

def publish(base, cookie, period, csv_path, timeout):
    """Uploads the payroll CSV, then polls the run page every 0.5 s (as background traffic, like the page's script)
    until it says finished. A user's reload (a foreground GET) every 10 minutes keeps the 20-minute session alive.
    Prints one JSON object."""
    session = requests.Session()
    session.headers["Cookie"] = cookie
    form_page = session.get(f"{base}/selfservice/hr/payslips", timeout=60, allow_redirects=False)
    assert form_page.status_code == 200, f"GET /selfservice/hr/payslips answered {form_page.status_code}"
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="_csrf"', form_page.text)
    assert csrf, "no _csrf field in the pay slips form"
    with open(csv_path, "rb") as f:
        csv = f.read()
    started = time.monotonic()
    answer = session.post(f"{base}/selfservice/hr/payslips", data={"_csrf": csrf.group(1) or csrf.group(2), "period": period},
                          files={"payroll": ("payroll.csv", csv, "text/csv")}, timeout=600, allow_redirects=False)
    stored = time.monotonic()
    result = {"status": answer.status_code, "upload_bytes": len(csv), "upload_seconds": round(stored - started, 2)}
    location = answer.headers.get("Location", "")
    if answer.status_code != 303 or not re.fullmatch(r"/selfservice/hr/payslips/[0-9a-f-]{36}", location):
        problems = Page(answer.text).texts.get("publish-problems", "") if answer.text else ""
        result.update(location=location, problems=" ".join(problems.split())[:2000])
        print(json.dumps(result))
        return
    result["run"] = location
    polls, slowest, refreshed, statuses = 0, 0.0, stored, {}
    while True:
        foreground = time.monotonic() - refreshed > 600
        headers = {} if foreground else {"X-PersoPoint-Background": "1"}
        asked = time.monotonic()
        page = session.get(f"{base}{location}", headers=headers, timeout=120, allow_redirects=False)
        took = time.monotonic() - asked
        polls, slowest = polls + 1, max(slowest, took)
        if foreground:
            refreshed = asked
        statuses[page.status_code] = statuses.get(page.status_code, 0) + 1
        if page.status_code == 200:
            parsed = Page(page.text)
            progress = parsed.attributes.get("progress-text", {})
            if progress.get("data-finished") == "true":
                break
        elif page.status_code != 503:
            result["stopped"] = f"the run page answered {page.status_code} {page.headers.get('Location', '')}"
            break
        if time.monotonic() - stored > float(timeout):
            result["stopped"] = f"not finished after {timeout} s"
            break
        time.sleep(max(0.0, 0.5 - took))
    finished = time.monotonic()
    if page.status_code == 200:
        parsed = Page(page.text)
        progress = parsed.attributes.get("progress-text", {})
        result.update(done=progress.get("data-done"), total=progress.get("data-total"), finished=progress.get("data-finished"),
                      delivered=parsed.attributes.get("report-delivered", {}).get("data-count"),
                      waiting=parsed.attributes.get("report-waiting", {}).get("data-count"),
                      listed_without_ebox=page.text.count('data-person="'), final_page_bytes=len(page.content),
                      final_page_ms=round(took * 1000))
    result.update(run_seconds=round(finished - stored, 1), total_seconds=round(finished - started, 1), polls=polls,
                  slowest_poll_ms=round(slowest * 1000), poll_statuses=statuses)
    print(json.dumps(result))

def field(json_file, name):
    with open(json_file) as f:
        value = json.load(f).get(name)
    print(json.dumps(value) if isinstance(value, (dict, list)) else ("" if value is None else value))

if __name__ == "__main__":
    {"person": person, "staff": staff, "absences": absences, "login": login, "publish": publish,
     "field": field}[sys.argv[1]](*sys.argv[2:])
PY
py=.venv/bin/python
[ -x "$py" ] || py=python3

"$binary" demo credentials --json --data-dir "$work/data" --public-url "$base" >"$work/credentials.json" 2>/dev/null

cpu_ticks() { # utime + stime of the server, in clock ticks (fields 14 and 15 of /proc/PID/stat)
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"
}
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status"; }
q() { sqlite3 "$database" "$@"; }

# rows_like_the_app TABLE KEY DEMO-VALUE BENCH-VALUE COLUMNS: the storage classes (and UUID/datetime shapes) of a
# benchmark row must be those of a row the app wrote itself.
rows_like_the_app() {
    local table=$1 key=$2 app=$3 ours=$4 columns=$5 shape
    shape="SELECT $columns FROM $table WHERE $key = '%s'"
    local a b
    a=$(q "$(printf "$shape" "$app")")
    b=$(q "$(printf "$shape" "$ours")")
    [ -n "$a" ] && [ "$a" = "$b" ] || { echo "$table: a benchmark row ($b) is not stored like the app's ($a)" >&2; exit 1; }
}
staff_shape="typeof(id), length(id), id GLOB '[0-9A-F]*-*-*-*-*', typeof(national_number), length(national_number), typeof(language), typeof(birth_date), length(birth_date), typeof(manager), typeof(regime), json_valid(regime), json_array_length(regime, '\$.minutes'), typeof(compensatory_minutes), typeof(carried_over_minutes), typeof(training), json_type(training)"
mailbox_shape="typeof(id), length(id), id GLOB '[0-9A-F]*-*-*-*-*', typeof(nrn), typeof(language), format, frequency, consent_version, typeof(activated_at), activated_at > 1.7e9, typeof(last_digest_at)"

# measure NAME WRK-ARGUMENTS...: one wrk run (2 threads, 8 connections), then one Markdown table row. wrk's timeout
# is 30 s (not its 2 s: a debug build's team page takes longer than that at 8 connections); timeouts and other
# socket errors are counted with the non-2xx answers.
measure() {
    local name=$1; shift
    local before after out requests
    before=$(cpu_ticks)
    out=$(wrk -t2 -c8 -d"$duration" --timeout 30s --latency "$@")
    after=$(cpu_ticks)
    echo "$out" >>"$work/wrk.out"
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '| %s | %s | %s / %s | %s | %s | %s MB |\n' "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "$(awk '/Non-2xx/ {print $4}' <<<"$out" | grep . || echo 0)$(awk -F'[ ,]+' '/Socket errors/ {
            s = $5 + $7 + $9 + $11; if (s) printf " (socket errors: connect %d, read %d, write %d, timeout %d)", $5, $7, $9, $11 }' <<<"$out")" \
        "$(awk -v d=$((after - before)) -v n="$requests" -v hz="$ticks_per_s" 'BEGIN {printf "%.2f", n ? d * 1000 / hz / n : 0}')" \
        "$(rss_mb)"
    [ "${requests:-0}" != 0 ] || notes+=("$name: wrk saw no request complete in $duration (the requests in flight when it stopped are not counted)")
}

notes=()

if [ "$mode" = "payslips" ] || [ "$mode" = "all" ]; then
    pieter=$("$py" "$work/helper.py" person "$work/credentials.json" Pieter nrn)
    read -r people mailboxes seconds < <("$py" "$work/helper.py" staff "$database" 0 "$payslip_people" bosa - "$without_ebox" "$work/payroll.csv")
    first_bench=$(q "SELECT national_number FROM selfservice_staff WHERE surname = 'Bench00000'")
    # Pieter, like these people, has no manager; Emma (below) has one.
    rows_like_the_app selfservice_staff national_number "$pieter" "$first_bench" "$staff_shape"
    rows_like_the_app ebox_mailboxes nrn "$pieter" "$first_bench" "$mailbox_shape"
    notes+=("payslips: $people people of bosa put in the register beforehand, $mailboxes of them with an eBox, in $seconds s (one transaction); payroll CSV of $(($(wc -l <"$work/payroll.csv") - 1)) lines, $(wc -c <"$work/payroll.csv") bytes")
    cookie=$("$py" "$work/helper.py" login "$base" "$work/credentials.json" Marc /selfservice/hr/payslips)
    rss_before=$(rss_mb)
    (while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$pid/status"; sleep 0.2; done) >"$work/rss.samples" 2>/dev/null &
    sampler=$!
    before=$(cpu_ticks)
    "$py" "$work/helper.py" publish "$base" "$cookie" "$period" "$work/payroll.csv" "$run_timeout" >"$work/run.json"
    after=$(cpu_ticks)
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    sampler=
    peak=$(sort -n "$work/rss.samples" | tail -1 | awk '{printf "%d", $1 / 1024}')
    r() { "$py" "$work/helper.py" field "$work/run.json" "$1"; }
    [ "$(r status)" = "303" ] || { echo "the upload was not accepted: $(cat "$work/run.json")" >&2; tail -20 "$work/server.log" >&2; exit 1; }
    payslip_documents=$(q "SELECT count(*) FROM ebox_documents WHERE message_id LIKE 'payslip-%'")
    echo "| run | upload → 303 | 303 → finished | total | delivered / waiting for an eBox | eBox documents stored | server CPU | RSS before / peak / after |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '| %s pay slips, %s without an eBox | %s s | %s s | %s s | %s / %s | %s | %s s | %s / %s / %s MB |\n' \
        "$payslip_people" "$without_ebox" "$(r upload_seconds)" "$(r run_seconds)" "$(r total_seconds)" "$(r delivered)" "$(r waiting)" \
        "$payslip_documents" "$(awk -v d=$((after - before)) -v hz="$ticks_per_s" 'BEGIN {printf "%.1f", d / hz}')" \
        "$rss_before" "$peak" "$(rss_mb)"
    [ -z "$(r stopped)" ] || notes+=("payslips: the polling stopped: $(r stopped)")
    notes+=("payslips: run page $(r run) polled $(r polls) times (answers $(r poll_statuses)), slowest $(r slowest_poll_ms) ms; the final page: $(r final_page_bytes) bytes in $(r final_page_ms) ms, progress $(r done)/$(r total), $(r listed_without_ebox) people listed without an eBox")
    notes+=("payslips: rows in selfservice_payslips by delivery: $(q "SELECT group_concat(delivery || ' ' || n, ', ') FROM (SELECT delivery, count(*) AS n FROM selfservice_payslips GROUP BY delivery)")")
    echo
fi

if [ "$mode" = "team" ] || [ "$mode" = "all" ]; then
    pieter=$("$py" "$work/helper.py" person "$work/credentials.json" Pieter nrn)
    emma=$("$py" "$work/helper.py" person "$work/credentials.json" Emma nrn)
    read -r people _ seconds < <("$py" "$work/helper.py" staff "$database" 100000 "$team_size" bosa "$pieter" "$team_size" -)
    absences=$("$py" "$work/helper.py" absences "$database" 100000 "$team_size" 3)
    first_member=$(q "SELECT national_number FROM selfservice_staff WHERE surname = 'Bench100000'")
    rows_like_the_app selfservice_staff national_number "$emma" "$first_member" "$staff_shape"
    notes+=("team: $people people with Pieter as manager and $absences approved days of annual leave this month put in the register beforehand; Pieter's team: $(q "SELECT count(*) FROM selfservice_staff WHERE manager = '$pieter'") people, organisation bosa: $(q "SELECT count(*) FROM selfservice_staff WHERE organisation = 'bosa'") people")
    cookie=$("$py" "$work/helper.py" login "$base" "$work/credentials.json" Pieter /selfservice/team)
    started=$(date +%s.%N)
    status=$(curl -s -o "$work/team.html" -w '%{http_code}' -H "Cookie: $cookie" "$base/selfservice/team")
    took=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN {printf "%d", (e - s) * 1000}')
    rows=$(grep -o 'data-person=' "$work/team.html" | wc -l)
    [ "$status" = "200" ] && [ "$rows" -ge "$team_size" ] ||
        { echo "GET /selfservice/team with Pieter's cookie answered $status with $rows rows; not measuring it" >&2; exit 1; }
    notes+=("team page: $(wc -c <"$work/team.html") bytes, $rows rows (data-person), first GET in $took ms")
    echo "| endpoint | req/s | p50 / p99 | non-2xx | server CPU ms / request | RSS after |"
    echo "|---|---|---|---|---|---|"
    measure "team GET /selfservice/team ($team_size people × 3 days of leave, 8 connections, -d$duration)" -H "Cookie: $cookie" "$base/selfservice/team"
    echo
fi

logged=$(grep -c . "$work/server.log" || true)
notes+=("server log (level warning): $logged lines$( [ "$logged" = 0 ] || printf '; the most frequent: %s' "$(cut -c1-300 "$work/server.log" | sed -E 's/[0-9a-fA-F-]{36}/<uuid>/g; s/^[0-9T:.+-]+ //' | sort | uniq -c | sort -rn | head -5 | tr -s ' ' | tr '\n' ' ')")")
for note in "${notes[@]}"; do echo "- $note"; done
echo "- server RSS after the runs: $(rss_mb) MB"
if [ -s "$work/wrk.out" ]; then echo; echo '```'; cat "$work/wrk.out"; echo '```'; fi
