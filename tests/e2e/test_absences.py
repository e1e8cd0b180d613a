"""Leave and absences in PersoSelfService (issue 19), in a real browser, on a server of its own so that the requests
made here leave the suite's main server's demo balances as they were.

  1. Sophie (her phone, 390x844) asks a morning of annual leave and, on another day, 13:00–16:30 of compensatory
     leave: the balances say what is planned. Christmas day and a Saturday are refused with the reason, what she
     typed kept. Pieter (desktop) gets the request e-mail in Dutch, opens its link, logs in, approves the morning and
     refuses the hours with a reason (first without one: refused). Sophie's list says approved / refused, the details
     page the reason; her compensatory leave is no longer planned; she got both decisions by e-mail (French).
  2. Pieter names Emma his substitute from today for a week; Sophie asks two days; Emma gets the e-mail, opens its
     link, logs in and approves "as substitute of Pieter Janssens". Sophie asks to cancel them: still planned until
     Pieter agrees, then cancelled and no longer planned. Marc (HR officer, not her manager) gets 403 on the request.
  3. Sophie registers two days of sick leave with a PDF certificate (without one: refused). No approval; Pieter's
     team page and his e-mail say she is absent, never why, nor the file's name; the days are marked absent. Sophie
     downloads her certificate; Pieter gets 404 for it.
  4. Emma (4/5, Fridays off) asking a Friday is refused; her annual entitlement is 26 days of 6:04.
  5. axe-core (WCAG 2.x A/AA) on the absences page, the sick leave form, the team page and a request page: no
     violation; the absences page does not scroll sideways on a phone.

The stories run in file order and share the module's server and the browsers of Sophie, Pieter, Emma and Marc (one
session each). The server runs on the real clock: the days asked are Monday to Thursday of the week after next
(public holidays skipped). Screenshots: absences-*.png and a11y-absences-*.png in PERSOPOINT_SCREENSHOTS.
"""

import datetime
import re
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from accessibility_audit import Audit  # noqa: E402
from gateway_login import log_in_with_token_card  # noqa: E402
from browsing import navigation_statuses, submit, visit  # noqa: E402
from own_server import demo_people, start_own_server, wait_for_mail  # noqa: E402

BRUSSELS = ZoneInfo("Europe/Brussels")

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
ENGLISH = {"locale": "en-GB", "extra_http_headers": {"Accept-Language": "en-GB,en;q=0.9"}}

LOGIN_URL = re.compile(r"/fas/login\?tx=")
UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

FULL_DAY = 456  # 7:36, full time
PDF = (b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
       b"trailer <</Root 1 0 R>>\n%%EOF\n")
CERTIFICATE_NAME = "certificat-medical-dupont.pdf"
FORBIDDEN = ("sick", "Sick", "maladie", "ziekte", "certificat", CERTIFICATE_NAME)

# What the stories leave for the next ones (the module's tests run in file order).
STATE = {"sideways": []}


# --- the calendar --------------------------------------------------------------------------------------------------


def easter(year: int) -> datetime.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return datetime.date(year, month, day)


def public_holidays(year: int) -> set:
    """The federal civil service's public holidays of a year."""
    sunday = easter(year)
    fixed = [(1, 1), (1, 2), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (11, 15), (12, 25), (12, 26)]
    return {datetime.date(year, m, d) for m, d in fixed} | {sunday + datetime.timedelta(days=n) for n in (1, 39, 50)}


def is_holiday(day: datetime.date) -> bool:
    return day in public_holidays(day.year)


def today() -> datetime.date:
    return datetime.datetime.now(BRUSSELS).date()


def next_working_days(count: int) -> list:
    """`count` days to ask leave on: Monday to Thursday from the week after next on, public holidays skipped."""
    monday = today() - datetime.timedelta(days=today().weekday()) + datetime.timedelta(weeks=2)
    days = []
    while len(days) < count:
        for offset in range(4):
            day = monday + datetime.timedelta(days=offset)
            if not is_holiday(day) and len(days) < count:
                days.append(day)
        monday += datetime.timedelta(weeks=1)
    return days


def next_friday() -> datetime.date:
    """The Friday of the week after next (or a later one, when that one is a public holiday)."""
    friday = today() - datetime.timedelta(days=today().weekday()) + datetime.timedelta(weeks=2, days=4)
    while is_holiday(friday):
        friday += datetime.timedelta(weeks=1)
    return friday


def next_christmas() -> datetime.date:
    christmas = datetime.date(today().year, 12, 25)
    return christmas if christmas > today() else datetime.date(today().year + 1, 12, 25)


DAYS = next_working_days(6)  # 0: the morning, 1: the hours, 2–3: the two days (story 2), 4–5: sick leave
SATURDAY = DAYS[0] + datetime.timedelta(days=5 - DAYS[0].weekday())


# --- the server, the people, the browsers -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def gateway():
    """A PersoPoint of its own (development mode: demo people and HR register, the development mailbox)."""
    server = start_own_server("absences")
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def base_url(gateway):
    """The pages of this module are this module's server's (whatever PERSOPOINT_URL says)."""
    return gateway.url


@pytest.fixture(scope="module")
def people(gateway):
    people = demo_people(gateway)
    for name in ("Sophie", "Pieter", "Emma", "Marc"):
        assert name in people, f"no demo person {name}: {sorted(people)}"
    return people


@pytest.fixture(scope="module")
def contexts(browser, gateway):
    """contexts(size) → a new page in a new browser context (English), on this module's server."""
    opened = []

    def open_page(size=DESKTOP):
        context = browser.new_context(base_url=gateway.url, **ENGLISH, **size)
        context.set_default_timeout(15_000)
        opened.append(context)
        return context.new_page()

    yield open_page
    for context in opened:
        context.close()


@pytest.fixture(scope="module")
def sophie(contexts):
    return contexts(PHONE)


@pytest.fixture(scope="module")
def pieter(contexts):
    return contexts(DESKTOP)


@pytest.fixture(scope="module")
def emma(contexts):
    return contexts(DESKTOP)


@pytest.fixture(scope="module")
def marc(contexts):
    return contexts(DESKTOP)


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(scope="module")
def audits():
    """One axe audit per screen size, shared by the stories and finished by the last one."""
    return {}


def audit_for(audits, axe, screenshot, size):
    if size not in audits:
        audits[size] = Audit(axe, screenshot, "en", size, "PersoSelfService absences")
    return audits[size]


# --- helpers -------------------------------------------------------------------------------------------------------








def open_as(page, path, person):
    """Opens `path`, logging in with the token card first if the gateway asks; returns the final page's status."""
    statuses, listener = navigation_statuses(page)
    try:
        page.goto(path)
        page.wait_for_load_state("load")
        if LOGIN_URL.search(page.url):
            log_in_with_token_card(page, person)
            expect(page).not_to_have_url(re.compile(r"/fas/"))
            page.wait_for_load_state("load")
    finally:
        page.remove_listener("response", listener)
    return statuses[-1][1] if statuses else None


def sideways_scroll(page, what):
    """Records it when the page scrolls sideways on a phone (asserted by story 5)."""
    page.wait_for_load_state("load")
    widths = page.evaluate("({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    widths["phone"] = page.viewport_size["width"]
    if widths["scroll"] > min(widths["inner"], widths["phone"]):
        STATE["sideways"].append(f"{what} scrolls sideways on a phone: {widths} at {page.url}")
    # A table wider than the phone inside an overflow-x box: the page does not move, but its right-hand columns
    # (what is left, the buttons) are out of sight until the table is scrolled sideways.
    for box in page.locator(".table-scroll").evaluate_all(
            "bs => bs.map(b => ({table: (b.querySelector('table') || {}).id, scroll: b.scrollWidth, client: b.clientWidth}))"):
        if box["scroll"] > box["client"] + 1:
            STATE["sideways"].append(f"{what}: table#{box['table']} scrolls sideways on a phone "
                                     f"({box['scroll']} px wide in {box['client']} px) at {page.url}")


def mail_text(mail):
    return "\n".join(str(mail.get(k) or "") for k in ("subject", "text", "html"))


def request_link(mail, absence_id):
    found = re.findall(rf"https?://[^\s\"'<>]+/selfservice/team/requests/{absence_id}", mail_text(mail))
    assert found, f"the e-mail {mail.get('subject')!r} has no link to the request {absence_id}:\n{mail_text(mail)[:2000]}"
    return found[0]


def absences_listed(page):
    """{absence id: status} of #my-absences."""
    if not page.locator("#my-absences").count():
        return {}
    return dict(page.locator("#my-absences tr[data-absence]").evaluate_all(
        "rows => rows.map(r => [r.dataset.absence, r.dataset.status])"))


def balance(page, type_, column):
    """The minutes of a cell of #balances (data-minutes)."""
    cell = page.locator(f'#balances tr[data-type="{type_}"] td.{column}')
    expect(cell).to_have_attribute("data-minutes", re.compile(r"^-?\d+$"))
    return int(cell.get_attribute("data-minutes"))


def fill_request(page, type_, first, last=None, part="full", start=None, end=None):
    page.locator("select#absence-type").select_option(type_)
    page.locator("#absence-from").fill(first.isoformat())
    page.locator("#absence-to").fill(last.isoformat() if last else "")
    page.locator(f"#part-{part}").check()
    if part == "hours":
        page.locator("#absence-start").fill(start)
        page.locator("#absence-end").fill(end)


def ask(page, what, *args, **kwargs):
    """Sends a request that must be taken; returns the new absence's id."""
    before = absences_listed(page)
    fill_request(page, *args, **kwargs)
    status = submit(page, "#request-absence", what)
    problems = page.locator(".form-error").all_inner_texts() if status != 200 else []
    assert status == 200, f"{what} → {status} at {page.url}: {problems}"
    expect(page).to_have_url(re.compile(r"/selfservice/absences\?done=requested$"))
    expect(page.locator("#requested")).to_be_visible()
    new = set(absences_listed(page)) - set(before)
    assert len(new) == 1, f"{what}: {len(new)} new rows in #my-absences: {absences_listed(page)}"
    return new.pop()


def status_of(page, absence_id):
    row = page.locator(f'#my-absences tr[data-absence="{absence_id}"]')
    expect(row).to_have_count(1)
    return row.get_attribute("data-status")


def long_day_pattern(day):
    """What a page says for a day: its day of month and its year, at least."""
    return re.compile(rf"\b{day.day}\b.*\b{day.year}\b")


# --- 1. A morning and some hours ----------------------------------------------------------------------------------


def test_1_sophie_asks_a_morning_and_hours_and_pieter_approves_one_and_refuses_the_other(
        sophie, pieter, gateway, people, axe, audits, screenshot):
    morning_day, hours_day = DAYS[0], DAYS[1]
    page = sophie
    status = open_as(page, "/selfservice/absences?lang=en", people["Sophie"])
    assert status == 200, f"Sophie's /selfservice/absences → {status} at {page.url}"
    expect(page).to_have_url(re.compile(r"/selfservice/absences(\?.*)?$"))
    expect(page.locator("#balances")).to_be_visible()
    assert balance(page, "annual", "entitled") == 26 * FULL_DAY
    assert balance(page, "compensatory", "entitled") == 912
    expect(page.locator('#balances tr[data-type="compensatory"] td.entitled')).to_have_text("15:12")
    planned_before = balance(page, "annual", "planned")
    for circumstance in ("marriage", "birth", "death_close", "death_relative"):
        row = page.locator(f'#balances tr[data-type="{circumstance}"]')
        expect(row).to_have_count(1)
        expect(row.locator("td.entitled")).to_contain_text("working days per event")
        assert row.locator("td.entitled").get_attribute("data-minutes") is None, f"{circumstance}: entitled has data-minutes"
        assert row.locator("td.left").get_attribute("data-minutes") is None, f"{circumstance}: left has data-minutes"
    expect(page.locator('#balances tr[data-type="exceptional"]')).to_have_count(1)

    morning = ask(page, "the morning of annual leave", "annual", morning_day, part="morning")
    hours = ask(page, "13:00–16:30 of compensatory leave", "compensatory", hours_day, part="hours", start="13:00", end="16:30")
    assert status_of(page, morning) == "requested" and status_of(page, hours) == "requested"
    expect(page.locator(f'#my-absences tr[data-absence="{morning}"] button.withdraw')).to_have_count(1)
    assert balance(page, "annual", "planned") == planned_before + 228
    assert balance(page, "compensatory", "planned") == 210
    assert balance(page, "compensatory", "left") == 702
    expect(page.locator('#balances tr[data-type="compensatory"] td.left')).to_have_text("11:42")
    sideways_scroll(page, "the absences page with two requests")
    screenshot(page, "absences-sophie-phone")

    # Christmas and a Saturday: refused with the reason, what she typed kept.
    christmas = next_christmas()
    fill_request(page, "annual", christmas)
    status = submit(page, "#request-absence", "annual leave on Christmas day")
    assert status == 422, f"annual leave on Christmas day → {status}"
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#absence-from-error")).to_contain_text("is a public holiday (Christmas)")
    expect(page.locator("#absence-from-error")).to_contain_text(long_day_pattern(christmas))
    expect(page.locator("select#absence-type")).to_have_value("annual")
    expect(page.locator("#absence-from")).to_have_value(christmas.isoformat())
    expect(page.locator("#part-full")).to_be_checked()
    sideways_scroll(page, "the absences page with a refusal")
    screenshot(page, "absences-christmas-refused-phone")
    audit_for(audits, axe, screenshot, "phone").check(page, "absences-refused")

    fill_request(page, "compensatory", SATURDAY, part="hours", start="09:00", end="11:00")
    status = submit(page, "#request-absence", "compensatory hours on a Saturday")
    assert status == 422, f"compensatory hours on a Saturday → {status}"
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#absence-from-error")).to_contain_text("is a weekend day")
    expect(page.locator("select#absence-type")).to_have_value("compensatory")
    expect(page.locator("#absence-from")).to_have_value(SATURDAY.isoformat())
    expect(page.locator("#part-hours")).to_be_checked()
    expect(page.locator("#absence-start")).to_have_value("09:00")
    expect(page.locator("#absence-end")).to_have_value("11:00")
    assert set(absences_listed(page)) == {morning, hours}, f"a refused request was kept: {absences_listed(page)}"

    # Pieter's e-mails, in Dutch, with the request's link.
    sophie_name = f"{people['Sophie']['givenName']} {people['Sophie']['surname']}"
    links = {}
    for absence_id in (morning, hours):
        mails = wait_for_mail(gateway, people["Pieter"]["email"], lambda m, i=absence_id: f"/requests/{i}" in mail_text(m),
                              f"Pieter's e-mail about the request {absence_id}")
        assert len(mails) == 1, f"{len(mails)} e-mails to Pieter about {absence_id}"
        subject = mails[0].get("subject") or ""
        assert "Verlofaanvraag" in subject and sophie_name in subject, f"Pieter's request e-mail (Dutch): subject {subject!r}"
        links[absence_id] = request_link(mails[0], absence_id)
    assert links[morning].startswith(gateway.url), f"the e-mail's link {links[morning]} is not on {gateway.url}"

    # Pieter opens the link, logs in, and approves the morning.
    status = open_as(pieter, links[morning], people["Pieter"])
    assert status == 200, f"Pieter opening the e-mail's link → {status} at {pieter.url}"
    expect(pieter).to_have_url(re.compile(rf"/selfservice/team/requests/{morning}(\?.*)?$"))
    expect(pieter.locator("#absence-facts")).to_contain_text(sophie_name)
    expect(pieter.locator("#absence-facts")).to_contain_text(long_day_pattern(morning_day))
    expect(pieter.locator("#balance-after")).to_be_visible()
    expect(pieter.locator("#approve")).to_be_visible()
    screenshot(pieter, "absences-request-pieter")
    audit_for(audits, axe, screenshot, "desktop").check(pieter, "absences-request")

    assert visit(pieter, "/selfservice?lang=en") == 200
    expect(pieter.locator("#manager-notice")).to_be_visible()
    expect(pieter.locator("#team-link")).to_be_visible()
    expect(pieter.locator("#waiting-count")).to_have_attribute("data-count", "2")
    for card in ("#absences-link", "#payslips-link", "#file-link", "#personal-data-link"):
        expect(pieter.locator(card)).to_be_visible()
    pieter.locator("#team-link").click()
    expect(pieter).to_have_url(re.compile(r"/selfservice/team(\?.*)?$"))
    for absence_id in (morning, hours):
        expect(pieter.locator(f'#waiting tr[data-absence="{absence_id}"] a.open-request')).to_have_count(1)
    pieter.locator(f'#waiting tr[data-absence="{morning}"] a.open-request').click()
    expect(pieter).to_have_url(re.compile(rf"/selfservice/team/requests/{morning}$"))

    status = submit(pieter, "#approve", "approving the morning")
    assert status == 200, f"approving → {status} at {pieter.url}"
    expect(pieter).to_have_url(re.compile(r"/selfservice/team\?done=decided$"))
    expect(pieter.locator("#decided")).to_be_visible()
    status = visit(pieter, links[morning])
    assert status == 200
    expect(pieter.locator("#approve")).to_have_count(0)

    # The hours: refused, first without a reason.
    assert visit(pieter, links[hours]) == 200
    status = submit(pieter, "#refuse", "refusing without a reason")
    assert status == 422, f"refusing without a reason → {status}"
    expect(pieter.locator("#reason-missing")).to_be_visible()
    audit_for(audits, axe, screenshot, "desktop").check(pieter, "absences-request-reason-missing")
    reason = "The team is short-handed that afternoon: the budget closing."
    pieter.locator("#refusal-reason").fill(reason)
    status = submit(pieter, "#refuse", "refusing with a reason")
    assert status == 200, f"refusing with a reason → {status} at {pieter.url}"
    expect(pieter).to_have_url(re.compile(r"/selfservice/team\?done=decided$"))
    expect(pieter.locator("#decided")).to_be_visible()
    expect(pieter.locator("#none-waiting")).to_be_visible()
    screenshot(pieter, "absences-team-pieter")

    # Sophie's list, the reason, her balance, her e-mails.
    assert visit(page, "/selfservice/absences?lang=en") == 200
    assert status_of(page, morning) == "approved", absences_listed(page)
    assert status_of(page, hours) == "refused", absences_listed(page)
    expect(page.locator(f'#my-absences tr[data-absence="{morning}"] td.status')).to_have_text("Approved")
    expect(page.locator(f'#my-absences tr[data-absence="{hours}"] td.status')).to_have_text("Refused")
    expect(page.locator(f'#my-absences tr[data-absence="{morning}"] button.ask-cancellation')).to_have_count(1)
    expect(page.locator(f'#my-absences tr[data-absence="{hours}"] button')).to_have_count(0)
    assert balance(page, "compensatory", "planned") == 0
    assert balance(page, "compensatory", "left") == 912
    assert balance(page, "annual", "planned") == planned_before + 228
    page.locator(f'#my-absences tr[data-absence="{hours}"] a.details').click()
    expect(page).to_have_url(re.compile(rf"/selfservice/absences/{hours}$"))
    expect(page.locator("#absence-facts")).to_be_visible()
    expect(page.locator("ol#history")).to_contain_text("Asked by " + sophie_name)
    expect(page.locator("ol#history")).to_contain_text("Refused by Pieter Janssens")
    expect(page.locator("ol#history p.reason")).to_contain_text(reason)
    sideways_scroll(page, "the details of a refused request")
    screenshot(page, "absences-refused-details-phone")

    for absence_id, word in ((morning, "approuvé"), (hours, "refusé")):
        mails = wait_for_mail(gateway, people["Sophie"]["email"],
                              lambda m, i=absence_id: f"/selfservice/absences/{i}" in mail_text(m), f"Sophie's decision e-mail ({word})")
        assert len(mails) == 1, f"{len(mails)} decision e-mails to Sophie about {absence_id}"
        assert word in (mails[0].get("subject") or ""), f"Sophie's decision e-mail: subject {mails[0].get('subject')!r}, not {word!r}"
    refusal = wait_for_mail(gateway, people["Sophie"]["email"], lambda m: f"/selfservice/absences/{hours}" in mail_text(m), "")[0]
    assert reason in mail_text(refusal), f"the refusal e-mail does not give the reason:\n{mail_text(refusal)[:1500]}"
    STATE["story1"] = True


# --- 2. A substitute, a cancellation ------------------------------------------------------------------------------


def test_2_emma_approves_as_substitute_and_pieter_agrees_to_cancel(sophie, pieter, emma, marc, gateway, people, screenshot):
    first, last = DAYS[2], DAYS[3]
    sophie_name = f"{people['Sophie']['givenName']} {people['Sophie']['surname']}"

    # Pieter names Emma for today to a week from now.
    assert open_as(pieter, "/selfservice/team?lang=en", people["Pieter"]) == 200
    expect(pieter).to_have_url(re.compile(r"/selfservice/team(\?.*)?$"))
    pieter.locator("#away-from").fill(today().isoformat())
    pieter.locator("#away-to").fill((today() + datetime.timedelta(days=7)).isoformat())
    offered = pieter.locator("select#substitute option").evaluate_all("os => os.map(o => o.value)")
    assert people["Emma"]["nrn"] in offered, f"Emma ({people['Emma']['nrn']}) is not offered as substitute: {offered}"
    pieter.locator("select#substitute").select_option(people["Emma"]["nrn"])
    status = submit(pieter, "#save-substitute", "naming Emma substitute")
    assert status == 200, f"naming Emma substitute → {status}"
    expect(pieter).to_have_url(re.compile(r"/selfservice/team\?done=substitute-saved$"))
    expect(pieter.locator("#substitute-saved")).to_be_visible()
    expect(pieter.locator('[id="substitute"]')).to_have_count(1)
    expect(pieter.locator("ul#substitutions li")).to_have_count(1)
    expect(pieter.locator("ul#substitutions li")).to_contain_text("Emma Peeters")
    expect(pieter.locator("ul#substitutions button.remove-substitute")).to_have_count(1)

    # Sophie asks two days.
    page = sophie
    assert open_as(page, "/selfservice/absences?lang=en", people["Sophie"]) == 200
    planned_before = balance(page, "annual", "planned")
    two_days = ask(page, "two days of annual leave", "annual", first, last)
    assert balance(page, "annual", "planned") == planned_before + 2 * FULL_DAY

    # Emma's e-mail; she opens its link, logs in and approves.
    mails = wait_for_mail(gateway, people["Emma"]["email"], lambda m: f"/requests/{two_days}" in mail_text(m),
                          "the request e-mail to Emma, the substitute")
    link = request_link(mails[0], two_days)
    status = open_as(emma, link, people["Emma"])
    assert status == 200, f"Emma opening the e-mail's link → {status} at {emma.url}"
    expect(emma).to_have_url(re.compile(rf"/selfservice/team/requests/{two_days}(\?.*)?$"))
    expect(emma.locator("#absence-facts")).to_contain_text(sophie_name)
    status = submit(emma, "#approve", "Emma approving as substitute")
    assert status == 200, f"Emma approving → {status} at {emma.url}"
    expect(emma).to_have_url(re.compile(r"/selfservice/team\?done=decided$"))
    expect(emma.locator("#decided")).to_be_visible()
    screenshot(emma, "absences-team-emma-substitute")

    assert visit(page, "/selfservice/absences?lang=en") == 200
    assert status_of(page, two_days) == "approved"
    assert visit(page, f"/selfservice/absences/{two_days}") == 200
    expect(page.locator("ol#history")).to_contain_text("Approved by Emma Peeters, substitute of Pieter Janssens")
    screenshot(page, "absences-approved-by-substitute-phone")

    # She asks to cancel them: still planned until Pieter agrees.
    assert visit(page, "/selfservice/absences?lang=en") == 200
    status = submit(page, f'#my-absences tr[data-absence="{two_days}"] button.ask-cancellation', "asking to cancel")
    assert status == 200, f"asking to cancel → {status}"
    expect(page).to_have_url(re.compile(r"/selfservice/absences\?done=cancellation$"))
    expect(page.locator("#cancellation")).to_be_visible()
    assert status_of(page, two_days) == "cancellation_requested"
    assert balance(page, "annual", "planned") == planned_before + 2 * FULL_DAY

    assert visit(pieter, f"/selfservice/team/requests/{two_days}?lang=en") == 200
    expect(pieter.locator("#agree-cancellation")).to_be_visible()
    expect(pieter.locator("#keep-leave")).to_be_visible()
    status = submit(pieter, "#agree-cancellation", "Pieter agreeing to cancel")
    assert status == 200, f"agreeing to cancel → {status} at {pieter.url}"
    expect(pieter.locator("#decided")).to_be_visible()

    assert visit(page, "/selfservice/absences?lang=en") == 200
    assert status_of(page, two_days) == "cancelled"
    assert balance(page, "annual", "planned") == planned_before
    assert visit(page, f"/selfservice/absences/{two_days}") == 200
    expect(page.locator("ol#history")).to_contain_text("Cancellation asked by " + sophie_name)
    expect(page.locator("ol#history")).to_contain_text("Cancelled with the agreement of Pieter Janssens")

    # Deciding twice: nothing changes.
    assert visit(pieter, f"/selfservice/team/requests/{two_days}?lang=en") == 200
    expect(pieter.locator("#approve")).to_have_count(0)
    expect(pieter.locator("#agree-cancellation")).to_have_count(0)

    # Marc, no manager of hers, opening the link.
    status = open_as(marc, link, people["Marc"])
    assert status == 403, f"Marc opening the request's link → {status} at {marc.url}"
    expect(marc.locator("#not-yours")).to_be_visible()
    expect(marc.locator("#approve")).to_have_count(0)
    screenshot(marc, "absences-request-403-marc")


# --- 3. Sick leave ------------------------------------------------------------------------------------------------


def test_3_sophie_registers_sick_leave_and_pieter_only_sees_she_is_away(sophie, pieter, gateway, people, axe, audits, screenshot, tmp_path):
    first, last = DAYS[4], DAYS[5]
    page = sophie
    assert open_as(page, "/selfservice/absences?lang=en", people["Sophie"]) == 200
    before = absences_listed(page)
    page.locator("#sick-link").click()
    expect(page).to_have_url(re.compile(r"/selfservice/absences/sick(\?.*)?$"))
    expect(page.locator("#sick-form")).to_be_visible()
    page.locator("#sick-from").fill(first.isoformat())
    page.locator("#sick-to").fill(last.isoformat())
    status = submit(page, "#register-sick", "sick leave without a certificate")
    assert status == 422, f"sick leave without a certificate → {status}"
    expect(page.locator("#sick-certificate-error")).to_be_visible()
    expect(page.locator("#sick-from")).to_have_value(first.isoformat())
    sideways_scroll(page, "the sick leave form")
    screenshot(page, "absences-sick-missing-certificate-phone")

    page.locator("#sick-from").fill(first.isoformat())
    page.locator("#sick-to").fill(last.isoformat())
    page.locator("#sick-certificate").set_input_files(files=[{"name": CERTIFICATE_NAME, "mimeType": "application/pdf", "buffer": PDF}])
    status = submit(page, "#register-sick", "sick leave with its certificate")
    assert status == 200, f"sick leave with its certificate → {status} at {page.url}: {page.locator('.form-error').all_inner_texts()}"
    expect(page).to_have_url(re.compile(r"/selfservice/absences\?done=sick$"))
    expect(page.locator("#sick")).to_be_visible()
    new = set(absences_listed(page)) - set(before)
    assert len(new) == 1, f"{len(new)} new rows after the sick leave: {absences_listed(page)}"
    sick = new.pop()
    assert status_of(page, sick) == "recorded"
    expect(page.locator(f'#my-absences tr[data-absence="{sick}"] button')).to_have_count(0)
    screenshot(page, "absences-sick-registered-phone")

    # Pieter: no request to decide; the days are marked absent, and nothing says why.
    sophie_row = f'#team-calendar tr[data-person="{people["Sophie"]["nrn"]}"]'
    for month in sorted({d.strftime("%Y-%m") for d in (first, last)}):
        assert open_as(pieter, f"/selfservice/team?month={month}&lang=en", people["Pieter"]) == 200
        expect(pieter.locator("#none-waiting")).to_be_visible()
        for day in (first, last):
            if day.strftime("%Y-%m") == month:
                cell = pieter.locator(f'{sophie_row} td[data-day="{day.isoformat()}"]')
                expect(cell).to_have_class(re.compile(r"(^|\s)away(\s|$)"))
                expect(cell).to_have_attribute("title", "Absent")
        html = pieter.content()
        said = [word for word in FORBIDDEN if word in html]
        assert not said, f"Pieter's team page ({month}) says {said}"
    screenshot(pieter, "absences-team-sick-pieter")

    mails = wait_for_mail(gateway, people["Pieter"]["email"], lambda m: "/selfservice/team?month=" in mail_text(m), "Pieter's e-mail about the absence")
    assert len(mails) == 1, f"{len(mails)} e-mails to Pieter about the sick leave"
    said = [word for word in FORBIDDEN if word in mail_text(mails[0])]
    assert not said, f"Pieter's e-mail about the absence says {said}:\n{mail_text(mails[0])[:2000]}"
    # The e-mail's link leads Pieter to his team's month, where the days show as "absent".
    links = re.findall(r"https?://[^\s\"'<>]+", mails[0].get("text") or "")
    assert links and all("/selfservice/team?month=" in found for found in links), f"links in Pieter's e-mail: {links}"
    for found in links:
        assert visit(pieter, found) == 200, f"the link in Pieter's e-mail, {found}"

    # Sophie downloads her certificate; Pieter may not.
    assert visit(page, f"/selfservice/absences/{sick}?lang=en") == 200
    link = page.locator("#certificate-link")
    expect(link).to_be_visible()
    expect(link).to_contain_text(CERTIFICATE_NAME)
    with page.expect_download() as download:
        link.click()
    saved = tmp_path / "certificate.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes() == PDF, f"the certificate downloaded is not the one sent ({saved.stat().st_size} bytes)"
    assert download.value.suggested_filename == CERTIFICATE_NAME, download.value.suggested_filename
    screenshot(page, "absences-sick-details-phone")

    status = visit(pieter, f"/selfservice/absences/{sick}/certificate")
    assert status == 404, f"Pieter asking Sophie's certificate → {status}"
    assert PDF.decode() not in pieter.content()
    STATE["sick"] = sick


# --- 4. Emma's Friday ---------------------------------------------------------------------------------------------


def test_4_emma_working_four_fifths_cannot_ask_her_free_friday(emma, people, screenshot):
    page = emma
    assert open_as(page, "/selfservice/absences?lang=en", people["Emma"]) == 200
    expect(page).to_have_url(re.compile(r"/selfservice/absences(\?.*)?$"))
    assert balance(page, "annual", "entitled") == 9464
    before = absences_listed(page)
    friday = next_friday()
    fill_request(page, "annual", friday)
    status = submit(page, "#request-absence", "Emma's annual leave on a Friday")
    assert status == 422, f"Emma's annual leave on a Friday → {status}"
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#absence-from-error")).to_contain_text("is not a working day in your regime.")
    expect(page.locator("#absence-from")).to_have_value(friday.isoformat())
    assert absences_listed(page) == before
    screenshot(page, "absences-emma-friday-refused")


# --- 5. Accessibility and phones ----------------------------------------------------------------------------------


def test_5_absence_pages_have_no_wcag_violation_and_fit_a_phone(sophie, pieter, people, axe, audits, screenshot):
    phone = audit_for(audits, axe, screenshot, "phone")
    desktop = audit_for(audits, axe, screenshot, "desktop")
    assert open_as(sophie, "/selfservice/absences?lang=en", people["Sophie"]) == 200
    expect(sophie.locator("#absence-form")).to_be_visible()
    sideways_scroll(sophie, "the absences page")
    phone.check(sophie, "absences")
    assert visit(sophie, "/selfservice/absences/sick?lang=en") == 200
    sideways_scroll(sophie, "the sick leave form")
    phone.check(sophie, "absences-sick")

    assert open_as(pieter, "/selfservice/team?lang=en", people["Pieter"]) == 200
    expect(pieter.locator("#team-calendar")).to_be_visible()
    desktop.check(pieter, "absences-team")
    pieter.locator("#next-month").click()
    expect(pieter).to_have_url(re.compile(r"/selfservice/team\?month=\d{4}-\d{2}$"))
    expect(pieter.locator("#previous-month")).to_be_visible()

    problems = sorted(set(STATE["sideways"]))
    audited = {name for audit in audits.values() for name, _, _ in audit.problems}
    for audit in audits.values():
        if audit.problems:
            problems.append(f"{len(audit.problems)} WCAG A/AA violation(s) ({audit.size}):\n" + "\n".join(audit.lines(audit.problems)))
    assert not problems, f"pages with findings: {sorted(audited)}\n" + "\n".join(problems)
