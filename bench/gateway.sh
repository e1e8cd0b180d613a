#!/usr/bin/env bash
# Gateway benchmarks (issue 3): token endpoint (refresh_token, client_credentials), userinfo, discovery, JWKS,
# password logins per second, and the time of one Argon2id hash. Release build, SQLite (or PostgreSQL), server and
# load generator on this same 2-core machine. Usage: bench/gateway.sh [sqlite|postgres]  (prints Markdown);
# PERSOPOINT_BENCH_BINARY=/path/to/persopoint bench/gateway.sh measures that binary instead of building.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_system_packages >/dev/null
setup_python_venv >/dev/null
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
# PERSOPOINT_BENCH_BINARY: measure another build (an older commit's, for a before/after on the same day).
binary=${PERSOPOINT_BENCH_BINARY:-.build/release/persopoint}
[ -n "${PERSOPOINT_BENCH_BINARY:-}" ] || swift build -c release --product persopoint >/dev/null 2>&1
port=18090
base="http://127.0.0.1:$port"
work="$(mktemp -d -t persopoint-bench.XXXXXX)"
# `bench/gateway.sh postgres`: the same runs with the server on a throwaway PostgreSQL cluster instead of SQLite.
database=${1:-sqlite}
if [ "$database" = postgres ]; then
    source scripts/postgres.sh
    pg_start
    export DATABASE_URL="$PG_URL"
fi
"$binary" serve --dev --port "$port" --data-dir "$work/data" --public-url "$base" --log-level warning >/dev/null 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"; [ "$database" != postgres ] || pg_stop' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null "$base/health/ready" && break; sleep 0.1; done

gcc -O2 -o "$work/argon2_time" bench/argon2_time.c -largon2
hash_ms=$("$work/argon2_time" 20)
# The same, two at once (one per core): what the machine can really give two hashing threads.
"$work/argon2_time" 20 > "$work/pair.a" & other=$!
"$work/argon2_time" 20 > "$work/pair.b"; wait $other
pair_per_s=$(python3 -c "print(round(1000/$(cat "$work/pair.a") + 1000/$(cat "$work/pair.b"), 1))")

.venv/bin/python bench/gateway_tokens.py "$base" "$binary" "$work/data" "$work/tokens" 16000 1600
read -r username password < "$work/tokens.credentials"
access=$(cat "$work/tokens.access")
basic=$(cat "$work/tokens.basic")

# The server's CPU time (user + system) from /proc, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ticks_per_s=$(getconf CLK_TCK)

run() { # name, then wrk arguments
    local name=$1; shift
    local out before after
    before=$(cpu_ticks)
    out=$(wrk -t2 -c64 --latency "$@")
    after=$(cpu_ticks)
    local requests
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '| %s | %s | %s / %s | %s | %s |\n' "$name" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "$(python3 -c "print(f'{($after - $before) * 1000 / $ticks_per_s / $requests:.3f}')")" \
        "$(awk '/Non-2xx/ {print $5}' <<<"$out" | grep . || echo 0)"
}

echo "Server on $database, wrk -t2 -c64 on the same 2 cores; CPU is the server's user + system time per request."
echo
echo "| endpoint | req/s | p50 / p99 | server CPU ms/req | non-2xx |"
echo "|---|---|---|---|---|"
run "token, refresh_token (rotation, -d5s)" -d5s -s bench/refresh.lua "$base/fas/oauth2/access_token" -- "$work/tokens.refresh" 2
run "token, client_credentials" -d10s -s bench/client_credentials.lua "$base/fas/oauth2/access_token" -- "$basic"
run "userinfo (Bearer)" -d10s -H "Authorization: Bearer $access" "$base/fas/oauth2/userinfo"
run "discovery" -d10s "$base/fas/oauth2/.well-known/openid-configuration"
run "JWKS" -d10s "$base/fas/oauth2/connect/jwk_uri"
run "anonymous form page (/contact, a new visitor each time)" -d10s "$base/contact"
logins=$(wrk -t2 -c16 -d10s -s bench/password_login.lua "$base/fas/login/password" -- "$work/tokens.logins" 2 "$username" "$password" | awk '/^logins/')
logins_per_s=$(awk '{printf "%.1f logins/s (%d logins, %d other answers, in %.1f s)", $2 / $6, $2, $4, $6}' <<<"$logins")
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
# What the RSS is made of: the process's own memory (anonymous) and pages of the binary and libraries it maps (file).
anon_kb=$(awk '/RssAnon/ {print $2}' /proc/$pid/status)
file_kb=$(awk '/RssFile/ {print $2}' /proc/$pid/status)
echo
echo "- one Argon2id hash (m=19456 KiB, t=2, p=1, libargon2, 20 rounds): ${hash_ms} ms → 2 cores ÷ hash time = $(python3 -c "print(round(2000/$hash_ms, 1))") hashes/s"
echo "- two hashes at once, one per core: $(cat "$work/pair.a") ms and $(cat "$work/pair.b") ms → ${pair_per_s} hashes/s"
echo "- password logins (the hash-bound step: 1,600 visitors brought to the password form beforehand, their forms submitted by wrk, 16 connections, 10 s): ${logins_per_s}"
echo "- server RSS after the runs: $((rss_kb / 1024)) MB ($((anon_kb / 1024)) MB anonymous, $((file_kb / 1024)) MB file-backed: the binary's code and the libraries)"
