#!/usr/bin/env bash
# THE TEST COMMAND: ./scripts/test.sh
# Swift tests (SQLite), storage tests against a throwaway PostgreSQL, then the end-to-end smoke test
# in Debian's chromium and the OpenID Connect interoperability tests (Authlib) against a real server.
# Ends with a line "N passed, M failed" counting the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
source scripts/setup.sh
source scripts/postgres.sh

ARTIFACTS="$ROOT/test-artifacts"

heading() {
    printf '\n==== %s ====\n' "$*"
}

passed=0
failed=0
results=()

# Runs a step in a subshell with its own `set -e` and traps, and records the outcome.
run_step() {
    local name="$1"
    shift
    heading "$name"
    local rc=0
    set +e
    (
        set -euo pipefail
        trap 'exit 130' INT TERM
        "$@"
    )
    rc=$?
    set -e
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
        results+=("PASS  $name")
    else
        failed=$((failed + 1))
        results+=("FAIL  $name (exit $rc)")
    fi
}

# Counts tests, not steps: Swift Testing's "Test run with N tests … passed/failed" lines and pytest's JUnit
# report. A step that failed before it could count anything (a build error) counts as one failure.
count_tests() {
    local passed_tests=0 failed_tests=0 log line n
    for log in "$ARTIFACTS/swift-test.log" "$ARTIFACTS/swift-test-postgres.log"; do
        [ -f "$log" ] || continue
        line="$(grep -E 'Test run with [0-9]+ tests?' "$log" | tail -n 1 || true)"
        [ -n "$line" ] || continue
        n="$(sed -E 's/.*Test run with ([0-9]+) tests?.*/\1/' <<<"$line")"
        if grep -q ' passed after' <<<"$line"; then
            passed_tests=$((passed_tests + n))
        else
            local failing
            failing="$(grep -cE '^✘ Test .* failed after' "$log" || true)"
            failed_tests=$((failed_tests + failing))
            passed_tests=$((passed_tests + n - failing))
        fi
    done
    if [ -f "$ARTIFACTS/e2e-junit.xml" ]; then
        read -r n f < <(python3 - "$ARTIFACTS/e2e-junit.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
tests = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(tests - bad - skipped, bad)
PY
)
        passed_tests=$((passed_tests + n))
        failed_tests=$((failed_tests + f))
    fi
    if [ "$failed" -gt 0 ] && [ "$failed_tests" -eq 0 ]; then
        failed_tests=$failed
    fi
    echo "$passed_tests $failed_tests"
}

summary() {
    heading "Summary"
    local line
    for line in "${results[@]}"; do
        echo "$line"
    done
    local totals
    totals="$(count_tests)"
    echo "${totals% *} passed, ${totals#* } failed"
}

# --- a. tools ---------------------------------------------------------------------------------
heading "a. Setting up Debian packages and the Python venv"
rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
if ! (set -euo pipefail; setup_system_packages && setup_python_venv) </dev/null; then
    echo "set-up failed: nothing was tested" >&2
    results=("FAIL  a. set-up")
    passed=0
    failed=3
    summary
    exit 1
fi

# --- b. Swift tests on SQLite -------------------------------------------------------------------
built=0
step_swift_tests() {
    swift build --build-tests </dev/null
    touch "$ARTIFACTS/.built"
    swift test --skip-build </dev/null 2>&1 | tee "$ARTIFACTS/swift-test.log"
}
run_step "b. Swift tests (in-process, SQLite)" step_swift_tests
if [ -f "$ARTIFACTS/.built" ]; then
    built=1
    rm -f "$ARTIFACTS/.built"
fi

need_build() {
    if [ "$built" -ne 1 ]; then
        echo "skipped: the Swift build failed in step b" >&2
        return 1
    fi
}

# --- c. storage tests on PostgreSQL ------------------------------------------------------------
step_postgres_tests() {
    need_build
    trap pg_stop EXIT
    pg_start
    echo "PostgreSQL $(basename "$(dirname "$(pg_bindir)")") at $PG_URL"
    PERSOPOINT_TEST_DATABASE_URL="$PG_URL" swift test --skip-build --filter Storage </dev/null 2>&1 |
        tee "$ARTIFACTS/swift-test-postgres.log"
}
run_step "c. Storage tests against PostgreSQL" step_postgres_tests

# --- d. end to end in a real browser, and a real OIDC client library against the gateway ----------
SERVER_PID=""
E2E_TMP=""
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        local i
        for ((i = 0; i < 150; i++)); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "server did not stop within 15 s of SIGTERM; killing it" >&2
            kill -KILL "$SERVER_PID" 2>/dev/null || true
        fi
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    if [ -n "$E2E_TMP" ]; then
        rm -rf "$E2E_TMP"
    fi
    pg_stop
}

step_end_to_end() {
    need_build
    trap stop_server EXIT
    local port eid_port url log="$ARTIFACTS/server.log"
    port="$(free_port)"
    # The eID listener on a free port too: 8443 may be taken on a shared machine.
    eid_port="$(free_port)"
    url="http://127.0.0.1:$port"
    E2E_TMP="$(mktemp -d -t persopoint-e2e.XXXXXX)"
    # A PostgreSQL cluster for the tests that run instances of their own on it (several instances behind nginx,
    # contention): each test creates a database of its own in it.
    PG_DATABASE=persopoint_interop pg_start
    # The public URL is the one the tests use, so that the OIDC issuer and every redirect are on it.
    .build/debug/persopoint serve --dev --port "$port" --eid-port "$eid_port" --public-url "$url" --data-dir "$E2E_TMP/data" \
        </dev/null >"$log" 2>&1 &
    SERVER_PID=$!
    echo "server pid $SERVER_PID at $url (log: test-artifacts/server.log)"

    local deadline=$((SECONDS + 60)) code=""
    while :; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url/health/ready" || true)"
        [ "$code" = "200" ] && break
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "the server exited before it was ready; its log:" >&2
            cat "$log" >&2
            return 1
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            echo "the server was not ready within 60 s (last status: ${code:-none}); its log:" >&2
            cat "$log" >&2
            return 1
        fi
        sleep 0.5
    done
    echo "server ready after $((SECONDS + 60 - deadline)) s"

    # tests/e2e drives chromium; tests/interop drives the OpenID Connect provider with Authlib and registers
    # its clients with the CLI in the running server's data directory. One pytest run, one JUnit report.
    local rc=0
    PERSOPOINT_URL="$url" PERSOPOINT_SCREENSHOTS="$ARTIFACTS/screenshots" \
        PERSOPOINT_BIN="$ROOT/.build/debug/persopoint" PERSOPOINT_DATA_DIR="$E2E_TMP/data" \
        PERSOPOINT_TEST_POSTGRES_URL="$PG_URL" \
        .venv/bin/python -m pytest tests/e2e tests/interop -q -p no:cacheprovider \
        --junitxml="$ARTIFACTS/e2e-junit.xml" </dev/null || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "--- last 80 lines of test-artifacts/server.log ---" >&2
        tail -n 80 "$log" >&2
    fi
    return "$rc"
}
run_step "d. End-to-end smoke test (chromium) and OIDC interoperability (Authlib)" step_end_to_end

summary
[ "$failed" -eq 0 ]
