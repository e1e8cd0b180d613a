"""A PersoPoint of a test module's own (development mode: the demo data, the development PKI and mailbox), so that a
story's bookings, cases and activations leave the suite's main server as it was; and its demo people."""

import os
import re
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from interop.servers import ExtraServer  # noqa: E402


def start_own_server(name):
    binary = os.environ.get("PERSOPOINT_BIN")
    if not binary:
        pytest.fail("PERSOPOINT_BIN is not set: run ./scripts/test.sh", pytrace=False)
    return ExtraServer(binary, name).start()


def demo_people(server):
    """The demo people by given name, national numbers as digits (`persopoint demo credentials --json`)."""
    listed = server.cli("demo", "credentials")
    assert isinstance(listed, dict) and listed.get("people"), f"`persopoint demo credentials --json` printed {listed!r}"[:2000]
    return {person["givenName"]: {**person, "nrn": re.sub(r"\D", "", str(person["nrn"]))} for person in listed["people"]}


MAIL_WAIT = 20  # seconds to wait for an e-mail in the development mailbox


def wait_for_mail(server, address, condition, what):
    """The e-mails to `address` in the server's development mailbox that satisfy `condition`, once there is one."""
    deadline = time.monotonic() + MAIL_WAIT
    while True:
        found = [m for m in server.outbox_to(address) if condition(m)]
        if found:
            return found
        if time.monotonic() > deadline:
            listed = [(m.get("to"), m.get("subject"), m.get("status")) for m in server.outbox()[:10]]
            pytest.fail(f"{what}: no such e-mail to {address} within {MAIL_WAIT} s; newest in the mailbox: {listed}\n"
                        f"server log:\n{server.log_tail(30)}", pytrace=False)
        time.sleep(0.3)
