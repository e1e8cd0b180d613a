#!/usr/bin/env bash
# Mobile identity service benchmarks (issue 15 "Measure"): the CIBA provider under /mobileid and the phone's answer.
# Release build, SQLite, server and load generator on this same 2-core machine. One relying party (poll mode,
# private_key_jwt, ES256) is registered with `persopoint mobileid client-add`. There is no CLI or route that enrols
# a mobile identity (MobileIDPart.enrol is Swift API, used by the demo data only), so the bench identities are
# written to mobileid_identities with sqlite3 as Identities.enrol writes them: a 5-digit code hashed with libargon2 at
# the server's parameters (PHC string), the row's storage classes checked against a demo person's; one of them pairs
# a phone with its code and logs in end to end before anything is timed.
# The load generator is Python with threads (bench/mobileid.py `fire`), not wrk: 8 threads, one keep-alive connection
# each, POSTing pre-made bodies whose client assertions (fresh jti each) were all signed beforehand, so the client's
# signing is not measured. Rate = answers ÷ time to the last answer; latency p50/p99 per request; server CPU per
# request = the server's utime + stime (/proc/PID/stat) over the run ÷ answers; the generator's own CPU per request
# beside it (both share the 2 cores); RSS = VmRSS (/proc/PID/status) after the run.
#   refused    bc-authorize for one phone whose push-bombing limit is reached (3 requests pending; the 4th was
#              refused, which saved the 15-minute quiet period): every answer is 403 access_denied. Client
#              authentication (JWS verify, jti stored), the phone looked up, the quiet period read in a write
#              transaction; no request stored, no hashing. For PERSOPOINT_BENCH_DURATION s.
#   pending    1,000 requests pending at once (3 × 334 bench phones = 1,002, requested_expiry 600): RSS before and
#              after (and 2 s later), the SQLite database's size (page_count × page_size, WAL included) before and after, the count of pending
#              rows in SQLite (with the 4 of the warm-up); the opening rate is a row of the table.
#   poll-each  the token endpoint once for each of those 1,002 requests: every answer authorization_pending (the
#              first poll of a request is always admitted): the relying party polling at the interval.
#   poll-one   one pending request polled flat out for PERSOPOINT_BENCH_DURATION s: after the first
#              authorization_pending every answer is slow_down (each slow_down adds 5 s to the request's interval,
#              one more UPDATE); both codes are counted.
#   accepted   bc-authorize for the other bench phones, 3 each (phone after phone, so two at once are never for
#              the same phone), until the bodies are used up or PERSOPOINT_BENCH_DURATION s: every answer 200.
#   confirm → tokens  PERSOPOINT_BENCH_ROUNDS (20) logins of the 5 demo people in turn (confirmed requests do not
#              count toward the push-bombing limit), the phone (Python, signed calls) tapping the right number and
#              sending the code. From the phone's answer POST returning "confirmed" to the token endpoint's 200 at the
#              relying party: "interval" = the relying party waits the advertised interval after each answer, the
#              person answers at a random moment 0–5 s after the request shows (seeded); "0.2 s" = it polls every
#              0.2 s ignoring slow_down, the person answers 0–1 s in (what the server itself adds, within 0.2 s).
#              Median and p99 (nearest rank: of 20 rounds, the slowest), slow_down answers, the answer POST's own
#              time (the code checked with Argon2id) and the token call that answered 200 (collect + ID token).
# Usage: bench/mobileid.sh   (prints Markdown for BENCHMARKS.md)
# PERSOPOINT_BENCH_BINARY=/path/to/persopoint measures that binary instead of building the release one;
# PERSOPOINT_BENCH_PORT (default 18094) the server's port, PERSOPOINT_BENCH_DURATION (default 10) the seconds of the
# time-bound runs, PERSOPOINT_BENCH_CONNECTIONS (default 8) the generator's threads, PERSOPOINT_BENCH_PHONES (default
# 1000) the bench identities written (334 for "pending", 3 kept aside, the rest for "accepted"),
# PERSOPOINT_BENCH_ROUNDS (default 20) the confirm → tokens rounds per mode, PERSOPOINT_BENCH_KEEP=1 keeps the work
# directory (data, server log, summaries).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_system_packages >/dev/null
setup_python_venv >/dev/null
command -v sqlite3 >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3; }
# PERSOPOINT_BENCH_BINARY: measure another build (an older commit's, for a before/after on the same day).
binary=${PERSOPOINT_BENCH_BINARY:-.build/release/persopoint}
[ -n "${PERSOPOINT_BENCH_BINARY:-}" ] || swift build -c release --product persopoint >/dev/null 2>&1
port=${PERSOPOINT_BENCH_PORT:-18094}
duration=${PERSOPOINT_BENCH_DURATION:-10}
connections=${PERSOPOINT_BENCH_CONNECTIONS:-8}
phones=${PERSOPOINT_BENCH_PHONES:-1000}
rounds=${PERSOPOINT_BENCH_ROUNDS:-20}
pending_phones=334                # × 3 = 1,002 pending requests
refused_phone=$pending_phones     # then one phone for "refused", one for "poll-one", one for the end-to-end check
poll_phone=$((pending_phones + 1))
check_phone=$((pending_phones + 2))
accepted_first=$((pending_phones + 3))
accepted_phones=$((phones - accepted_first))
[ "$accepted_phones" -ge 1 ] || { echo "PERSOPOINT_BENCH_PHONES must be at least $((accepted_first + 1))" >&2; exit 2; }
base="http://127.0.0.1:$port"
work="$(mktemp -d -t persopoint-mobileid-bench.XXXXXX)"
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
"$binary" serve --dev --port "$port" --eid-port 0 --data-dir "$work/data" --public-url "$base" --log-level warning \
    </dev/null >"$work/server.log" 2>&1 &
pid=$!
cleanup() {
    kill -TERM $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    if [ -n "${PERSOPOINT_BENCH_KEEP:-}" ]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 0.1; done
curl -sf -o /dev/null "$base/health/ready" || { echo "the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
database="$work/data/persopoint.sqlite"
ticks_per_s=$(getconf CLK_TCK)
py=.venv/bin/python
m() { "$py" bench/mobileid.py "$@"; }

cpu_ticks() { # utime + stime of the server, in clock ticks (fields 14 and 15 of /proc/PID/stat)
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat"
}
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status"; }
q() { sqlite3 "$database" "$@"; }
db_kb() { q "SELECT page_count * page_size / 1024 FROM pragma_page_count(), pragma_page_size()"; }  # WAL included
notes=()

"$binary" demo credentials --json --data-dir "$work/data" --public-url "$base" >"$work/credentials.json" 2>/dev/null
m register "$base" "$binary" "$work/data" "$work" >/dev/null
read -r enrolled enrol_seconds < <(m enrol "$database" "$phones" "$work/people.json")
# The bench rows must be stored like the one the app wrote for Sophie (the demo data goes through Identities.enrol).
shape="SELECT typeof(id), length(id), id GLOB '[0-9A-F]*-*-*-*-*', typeof(phone), typeof(national_number), length(national_number), typeof(language), typeof(code_phc), substr(code_phc, 1, 31), length(code_phc), typeof(failed_codes), typeof(locked_at), typeof(quiet_until), typeof(created_at), created_at > 1.7e9 FROM mobileid_identities WHERE phone = '%s'"
sophie_phone=$("$py" -c "import json,sys; print(next(p['phone'] for p in json.load(open(sys.argv[1]))['people'] if p['givenName'] == 'Sophie'))" "$work/credentials.json")
app_row=$(q "$(printf "$shape" "$sophie_phone")")
bench_row=$(q "$(printf "$shape" "+32499000000")")
[ -n "$app_row" ] && [ "$app_row" = "$bench_row" ] || { echo "a bench identity ($bench_row) is not stored like the app's ($app_row)" >&2; exit 1; }
notes+=("set-up: $enrolled bench identities written to mobileid_identities with sqlite3 in $enrol_seconds s (one Argon2id hash each, libargon2, 2 threads), stored like the demo rows (checked); $(q "SELECT count(*) FROM mobileid_identities") identities in all")
notes+=("correctness: $(m check "$base" "$work" "$work/credentials.json" "$work/people.json" "$check_phone")")

# run NAME URL BODIES [IDS-OUT]: one `fire`, the server's CPU ticks around it, one Markdown row.
run() {
    local name=$1 url=$2 body_file=$3 ids=${4:--} before after
    before=$(cpu_ticks)
    m fire "$url" "$body_file" "$connections" "$duration_limit" "$work/fire.json" "$ids"
    after=$(cpu_ticks)
    cp "$work/fire.json" "$work/fire-$(basename "$body_file" .txt).json"
    m row "$name" "$work/fire.json" $((after - before)) "$ticks_per_s" "$(rss_mb)" >>"$work/table.md"
}

authorize="$base/mobileid/bc-authorize"
token="$base/mobileid/token"

# Warm-up (not measured): the refused phone's 3 pending requests and the 4th, refused one; the poll-one request.
m open "$base" "$work" "$work/people.json" "$refused_phone" 3 600 "$work/refused-ids.txt" >/dev/null
notes+=("push-bombing limit: a 4th request for the refused phone answered 403 access_denied ($(m refused-once "$base" "$work" "$work/people.json" "$refused_phone")); quiet_until saved: $(q "SELECT CASE WHEN quiet_until IS NULL THEN 'no (NULL)' ELSE 'yes, ' || CAST(round((quiet_until - strftime('%s','now')) / 60.0) AS INT) || ' min ahead' END FROM mobileid_identities WHERE phone = '+$((32499000000 + refused_phone))'")")
m open "$base" "$work" "$work/people.json" "$poll_phone" 1 600 "$work/poll-one-id.txt" >/dev/null

# The bodies, all signed now: up to 2,000 per second of a time-bound run.
pool=$((2000 * duration))
read -r n_refused s1 < <(m bodies "$base" "$work" refused "$work/refused.txt" "$work/people.json" "$refused_phone" "$pool")
read -r n_pending s2 < <(m bodies "$base" "$work" authorize "$work/pending.txt" "$work/people.json" 0 "$pending_phones" 3 600)
read -r n_accepted s3 < <(m bodies "$base" "$work" authorize "$work/accepted.txt" "$work/people.json" "$accepted_first" "$accepted_phones" 3 120)
read -r n_poll_one s4 < <(m bodies "$base" "$work" poll-one "$work/poll-one.txt" "$(cat "$work/poll-one-id.txt")" "$pool")
notes+=("bodies signed before the runs: $n_refused + $n_pending + $n_accepted + $n_poll_one in $(awk -v a="$s1" -v b="$s2" -v c="$s3" -v d="$s4" 'BEGIN {print a + b + c + d}') s (the poll-each bodies after the pending run, which makes their auth_req_ids)")

duration_limit=$duration
run "bc-authorize, refused (push-bombing limit reached, 1 phone, ${duration} s)" "$authorize" "$work/refused.txt"
rss_before=$(rss_mb)
db_before=$(db_kb)
duration_limit=600
run "bc-authorize, accepted: 1,002 pending at once (334 phones × 3, requested_expiry 600)" "$authorize" "$work/pending.txt" "$work/pending-ids.txt"
rss_after=$(rss_mb)
sleep 2
rss_settled=$(rss_mb)
db_after=$(db_kb)
pending_rows=$(q "SELECT count(*) FROM mobileid_requests WHERE status = 'pending' AND expires_at > strftime('%s','now')")
read -r n_poll_each _ < <(m bodies "$base" "$work" poll-each "$work/poll-each.txt" "$work/pending-ids.txt")
run "token, each pending request polled once (authorization_pending)" "$token" "$work/poll-each.txt"
duration_limit=$duration
run "token, one pending request polled flat out (${duration} s)" "$token" "$work/poll-one.txt"
duration_limit=$duration
run "bc-authorize, accepted ($accepted_phones phones × 3, up to ${duration} s)" "$authorize" "$work/accepted.txt"

m latency "$base" "$work" interval "$rounds" "$work/latency-interval.json"
m latency "$base" "$work" fast "$rounds" "$work/latency-fast.json"
l() { m field "$work/latency-$1.json" "$2"; }

echo "Server and load generator on the same 2 cores; load average at the start: $load_at_start; load generator: Python threads ($connections keep-alive connections), bodies pre-signed."
echo
echo "| run | answers in | req/s | p50 / p99 | answers | server CPU ms / request | generator CPU ms / request | RSS after |"
echo "|---|---|---|---|---|---|---|---|"
cat "$work/table.md"
echo
opened=$(m field "$work/fire-pending.json" requests)
echo "| pending requests opened | RSS before | RSS after | 2 s later | RSS difference (per request) | SQLite database size before → after (per request) | pending rows in SQLite |"
echo "|---|---|---|---|---|---|---|"
printf '| %s | %s MB | %s MB | %s MB | %s MB (%s KB) | %s → %s KB (%s KB) | %s |\n' "$opened" "$rss_before" "$rss_after" "$rss_settled" \
    "$(awk -v a="$rss_before" -v b="$rss_settled" 'BEGIN {printf "%+.1f", b - a}')" \
    "$(awk -v a="$rss_before" -v b="$rss_settled" -v n="$opened" 'BEGIN {printf "%.2f", (b - a) * 1024 / n}')" \
    "$db_before" "$db_after" "$(awk -v a="$db_before" -v b="$db_after" -v n="$opened" 'BEGIN {printf "%.2f", (b - a) / n}')" "$pending_rows"
echo
echo "| confirm → tokens | rounds | median | p99 (nearest rank) | min / max | polls per round | slow_down answers | answer POST median / p99 | token call (200) median / p99 |"
echo "|---|---|---|---|---|---|---|---|---|"
for mode in interval fast; do
    label=$([ "$mode" = interval ] && echo "RP polls at the advertised interval ($(l interval interval) s), person answers 0–5 s in" || echo "RP polls every 0.2 s (ignores slow_down), person answers 0–1 s in")
    printf '| %s | %s | %s s | %s s | %s / %s s | %s | %s | %s / %s ms | %s / %s ms |\n' "$label" "$(l $mode rounds)" "$(l $mode median_s)" "$(l $mode p99_s)" \
        "$(l $mode min_s)" "$(l $mode max_s)" "$(l $mode polls_per_round)" "$(l $mode slow_down)" "$(l $mode confirm_median_ms)" "$(l $mode confirm_p99_ms)" \
        "$(l $mode token_median_ms)" "$(l $mode token_p99_ms)"
done
echo
logged=$(grep -c . "$work/server.log" || true)
notes+=("server log (level warning): $logged lines$( [ "$logged" = 0 ] || printf '; the most frequent: %s' "$(cut -c1-300 "$work/server.log" | sed -E 's/[0-9a-fA-F-]{36}/<uuid>/g; s/^[0-9T:.+-]+ //' | sort | uniq -c | sort -rn | head -5 | tr -s ' ' | tr '\n' ' ')")")
notes+=("rows at the end: mobileid_requests by status: $(q "SELECT group_concat(status || ' ' || n, ', ') FROM (SELECT status, count(*) AS n FROM mobileid_requests GROUP BY status)"); mobileid_used_assertions: $(q "SELECT count(*) FROM mobileid_used_assertions")")
for note in "${notes[@]}"; do echo "- $note"; done
echo "- server RSS after the runs: $(rss_mb) MB; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
