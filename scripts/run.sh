#!/usr/bin/env bash
# THE RUN COMMAND: ./scripts/run.sh [extra serve args]
# Builds the release binary and serves PersoPoint in dev mode (SQLite under ./data, demo data, port 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

setup_system_packages
swift build -c release --product persopoint

# The port the person passed, if any, so the hint below points at the right place.
port=8080
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    case "${args[$i]}" in
        --port) port="${args[$((i + 1))]:-$port}" ;;
        --port=*) port="${args[$i]#--port=}" ;;
    esac
done
echo "PersoPoint: open http://localhost:$port/ in your browser (Ctrl-C stops the server)"

exec .build/release/persopoint serve --dev "$@"
