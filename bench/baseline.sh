#!/usr/bin/env bash
# The floor under the gateway's numbers: what one request costs in Hummingbird 2 alone (a fixed discovery-sized JSON
# body), the same behind nine pass-through middlewares, and PersoPoint's own cheapest answers (liveness, discovery),
# one after the other in the same run, release builds, wrk -t2 -c64 on the same two cores.
# Usage: bench/baseline.sh  (prints Markdown); PERSOPOINT_BENCH_BINARY=/path/to/persopoint measures that binary.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_system_packages >/dev/null
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
binary=${PERSOPOINT_BENCH_BINARY:-.build/release/persopoint}
[ -n "${PERSOPOINT_BENCH_BINARY:-}" ] || swift build -c release --product persopoint >/dev/null 2>&1
swift build -c release --package-path bench/baseline --scratch-path bench/baseline/.build >/dev/null 2>&1
bare=bench/baseline/.build/release/BareHummingbird
work="$(mktemp -d -t persopoint-baseline.XXXXXX)"
pid=
stop() { [ -z "$pid" ] || { kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; pid=; }
trap 'stop; rm -rf "$work"' EXIT

measure() { # name, url
    local out before after requests
    wrk -t2 -c64 -d2s "$2" >/dev/null 2>&1 || true
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    out=$(wrk -t2 -c64 -d10s --latency "$2")
    after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    printf '| %s | %s | %s / %s | %s | %s MB |\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
        "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
        "$(python3 -c "print(f'{($after - $before) * 1000 / $(getconf CLK_TCK) / $requests:.3f}')")" \
        "$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status")"
}
wait_for() { for _ in $(seq 1 100); do curl -sf -o /dev/null "$1" && return; sleep 0.1; done; }

echo "| server, answer | req/s | p50 / p99 | server CPU ms/req | RSS |"
echo "|---|---|---|---|---|"
for variant in bare chained; do
    "$bare" 18099 "$variant" >/dev/null 2>&1 & pid=$!
    wait_for http://127.0.0.1:18099/json
    measure "Hummingbird alone, fixed JSON ($variant$([ $variant = chained ] && echo ': nine pass-through middlewares'))" http://127.0.0.1:18099/json
    stop
done
"$binary" serve --dev --port 18098 --data-dir "$work/data" --public-url http://127.0.0.1:18098 --log-level warning >/dev/null 2>&1 & pid=$!
wait_for http://127.0.0.1:18098/health/ready
measure "PersoPoint, liveness (/health/live)" http://127.0.0.1:18098/health/live
measure "PersoPoint, discovery" http://127.0.0.1:18098/fas/oauth2/.well-known/openid-configuration
