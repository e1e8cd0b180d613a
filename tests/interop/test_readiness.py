"""Readiness as a load balancer sees it (issue 20): an instance whose data directory is full, or has turned read-only,
says it is not ready, with the reason, and says ready again once it can write; liveness stays up throughout.

The data directory is a small tmpfs the test mounts (as root, which the test command runs as), so that "full" and
"read-only" are the file system's own answers, not a simulation.
"""

from __future__ import annotations

import os
import subprocess
import time

import pytest
import requests

from .servers import own_servers  # noqa: F401  (fixture)

TIMEOUT = 10
MIN_FREE_MB = 8


def mount(*args):
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"mount {' '.join(args)} failed: {done.stderr.strip()}", pytrace=False)


def readiness(server) -> tuple[int, dict]:
    response = requests.get(f"{server.url}/health/ready", timeout=TIMEOUT)
    return response.status_code, response.json()


def eventually(server, status: int, within: float = 10):
    """Readiness is asked each time; the first answer with this status, or the last one."""
    deadline = time.monotonic() + within
    while True:
        answer = readiness(server)
        if answer[0] == status or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)


@pytest.fixture
def instance_on_tmpfs(own_servers):  # noqa: F811
    if os.geteuid() != 0:
        pytest.fail("the readiness tests mount a tmpfs and must run as root (as ./scripts/test.sh does)", pytrace=False)
    server = own_servers("readiness", dev=False, eid_port=0, start=False, args=["--ready-min-free-mb", str(MIN_FREE_MB)])
    mount("-t", "tmpfs", "-o", "size=48m", "tmpfs", server.data_dir)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        subprocess.run(["mount", "-o", "remount,rw", server.data_dir], capture_output=True)
        subprocess.run(["umount", server.data_dir], capture_output=True)


def test_a_full_data_directory_makes_the_instance_not_ready_until_space_returns(instance_on_tmpfs):
    server = instance_on_tmpfs
    status, body = readiness(server)
    assert (status, body["disk"], body["database"]) == (200, "ok", "ok"), body

    stat = os.statvfs(server.data_dir)
    free = stat.f_bavail * stat.f_frsize
    filler = os.path.join(server.data_dir, "filler")
    with open(filler, "wb") as f:
        f.write(b"\0" * (free - 2 * 1024 * 1024))
    try:
        status, body = readiness(server)
        assert status == 503, body
        assert body["status"] == "unavailable" and body["disk"] == "low", body
        assert int(body["free_mb"]) < MIN_FREE_MB, body
        assert requests.get(f"{server.url}/health/live", timeout=TIMEOUT).status_code == 200
    finally:
        os.remove(filler)

    status, body = eventually(server, 200)
    assert status == 200 and body["disk"] == "ok", body


def test_an_instance_restarted_on_a_read_only_data_directory_never_says_ready(instance_on_tmpfs):
    """A read-only file system cannot be remounted under an open database (the kernel says "busy"), so this is the
    case of an instance restarted on one. It must not answer ready: either it refuses to start, saying why, or
    readiness says the database takes no writes."""
    server = instance_on_tmpfs
    assert readiness(server)[0] == 200
    server.stop()
    mount("-o", "remount,ro", server.data_dir)
    try:
        with open(server.log_path, "a") as log:
            process = subprocess.Popen(server.command(), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                       env={k: v for k, v in os.environ.items() if not k.startswith("PERSOPOINT_")})
        try:
            deadline = time.monotonic() + 30
            answer = None
            while time.monotonic() < deadline and process.poll() is None:
                try:
                    answer = readiness(server)
                    break
                except requests.RequestException:
                    time.sleep(0.2)
            if process.poll() is not None:
                assert process.returncode != 0
                assert "unable to open database file" in server.log_tail(5), server.log_tail(20)
            else:
                assert answer is not None and answer[0] == 503, answer
                assert answer[1]["database"] in ("unwritable", "unreachable"), answer
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(15)
    finally:
        mount("-o", "remount,rw", server.data_dir)

    server.start()
    status, body = readiness(server)
    assert status == 200 and body["database"] == "ok", body
