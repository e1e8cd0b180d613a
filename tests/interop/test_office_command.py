"""`persopoint office`, as an administrator scripting an installation: an office saved with its hours, refused codes
and organisations, a closing day, an officer appointed and dismissed (the registration_officer role follows), all on a
data directory of the test's own, with the JSON a script reads."""

import json
import re
import subprocess

import pytest


@pytest.fixture
def persopoint(persopoint_bin, tmp_path):
    """persopoint(*args) → the finished command, on a fresh data directory with the demo data."""
    data = tmp_path / "data"

    def run(*args):
        return subprocess.run([persopoint_bin, *args, "--data-dir", str(data)], capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)

    assert run("demo").returncode == 0
    return run


def test_an_administrator_sets_up_an_office_and_its_officer_from_the_command_line(persopoint):
    saved = persopoint("office", "save", "--code", "gent", "--name", "Stad Gent – registratiekantoor", "--address", "Botermarkt 1, 9000 Gent",
                       "--languages", "nl,en", "--organisations", "finance", "--hours", "mon-fri=09:00-12:00", "--hours", "wed=13:00-19:00",
                       "--slot-minutes", "15", "--capacity", "3", "--json")
    assert saved.returncode == 0, saved.stderr
    office = json.loads(saved.stdout)
    assert office["hours"] == ["mon 09:00–12:00", "tue 09:00–12:00", "wed 13:00–19:00", "thu 09:00–12:00", "fri 09:00–12:00"]
    assert (office["slotMinutes"], office["capacity"], office["languages"]) == (15, 3, ["nl", "en"])

    reserved = persopoint("office", "save", "--code", "desk", "--name", "x", "--address", "y", "--organisations", "bosa")
    assert reserved.returncode == 2 and "address of its own" in reserved.stderr, reserved
    unknown = persopoint("office", "save", "--code", "x2", "--name", "x", "--address", "y", "--organisations", "nope")
    assert unknown.returncode != 0 and "no organisation with code nope" in unknown.stderr, unknown
    bad_hours = persopoint("office", "save", "--code", "x3", "--name", "x", "--address", "y", "--organisations", "bosa", "--hours", "mon=9-12")
    assert bad_hours.returncode != 0 and "is not a period" in bad_hours.stderr, bad_hours

    assert persopoint("office", "close", "gent", "2026-12-24").returncode == 0
    listed = {o["code"]: o for o in json.loads(persopoint("office", "list", "--json").stdout)}
    assert listed["gent"]["closedDays"] == ["2026-12-24"] and {"bosa", "liege"} <= set(listed)

    people = json.loads(persopoint("demo", "credentials", "--json").stdout)["people"]
    marc = re.sub(r"\D", "", next(p["nrn"] for p in people if p["givenName"] == "Marc"))

    def roles():
        return json.loads(persopoint("person", "show", marc, "--json").stdout)["memberships"]

    assert "finance:registration_officer" not in roles()
    appointed = persopoint("office", "add-officer", "gent", marc, "--administrator")
    assert appointed.returncode == 0 and "(administrator)" in appointed.stdout, appointed
    assert "finance:registration_officer" in roles()
    dismissed = persopoint("office", "remove-officer", "gent", marc)
    assert dismissed.returncode == 0 and "withdrawn in finance" in dismissed.stdout, dismissed
    assert "finance:registration_officer" not in roles()
    # The command line's own actions are audited as the command line's ("by an administrator of PersoPoint"), never as
    # the office's: the office's audit lists its officers' actions only.
    assert json.loads(persopoint("office", "audit", "gent", "--json").stdout) == []
