#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, built with Debian's binaries in a temporary directory.
# Source it, then: pg_start (sets PG_DIR, PG_PORT, PG_URL; creates database persopoint_test) ... pg_stop.
# PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user.

PG_DIR=""
PG_PORT=""
PG_URL=""
PG_DATABASE="${PG_DATABASE:-persopoint_test}"

# The bin directory of the highest PostgreSQL version installed.
pg_bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5n | tail -n 1)"
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        echo "postgres: no /usr/lib/postgresql/*/bin/initdb found (apt-get install postgresql)" >&2
        return 1
    fi
    echo "$dir"
}

# A TCP port on 127.0.0.1 that is free right now.
free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    local bindir
    bindir="$(pg_bindir)" || return 1
    # Under /tmp, not $TMPDIR: the postgres user must be able to reach it.
    PG_DIR="$(mktemp -d /tmp/persopoint-pg.XXXXXX)" || return 1
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$PG_DIR"
    fi
    chmod 700 "$PG_DIR"
    PG_PORT="$(free_port)" || return 1
    _pg_as_owner "$bindir/initdb" -D "$PG_DIR/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 || {
        cat "$PG_DIR/initdb.log" >&2
        return 1
    }
    _pg_as_owner "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DIR -c fsync=off" \
        start >/dev/null || {
        cat "$PG_DIR/server.log" >&2
        return 1
    }
    _pg_as_owner "$bindir/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DATABASE" || return 1
    PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/$PG_DATABASE"
    export PG_DIR PG_PORT PG_URL
}

# Stops the cluster and removes its directory; safe to call twice or after a failed start.
pg_stop() {
    if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
        if [ -f "$PG_DIR/data/postmaster.pid" ]; then
            local bindir
            bindir="$(pg_bindir)" && _pg_as_owner "$bindir/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
        fi
        rm -rf "$PG_DIR"
    fi
    PG_DIR=""
    PG_PORT=""
    PG_URL=""
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    # Self-check: ./scripts/postgres.sh starts a cluster, runs `select 1`, stops it.
    set -euo pipefail
    trap pg_stop EXIT
    pg_start
    echo "postgres: running at $PG_URL (dir $PG_DIR)"
    "$(pg_bindir)/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DATABASE" -Atc 'select 1'
fi
