"""Databases of a test's own in the suite's PostgreSQL cluster (`PERSOPOINT_TEST_POSTGRES_URL`, started by the test
command in step d): for tests that run instances of their own on PostgreSQL."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest


def cluster_url() -> str:
    url = os.environ.get("PERSOPOINT_TEST_POSTGRES_URL")
    if not url:
        pytest.fail(
            "PERSOPOINT_TEST_POSTGRES_URL is not set: run ./scripts/test.sh, or start a cluster with scripts/postgres.sh "
            "(pg_start) and export its URL (postgres://postgres@127.0.0.1:PORT/DATABASE, a superuser)", pytrace=False,
        )
    return url


def psql_binary() -> str:
    found = shutil.which("psql") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), reverse=True)), None)
    if not found:
        pytest.fail("psql is not installed (apt-get install postgresql-client)", pytrace=False)
    return found


def psql(url: str, sql: str) -> list:
    """Runs one statement with psql against url; the rows, each a list of its fields (unaligned, tab-separated)."""
    done = subprocess.run(
        [psql_binary(), url, "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    if done.returncode != 0:
        pytest.fail(f"psql {sql!r} failed ({done.returncode}): {done.stderr.strip()}", pytrace=False)
    return [line.split("\t") for line in done.stdout.splitlines() if line]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


class OwnDatabase:
    """CREATE DATABASE on entry, DROP (forced) on exit."""

    def __init__(self, prefix: str):
        self.cluster = cluster_url()
        self.name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        self.url = with_database(self.cluster, self.name)

    def __enter__(self) -> "OwnDatabase":
        psql(self.cluster, f'CREATE DATABASE "{self.name}"')
        return self

    def __exit__(self, *exc):
        psql(self.cluster, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def query(self, sql: str) -> list:
        return psql(self.url, sql)
