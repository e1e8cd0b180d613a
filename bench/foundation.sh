#!/usr/bin/env bash
# Foundation benchmarks (issue 2): start-up time to the first 200 on /health/ready, idle RSS, and wrk on the
# portal page. Release build, fresh SQLite data directory, server and wrk on this same 2-core machine.
# Usage: bench/foundation.sh   (prints a Markdown block for BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
swift build -c release --product persopoint >/dev/null
binary=.build/release/persopoint
port=18080
data="$(mktemp -d -t persopoint-bench.XXXXXX)"
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT

# Migrations of a brand-new database happen once; time the ordinary start on an existing one, as operators see it.
"$binary" migrate --data-dir "$data" >/dev/null 2>&1

read -r pid startup_ms < <(python3 - "$binary" "$port" "$data" <<'PY'
import subprocess, sys, time, urllib.request
binary, port, data = sys.argv[1:4]
start = time.monotonic()
proc = subprocess.Popen([binary, "serve", "--port", port, "--data-dir", data, "--log-level", "warning"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
while True:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=1) as r:
            if r.status == 200: break
    except Exception:
        time.sleep(0.002)
    if time.monotonic() - start > 30: sys.exit("server not ready in 30 s")
print(proc.pid, round((time.monotonic() - start) * 1000))
PY
)
sleep 2
idle_rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
wrk_out=$(wrk -t2 -c64 -d10s --latency "http://127.0.0.1:$port/")
loaded_rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$wrk_out")
p50=$(awk '$1 == "50%" {print $2}' <<<"$wrk_out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$wrk_out")
non2xx=$(awk '/Non-2xx/ {print $4}' <<<"$wrk_out")

cat <<MD
| measure | result | target |
|---|---|---|
| start to first 200 on /health/ready (migrated SQLite) | ${startup_ms} ms | < 1 s |
| idle RSS after start | $((idle_rss_kb / 1024)) MB | < 60 MB |
| portal \`/\`, wrk -t2 -c64 -d10s | ${rps} req/s | ≥ 5,000 |
| portal latency p50 / p99 | ${p50} / ${p99} | p99 < 20 ms |
| RSS after the wrk run | $((loaded_rss_kb / 1024)) MB | |
| non-2xx responses | ${non2xx:-0} | 0 |
MD
echo
echo '```'
echo "$wrk_out"
echo '```'
