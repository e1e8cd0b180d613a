#!/usr/bin/env bash
# One gateway endpoint under load, for before/after comparisons run interleaved (A, B, A, B…: this machine drifts
# too much for single runs to show changes under ~15 %), and for profiles.
# Usage: bench/endpoint.sh BINARY cc|userinfo|discovery|jwks|live|metrics|contact|refresh [perf]
#   prints req/s, p99, the server's CPU ms per request (from /proc) and its RSS; with `perf`, records
#   `perf record -F 1999 -g` of the server into /tmp/perf.ENDPOINT.data.  TOKENS (default 2000), DUR (default 8 s).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_python_venv >/dev/null
bin=$1; what=$2; mode=${3:-cpu}
port=18091; base=http://127.0.0.1:$port
work=$(mktemp -d)
"$bin" serve --dev --port $port --eid-port $((port + 1)) --data-dir $work/data --public-url $base --log-level warning >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf $work' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null $base/health/ready && break; sleep 0.1; done
n=${TOKENS:-2000}
.venv/bin/python bench/gateway_tokens.py $base $bin $work/data $work/tokens $n 10 >/dev/null
basic=$(cat $work/tokens.basic); access=$(cat $work/tokens.access)
case $what in
  cc) args=(-s bench/client_credentials.lua $base/fas/oauth2/access_token -- $basic);;
  userinfo) args=(-H "Authorization: Bearer $access" $base/fas/oauth2/userinfo);;
  discovery) args=($base/fas/oauth2/.well-known/openid-configuration);;
  jwks) args=($base/fas/oauth2/connect/jwk_uri);;
  live) args=($base/health/live);;
  metrics) args=($base/metrics);;
  contact) args=($base/contact);;
  refresh) args=(-s bench/refresh.lua $base/fas/oauth2/access_token -- $work/tokens.refresh 2);;
esac
dur=${DUR:-8}
# warm-up
[ "$what" = refresh ] || wrk -t2 -c64 -d2s "${args[@]}" >/dev/null 2>&1 || true

t0=$(awk '{print $14+$15}' /proc/$pid/stat)
if [ "$mode" = perf ]; then
  perf record -F 1999 -g -o /tmp/perf.$what.data -p $pid -- sleep $dur >/dev/null 2>&1 &
  ppid=$!
fi
out=$(wrk -t2 -c64 -d${dur}s --latency "${args[@]}")
t1=$(awk '{print $14+$15}' /proc/$pid/stat)
[ "$mode" = perf ] && wait $ppid || true
req=$(awk '/requests in/ {print $1}' <<<"$out")
echo "$what: $(awk '/Requests\/sec/ {print $2}' <<<"$out") req/s p99 $(awk '$1=="99%"{print $2}' <<<"$out") cpu_ms/req $(python3 -c "print(f'{($t1-$t0)*10/$req:.3f}')") non2xx $(awk '/Non-2xx/ {print $5}' <<<"$out") rss $(awk '/VmRSS/{print $2}' /proc/$pid/status)kB"
