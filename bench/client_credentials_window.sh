#!/usr/bin/env bash
# client_credentials under load (wrk -t2 -c64), steady and then across the start of a 5-minute window (when every
# request in flight needs the new window's grant). Waits up to 5 minutes for the next window.
# Usage: bench/client_credentials_window.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
setup_python_venv >/dev/null
bin=$1; port=18092; base=http://127.0.0.1:$port
work=$(mktemp -d)
"$bin" serve --dev --port $port --eid-port 18093 --data-dir $work/data --public-url $base --log-level warning >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf $work' EXIT
for _ in $(seq 1 100); do curl -sf -o /dev/null $base/health/ready && break; sleep 0.1; done
.venv/bin/python bench/gateway_tokens.py $base $bin $work/data $work/tokens 20 2 >/dev/null
basic=$(cat $work/tokens.basic)
wrk -t2 -c64 -d4s -s bench/client_credentials.lua $base/fas/oauth2/access_token -- $basic >/dev/null
echo "steady: $(wrk -t2 -c64 -d6s --latency -s bench/client_credentials.lua $base/fas/oauth2/access_token -- $basic | awk '$1=="99%"{print "p99",$2} /Requests\/sec/{print $2" req/s"}' | tr '\n' ' ')"
now=$(date +%s); next=$(( (now/300+1)*300 )); wait_s=$(( next - now - 3 ))
echo "waiting $wait_s s for the window boundary"
if [ "$wait_s" -gt 0 ]; then sleep "$wait_s"; fi
echo "across boundary: $(wrk -t2 -c64 -d6s --latency -s bench/client_credentials.lua $base/fas/oauth2/access_token -- $basic | awk '$1=="99%"{print "p99",$2} /Latency/{print "max",$4} /Requests\/sec/{print $2" req/s"}' | tr '\n' ' ')"
