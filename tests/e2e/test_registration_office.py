"""The registration office (issue 16), in a real browser, on a server of its own: from an appointment to a first login.

  1. Nadia Haddad, a new civil servant with no key yet, books an appointment at the BOSA office on her phone
     (390x844, English): the office list, the week's free slots, the first one taken, her name, her new personal
     e-mail and "passport". The appointment page shows; the e-mail names the office, links to the appointment page and
     carries appointment.ics, whose VEVENT starts at the chosen slot (Europe/Brussels). She moves the appointment to
     another slot (the page and the calendar file say the new time) and keeps it.
  2. Emma Peeters, registration officer at BOSA, opens the desk: the gateway asks Level450, she identifies with the
     eID card in her reader (Playwright's client certificates, PIN 1234). The agenda of the appointment's day lists
     Nadia; "register" opens the form prefilled from the appointment. A wrong check number and an expired passport
     are refused (422, .form-error, what was typed kept); then the registration with the token card: the printable
     activation letter (also as printed), and the activation e-mail to Nadia.
  3. Nadia opens the e-mailed link: a wrong code is refused (422, tries left), the letter's code typed in lower case
     with spaces instead of dashes is taken, with her username and password; #activated shows her token card.
  4. She logs in to PersoSelfService with username, password and a code of that card, and is welcomed by name.
  5. Emma's page for Nadia shows her keys and the activity; Nadia's own "my activity" shows the registration by
     the BOSA office.
  6. Marc (no registration_officer role), logged in with his eID, gets 403; Sophie, logged in with her token card
     (Level300), is sent to the key chooser for a stronger login instead of the desk.
  7. The activation link used a second time: 410, #activation-gone (an unknown link: 404, the same explanation).
  8. At the desk, a national number already registered and a missing e-mail are refused (422); a second person's
     activation is blocked after five wrong codes (410, #activation-gone).
  9. Two people on the Liège office's page (one place per slot) choose the same slot: the second gets 409 and the
     form again with what she typed. (Bad input on the booking form, 422 with the fields kept, is in story 1.)
 10. Nothing of the public pages scrolls sideways on the phone; axe-core (WCAG 2.x A/AA) on the booking page, the
     appointment page, the desk's agenda, the register form and the activation page: no serious or critical
     violation.

The stories run in file order and share the module's server and the browsers of Nadia and Emma (one session each).
Screenshots: office-*.png and a11y-office-*.png in the e2e screenshot directory (PERSOPOINT_SCREENSHOTS).
"""

import base64
import datetime
import random
import re
import sys
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
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
SLOT_VALUE = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$")
APPOINTMENT_URL = re.compile(r"/office/appointment/([A-Za-z0-9_-]{32,64})(\?.*)?$")  # ?done=… says what was done
ACTIVATION_LINK = re.compile(r"https?://[^\s\"'<>]+/office/activate/[A-Za-z0-9_-]+")
ACTIVATION_CODE = re.compile(r"^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")
UUID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
SLOT_STARTS = {f"{h:02d}:{m:02d}" for h in (9, 10, 11, 13, 14, 15) for m in (0, 30)}  # 09:00–12:00, 13:00–16:00

RUN = uuid.uuid4().hex[:8]  # this run's markers
PASSWORD = "Kw8!meadow-Orbit-Tulip"


def national_number(birth: datetime.date, sequence: int) -> str:
    """A valid Belgian national register number: YYMMDD, the day's sequence (odd for men, even for women), and the
    check number 97 - (the nine digits modulo 97), the nine digits preceded by 2 for births from 2000 on."""
    first = f"{birth:%y%m%d}{sequence:03d}"
    number = int(("2" if birth.year >= 2000 else "") + first)
    return f"{first}{97 - number % 97:02d}"


def wrong_check_number(nrn: str) -> str:
    return nrn[:9] + f"{(int(nrn[9:]) + 1) % 100:02d}"


NADIA = {
    "givenName": "Nadia",
    "surname": "Haddad",
    "email": f"nadia.haddad.{RUN}@example.org",
    "nrn": national_number(datetime.date(2001, 3, 14), random.randrange(2, 998, 2)),
    "username": f"nadia.haddad{RUN[:4]}",
    "password": PASSWORD,
    "passport": f"EM{random.randrange(100000, 999999)}",
}

# What the stories leave for the next ones (the module's tests run in file order).
STATE = {"sideways": []}


# --- the server, the people, the browsers -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def gateway():
    """A PersoPoint of its own (development mode: demo people and offices, the development PKI and mailbox)."""
    server = start_own_server("office-e2e")
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def base_url(gateway):
    """The pages of this module are this module's server's (whatever PERSOPOINT_URL says)."""
    return gateway.url


@pytest.fixture(scope="module")
def people(gateway):
    people = demo_people(gateway)
    for name in ("Sophie", "Marc", "Emma"):
        assert name in people, f"no demo person {name}: {sorted(people)}"
    assert "bosa:registration_officer" in people["Emma"]["memberships"], people["Emma"]["memberships"]
    assert not any(m.endswith(":registration_officer") for m in people["Marc"]["memberships"]), people["Marc"]["memberships"]
    return people


@pytest.fixture(scope="module")
def contexts(browser, gateway):
    """contexts(size, card=person or None) → a new page in a new browser context (English); with card, the person's
    eID card is "in the reader" (the PKCS#12 file of the development PKI, PIN 1234) for the eID origin."""
    opened = []

    def open_page(size=DESKTOP, card=None):
        options = {**ENGLISH, **size}
        if card is not None:
            p12 = gateway.pki_dir / "cards" / f"{card['nrn']}.p12"
            assert p12.is_file(), f"--dev should have issued {card['givenName']}'s card as {p12}"
            options.update(ignore_https_errors=True,
                           client_certificates=[{"origin": gateway.eid_url, "pfxPath": str(p12), "passphrase": "1234"}])
        context = browser.new_context(base_url=gateway.url, **options)
        context.set_default_timeout(15_000)
        opened.append(context)
        return context.new_page()

    yield open_page
    for context in opened:
        context.close()


@pytest.fixture(scope="module")
def nadia_page(contexts):
    """Nadia's phone, for every story she is in: one context, one session."""
    return contexts(PHONE)


@pytest.fixture(scope="module")
def emma_page(contexts, people):
    """Emma's desktop at the office, her eID card in the reader."""
    return contexts(DESKTOP, card=people["Emma"])


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture(scope="module")
def audits(axe):
    """One axe audit per screen size, shared by the stories and finished by the last one."""
    return {}


def audit_for(audits, axe, screenshot, size):
    if size not in audits:
        audits[size] = Audit(axe, screenshot, "en", size, "Registration office")
    return audits[size]


# --- helpers -------------------------------------------------------------------------------------------------------






def without_browser_checks(page, form):
    """Turns the browser's own form checks off (required, type=email, min…), so that what reaches the server is what
    the test typed: the server's checks are the ones under test, as an old browser or a script would meet them."""
    page.locator(form).evaluate("f => { f.noValidate = true; }")






def mail_bodies(mail):
    return (mail.get("text") or "") + "\n" + (mail.get("html") or "")


def sideways_scroll(page, what):
    """Records it when the page scrolls sideways on a phone (asserted by story 9)."""
    page.wait_for_load_state("load")
    widths = page.evaluate("({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    widths["phone"] = page.viewport_size["width"]
    if widths["scroll"] > min(widths["inner"], widths["phone"]):
        STATE["sideways"].append(f"{what} scrolls sideways on a phone: {widths} at {page.url}")


def slot_radios(page):
    return page.locator("#booking-form input[type=radio][name=slot]")


def offered_slots(page):
    """The slots the booking form offers, as (value, id) in page order."""
    return page.locator("#booking-form input[name=slot]").evaluate_all("rs => rs.map(r => [r.value, r.id])")


def choose_slot(page, value):
    """Chooses the slot as a person does: the radio, or its label when the radio itself is styled away."""
    radio = page.locator(f'#booking-form input[name=slot][value="{value}"]')
    if radio.is_visible():
        radio.check()
    else:
        page.locator(f'label[for="{radio.get_attribute("id")}"]').click()
    expect(radio).to_be_checked()


def slot_datetime(value) -> datetime.datetime:
    """A slot value (Brussels local time) as an aware datetime."""
    return datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M").replace(tzinfo=BRUSSELS)


def check_offered_slots(slots, what):
    """Every offered slot: its id, from tomorrow on (Brussels), Monday to Friday within the opening hours, a week at
    most."""
    assert slots, f"{what}: no free slot offered at all"
    tomorrow = datetime.datetime.now(BRUSSELS).date() + datetime.timedelta(days=1)
    days = set()
    for value, radio_id in slots:
        match = SLOT_VALUE.match(value or "")
        assert match, f"{what}: a slot's value is {value!r}, not YYYY-MM-DDTHH:MM"
        day, hours, minutes = match.groups()
        assert radio_id == f"slot-{day}-{hours}{minutes}", f"{what}: the radio for {value} has the id {radio_id!r}"
        date = datetime.date.fromisoformat(day)
        assert date >= tomorrow, f"{what}: {value} is offered but the slots start tomorrow ({tomorrow})"
        assert date.weekday() < 5, f"{what}: {value} is offered on a {date:%A}"
        assert f"{hours}:{minutes}" in SLOT_STARTS, f"{what}: {value} is outside the opening hours (09:00–12:00, 13:00–16:00)"
        days.add(date)
    assert len(set(v for v, _ in slots)) == len(slots), f"{what}: a slot is offered twice: {slots}"
    assert (max(days) - min(days)).days < 7, f"{what}: the form offers more than a week at a time: {min(days)} … {max(days)}"


def when_pattern(value):
    """What the appointment page must say for a slot: its time (10:30, 10.30 or 10h30) and its day of month."""
    moment = slot_datetime(value)
    return re.compile(rf"{moment.hour:d}[:.h]{moment.minute:02d}"), re.compile(rf"\b{moment.day}\b")


def ics_events(ics_bytes, what):
    calendar = icalendar.Calendar.from_ical(ics_bytes)
    method = str(calendar.get("METHOD") or "")
    assert method.upper() in ("PUBLISH", "REQUEST"), f"{what}: METHOD is {method!r}"
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1, f"{what}: {len(events)} VEVENT(s) in\n{ics_bytes.decode(errors='replace')}"
    event = events[0]
    for prop in ("DTSTART", "DTEND", "SUMMARY", "LOCATION", "UID"):
        assert event.get(prop) is not None, f"{what}: the VEVENT has no {prop}:\n{ics_bytes.decode(errors='replace')}"
    return event


def ics_start(event, what):
    """DTSTART as Brussels local time (YYYY-MM-DDTHH:MM); a floating time (no TZID, no Z) means nothing to a calendar."""
    start = event.get("DTSTART").dt
    assert isinstance(start, datetime.datetime), f"{what}: DTSTART is a {type(start).__name__} ({start!r}), not a date and time"
    assert start.tzinfo is not None, f"{what}: DTSTART {start} is a floating time"
    end = event.get("DTEND").dt
    if isinstance(end, datetime.datetime):
        end = end if end.tzinfo else end.replace(tzinfo=BRUSSELS)
        assert end - start == datetime.timedelta(minutes=30), f"{what}: DTSTART {start} DTEND {end} is not a 30-minute slot"
    return start.astimezone(BRUSSELS).strftime("%Y-%m-%dT%H:%M")


def fill_booking(page, given, surname, email, document):
    page.locator("#given_name").fill(given)
    page.locator("#surname").fill(surname)
    page.locator("#email").fill(email)
    page.locator("select#document").select_option(document)


def choose_eid_and_identify(page, gateway):
    """At the key chooser: the eID key, then "identify" (the card in the reader answers the TLS handshake)."""
    expect(page).to_have_url(LOGIN_URL)
    page.locator("a#key-eid").click()
    expect(page).to_have_url(re.compile(r"/fas/login/eid\?tx="))
    identify = page.locator("#eid-identify")
    expect(identify).to_have_attribute("href", re.compile("^" + re.escape(f"{gateway.eid_url}/eid/identify?attempt=")))
    identify.click()


def expect_key_chooser_for_level_450(page, what):
    """The gateway's key chooser, asking a key of Level450 or more: the eID key offered, the token card not."""
    expect(page).to_have_url(LOGIN_URL)
    eid = page.locator("a#key-eid")
    expect(eid).to_be_visible()
    assert "disabled" not in (eid.get_attribute("class") or "") and eid.get_attribute("aria-disabled") != "true", \
        f"{what}: the eID key is not offered: {eid.evaluate('e => e.outerHTML')}"
    token = page.locator("a#key-token")
    if token.count():
        assert token.get_attribute("aria-disabled") == "true" or "disabled" in (token.get_attribute("class") or ""), \
            f"{what}: the token card (Level300) is offered for the desk (Level450): {token.evaluate('e => e.outerHTML')}"
    expect(page.locator("#agenda")).to_have_count(0)


def agenda_row(page, surname):
    return page.locator("#agenda tr.appointment").filter(has_text=surname)


# --- 1. Nadia books ------------------------------------------------------------------------------------------------


def test_1_nadia_books_an_appointment_at_the_bosa_office_and_moves_it(nadia_page, contexts, gateway, axe, audits, screenshot):
    page = nadia_page

    # The offices.
    status = visit(page, "/office")
    assert status == 200, f"GET /office → {status}"
    offices = page.locator("#offices li.office")
    expect(offices).to_have_count(2)
    bosa = page.locator('#offices li.office a.book[href$="/office/bosa/book"]')
    expect(bosa).to_have_count(1)
    expect(page.locator('#offices li.office a.book[href$="/office/liege/book"]')).to_have_count(1)
    expect(offices.filter(has=page.locator('a.book[href$="/office/bosa/book"]'))).to_contain_text("BOSA")
    sideways_scroll(page, "the office list")
    screenshot(page, "office-list-phone")

    # The BOSA office's week of free slots (also as seen on a desktop, audited there).
    bosa.click()
    expect(page).to_have_url(re.compile(r"/office/bosa/book(\?.*)?$"))
    expect(page.locator("form#booking-form")).to_be_visible()
    action = page.locator("form#booking-form").get_attribute("action") or ""
    assert action.rstrip("/").endswith("/office/bosa/book"), f"form#booking-form posts to {action!r}"
    assert (page.locator("form#booking-form").get_attribute("method") or "").lower() == "post"
    slots = offered_slots(page)
    check_offered_slots(slots, "the BOSA booking form")
    expect(page.locator("a#later-slots")).to_be_visible()
    options = sorted(page.locator("select#document option").evaluate_all("os => os.map(o => o.value)"))
    assert {"eid", "foreign_eid", "passport", "residence_card"} <= set(options), f"select#document offers {options}"
    sideways_scroll(page, "the booking page")
    screenshot(page, "office-booking-phone")

    desktop = contexts(DESKTOP)
    assert visit(desktop, "/office/bosa/book") == 200
    expect(desktop.locator("form#booking-form")).to_be_visible()
    screenshot(desktop, "office-booking-desktop")
    audit_for(audits, axe, screenshot, "desktop").check(desktop, "office-booking")

    # The next week: later slots, and a way back.
    desktop.locator("a#later-slots").click()
    expect(desktop).to_have_url(re.compile(r"/office/bosa/book\?(.*&)?from=\d{4}-\d{2}-\d{2}"))
    later = offered_slots(desktop)
    check_offered_slots(later, "the BOSA booking form, a week later")
    assert min(v for v, _ in later) > max(v for v, _ in slots), f"'later slots' offers {later[:3]}… after {slots[-3:]}"
    expect(desktop.locator("a#earlier-slots")).to_be_visible()

    # Never a slot in the past, whatever ?from= says; never one on a federal public holiday.
    assert visit(desktop, "/office/bosa/book?from=2020-01-06") == 200
    past = offered_slots(desktop)
    if past:
        check_offered_slots(past, "the BOSA booking form ?from=2020-01-06")
    tomorrow = datetime.datetime.now(BRUSSELS).date() + datetime.timedelta(days=1)
    for year in (tomorrow.year, tomorrow.year + 1):
        for holiday in (datetime.date(year, 1, 1), datetime.date(year, 5, 1), datetime.date(year, 7, 21),
                        datetime.date(year, 8, 15), datetime.date(year, 11, 1), datetime.date(year, 11, 11), datetime.date(year, 12, 25)):
            if holiday < tomorrow or holiday.weekday() >= 5 or (holiday - tomorrow).days > 120:
                continue
            assert visit(desktop, f"/office/bosa/book?from={holiday.isoformat()}") == 200
            on_holiday = [v for v, _ in offered_slots(desktop) if v.startswith(holiday.isoformat())]
            assert not on_holiday, f"slots offered on {holiday:%A %d %B %Y}, a federal public holiday: {on_holiday}"

    # Bad input: refused with the reason, what was typed kept.
    desktop.goto("/office/bosa/book")
    first_desktop_slot = offered_slots(desktop)[0][0]
    choose_slot(desktop, first_desktop_slot)
    fill_booking(desktop, "Nadia", "Haddad", "nadia.haddad-at-example.org", "passport")
    without_browser_checks(desktop, "form#booking-form")
    status = submit(desktop, "button#book", "a booking with a bad e-mail")
    assert status == 422, f"a bad e-mail address → {status} at {desktop.url}"
    expect(desktop.locator(".form-error").first).to_be_visible()
    expect(desktop.locator("#given_name")).to_have_value("Nadia")
    expect(desktop.locator("#surname")).to_have_value("Haddad")
    expect(desktop.locator("#email")).to_have_value("nadia.haddad-at-example.org")
    expect(desktop.locator("select#document")).to_have_value("passport")
    screenshot(desktop, "office-booking-bad-email")
    audit_for(audits, axe, screenshot, "desktop").check(desktop, "office-booking-errors")

    # Nadia takes the first free slot.
    chosen = slots[0][0]
    choose_slot(page, chosen)
    fill_booking(page, NADIA["givenName"], NADIA["surname"], NADIA["email"], "passport")
    status = submit(page, "button#book", "Nadia's booking")
    assert status == 200, f"booking ended on a {status} page at {page.url}:\n{gateway.log_tail(20)}"
    expect(page).to_have_url(APPOINTMENT_URL)
    token = APPOINTMENT_URL.search(page.url).group(1)
    expect(page.locator("#appointment")).to_be_visible()
    expect(page.locator(".notice").first).to_be_visible()
    expect(page.locator("#appointment")).to_contain_text("BOSA")
    time_shown, day_shown = when_pattern(chosen)
    expect(page.locator("#appointment-when")).to_contain_text(time_shown)
    expect(page.locator("#appointment-when")).to_contain_text(day_shown)
    expect(page.locator("a#calendar")).to_have_attribute("href", re.compile(rf"/office/appointment/{token}/calendar\.ics$"))
    expect(page.locator("form#cancel-form #cancel")).to_be_visible()
    expect(page.locator("a#move")).to_have_attribute("href", re.compile(rf"/office/appointment/{token}/move$"))
    sideways_scroll(page, "the appointment page")
    screenshot(page, "office-confirmation-phone")

    # The e-mail: the office in the subject, the appointment page's link, appointment.ics at the chosen slot.
    mails = wait_for_mail(gateway, NADIA["email"], lambda m: m.get("attachments"), "the appointment's confirmation")
    assert len(mails) == 1, f"{len(mails)} confirmation e-mails: {[m.get('subject') for m in mails]}"
    mail = mails[0]
    assert "BOSA" in (mail.get("subject") or ""), f"the confirmation's subject does not name the office: {mail.get('subject')!r}"
    assert f"{gateway.url}/office/appointment/{token}" in mail_bodies(mail), \
        f"the confirmation has no link {gateway.url}/office/appointment/{token}:\n{mail_bodies(mail)[:2000]}"
    attachments = mail["attachments"]
    assert [a.get("name") for a in attachments] == ["appointment.ics"], f"the confirmation's attachments: {[a.get('name') for a in attachments]}"
    assert attachments[0].get("contentType", "").lower().startswith("text/calendar"), attachments[0].get("contentType")
    event = ics_events(base64.b64decode(attachments[0]["content"]), "appointment.ics in the e-mail")
    assert ics_start(event, "appointment.ics in the e-mail") == chosen, f"appointment.ics starts at {event.get('DTSTART').dt}, the slot chosen is {chosen}"
    assert "BOSA" in str(event.get("SUMMARY")) + str(event.get("LOCATION")), (event.get("SUMMARY"), event.get("LOCATION"))

    # The appointment's page, as the e-mail's link opens it: move to another slot.
    page.locator("a#move").click()
    expect(page).to_have_url(re.compile(rf"/office/appointment/{token}/move$"))
    expect(page.locator("form#booking-form")).to_be_visible()
    moves = offered_slots(page)
    check_offered_slots(moves, "the move form")
    other = next((v for v, _ in moves if v != chosen and v[:10] == chosen[:10]), None) or next(v for v, _ in moves if v != chosen)
    choose_slot(page, other)
    screenshot(page, "office-move-phone")
    status = submit(page, "#book", "moving the appointment")
    assert status == 200, f"moving ended on a {status} page at {page.url}:\n{gateway.log_tail(20)}"
    # Moving books the new time under a new link (a new confirmation e-mail carries it); the old link says so.
    expect(page).to_have_url(APPOINTMENT_URL)
    moved_token = APPOINTMENT_URL.search(page.url).group(1)
    expect(page.locator(".notice").first).to_be_visible()
    time_shown, day_shown = when_pattern(other)
    expect(page.locator("#appointment-when")).to_contain_text(time_shown)
    expect(page.locator("#appointment-when")).to_contain_text(day_shown)
    expect(page.locator("form#cancel-form #cancel")).to_be_visible()  # still booked: not cancelled
    expect(page.locator("a#move")).to_be_visible()
    sideways_scroll(page, "the appointment page after a move")
    screenshot(page, "office-moved-phone")

    # The calendar file follows the move.
    answer = page.request.get(page.locator("a#calendar").get_attribute("href"))
    assert answer.status == 200, f"GET calendar.ics → {answer.status}"
    assert answer.headers.get("content-type", "").lower().startswith("text/calendar"), answer.headers
    moved_event = ics_events(answer.body(), "calendar.ics after the move")
    assert ics_start(moved_event, "calendar.ics after the move") == other, f"calendar.ics starts at {moved_event.get('DTSTART').dt}, the appointment moved to {other}"

    if moved_token != token:
        moved_mails = wait_for_mail(gateway, NADIA["email"], lambda m: f"/office/appointment/{moved_token}" in mail_bodies(m),
                                    "the confirmation of the move")
        moved_ics = [a for a in moved_mails[0].get("attachments") or [] if a.get("name") == "appointment.ics"]
        assert moved_ics, f"the move's confirmation has no appointment.ics: {moved_mails[0].get('attachments')}"
        assert ics_start(ics_events(base64.b64decode(moved_ics[0]["content"]), "the move's appointment.ics"), "the move's appointment.ics") == other
        # The same event, a later version: a calendar that imported the first file replaces the entry.
        assert str(moved_event.get("UID")) == str(event.get("UID")), (moved_event.get("UID"), event.get("UID"))
        assert int(moved_event.get("SEQUENCE")) > int(event.get("SEQUENCE")), (moved_event.get("SEQUENCE"), event.get("SEQUENCE"))
        assert visit(page, f"/office/appointment/{token}") == 200
        expect(page.locator("#appointment-state")).to_be_visible()
        expect(page.locator("form#cancel-form")).to_have_count(0)
        screenshot(page, "office-old-link-after-move-phone")
        page.goto(f"/office/appointment/{moved_token}")
        expect(page.locator("form#cancel-form #cancel")).to_be_visible()

    STATE.update(token=moved_token, first_token=token, slot=other, day=other[:10], first_slot=chosen)


# --- 2. Emma registers her --------------------------------------------------------------------------------------


def test_2_emma_registers_nadia_at_the_desk_with_her_eid(emma_page, gateway, people, axe, audits, screenshot):
    assert STATE.get("day"), "story 1 did not book an appointment"
    page = emma_page

    answer = gateway.get("/office/desk")
    assert answer.status_code == 303 and LOGIN_URL.search(answer.headers.get("Location", "")), \
        f"GET /office/desk without a session → {answer.status_code} Location {answer.headers.get('Location')!r}"
    page.goto("/office/desk")
    expect_key_chooser_for_level_450(page, "Emma without a session")
    screenshot(page, "office-desk-key-chooser")
    choose_eid_and_identify(page, gateway)
    expect(page).to_have_url(re.compile(r"/office/desk(\?.*)?$"))
    expect(page.locator("form#find-form")).to_be_visible()
    # Today's agenda: a table of appointments, or the sentence that there are none.
    expect(page.locator("#agenda, #agenda-empty")).to_have_count(1)

    # The agenda of the appointment's day.
    status = visit(page, f"/office/desk?day={STATE['day']}")
    assert status == 200, f"the desk's agenda → {status}"
    row = agenda_row(page, NADIA["surname"])
    expect(row).to_have_count(1)
    expect(row).to_contain_text(NADIA["givenName"])
    time_shown, _ = when_pattern(STATE["slot"])
    expect(row).to_contain_text(time_shown)
    expect(row).to_contain_text(re.compile(r"passport", re.I))
    appointment_id = row.get_attribute("data-appointment")
    assert appointment_id, "tr.appointment has no data-appointment"
    register = row.locator("a.register")
    expect(register).to_have_attribute("href", re.compile(rf"/office/desk/register\?appointment={re.escape(appointment_id)}$"))
    expect(page.locator("form#find-form #q")).to_be_visible()
    screenshot(page, "office-desk-agenda")
    audit_for(audits, axe, screenshot, "desktop").check(page, "office-desk-agenda")

    # The register form, prefilled from the appointment.
    register.click()
    expect(page).to_have_url(re.compile(r"/office/desk/register\?appointment="))
    form = page.locator("form#register-form")
    expect(form).to_be_visible()
    expect(page.locator("#given_name")).to_have_value(NADIA["givenName"])
    expect(page.locator("#surname")).to_have_value(NADIA["surname"])
    expect(page.locator("#email")).to_have_value(NADIA["email"])
    expect(page.locator("select#document_type")).to_have_value("passport")
    expect(page.locator("#document_expiry")).to_have_attribute("type", "date")
    organisations = page.locator("select#organisation option").evaluate_all("os => os.map(o => o.value)")
    assert "bosa" in organisations, f"select#organisation offers {organisations}"
    for key in ("email", "totp", "token"):
        expect(page.locator(f"input#key-{key}[type=checkbox]")).to_have_count(1)
        # One field per key (key_<id>): the server's form reader keeps the first value of a repeated name only.
        expect(page.locator(f"input#key-{key}")).to_have_attribute("name", f"key_{key}")
    screenshot(page, "office-register-form")
    audit_for(audits, axe, screenshot, "desktop").check(page, "office-register-form")

    today = datetime.datetime.now(BRUSSELS).date()
    expired = (today - datetime.timedelta(days=1)).isoformat()
    valid = today.replace(year=today.year + 7).isoformat() if not (today.month == 2 and today.day == 29) else (today + datetime.timedelta(days=2557)).isoformat()

    def fill(nrn, expiry):
        page.locator("#nrn").fill(nrn)
        page.locator("select#language").select_option("en")
        page.locator("select#organisation").select_option("bosa")
        page.locator("#document_number").fill(NADIA["passport"])
        page.locator("select#document_country").select_option("BE")
        page.locator("#document_expiry").fill(expiry)
        page.locator("#key-token").check()

    def expect_kept(nrn, expiry):
        expect(page.locator("#nrn")).to_have_value(re.compile(r"^" + r"\D?".join(nrn) + r"$"))
        expect(page.locator("#given_name")).to_have_value(NADIA["givenName"])
        expect(page.locator("#surname")).to_have_value(NADIA["surname"])
        expect(page.locator("#email")).to_have_value(NADIA["email"])
        expect(page.locator("select#document_type")).to_have_value("passport")
        expect(page.locator("#document_number")).to_have_value(NADIA["passport"])
        expect(page.locator("select#document_country")).to_have_value("BE")
        expect(page.locator("#document_expiry")).to_have_value(expiry)
        expect(page.locator("#key-token")).to_be_checked()

    # A national number with a wrong check number.
    bad_nrn = wrong_check_number(NADIA["nrn"])
    fill(bad_nrn, valid)
    without_browser_checks(page, "form#register-form")
    status = submit(page, "button#register", "a wrong national number")
    assert status == 422, f"a national number with a wrong check number ({bad_nrn}) → {status} at {page.url}"
    expect(page.locator(".form-error").first).to_be_visible()
    expect_kept(bad_nrn, valid)

    # An expired passport.
    fill(NADIA["nrn"], expired)
    without_browser_checks(page, "form#register-form")
    status = submit(page, "button#register", "an expired passport")
    assert status == 422, f"a passport that expired on {expired} → {status} at {page.url}"
    expect(page.locator(".form-error").first).to_be_visible()
    expect_kept(NADIA["nrn"], expired)
    screenshot(page, "office-register-expired")
    assert not gateway.outbox_to(NADIA["email"]) or not any("/office/activate/" in mail_bodies(m) for m in gateway.outbox_to(NADIA["email"])), \
        "a refused registration sent an activation e-mail"

    # The registration: the activation letter.
    page.locator("#document_expiry").fill(valid)
    page.locator("#key-token").check()
    status = submit(page, "button#register", "Nadia's registration")
    assert status == 200, f"the registration ended on a {status} page at {page.url}:\n{gateway.log_tail(30)}"
    letter = page.locator("#activation-letter")
    expect(letter).to_be_visible()
    expect(letter).to_contain_text(NADIA["givenName"])
    expect(letter).to_contain_text(NADIA["surname"])
    code = page.locator("#activation-code").inner_text().strip()
    assert ACTIVATION_CODE.match(code), f"#activation-code is {code!r}, not XXXX-XXXX-XXXX (A–Z without I/O, 2–9)"
    expect(page.locator("#activation-expiry")).to_be_visible()
    person_page = page.locator("a#person-page").get_attribute("href")
    assert re.search(rf"/office/desk/people/{UUID_PATTERN}$", person_page or ""), f"a#person-page → {person_page!r}"
    screenshot(page, "office-activation-letter")
    page.emulate_media(media="print")
    expect(letter).to_be_visible()
    expect(page.locator("#activation-code")).to_be_visible()
    screenshot(page, "office-activation-letter-print")
    page.emulate_media(media="screen")

    # The e-mail with the activation link.
    mails = wait_for_mail(gateway, NADIA["email"], lambda m: "/office/activate/" in mail_bodies(m), "the activation e-mail")
    assert len(mails) == 1, f"{len(mails)} activation e-mails"
    links = sorted(set(ACTIVATION_LINK.findall(mail_bodies(mails[0]))))
    assert len(links) == 1, f"the activation e-mail's links: {links}"
    assert links[0].startswith(f"{gateway.url}/office/activate/"), f"the activation link {links[0]} is not on {gateway.url}"
    assert code not in mail_bodies(mails[0]) and code.replace("-", "") not in mail_bodies(mails[0]), \
        "the activation e-mail carries the code of the paper letter"
    STATE.update(code=code, link=links[0], person_page=person_page)


# --- 3. Nadia activates her keys ------------------------------------------------------------------------------------


def test_3_nadia_activates_her_keys_with_the_code_of_the_letter(nadia_page, gateway, axe, audits, screenshot):
    assert STATE.get("link"), "story 2 did not register Nadia"
    page = nadia_page
    status = visit(page, STATE["link"])
    assert status == 200, f"the activation link → {status}"
    form = page.locator("form#activation-form")
    expect(form).to_be_visible()
    for field in ("#code", "#username", "#password", "#password_again"):
        expect(page.locator(field)).to_be_visible()
    expect(page.locator("#password")).to_have_attribute("type", "password")
    sideways_scroll(page, "the activation page")
    screenshot(page, "office-activation-phone")
    audit_for(audits, axe, screenshot, "phone").check(page, "office-activation")

    def fill(code):
        page.locator("#code").fill(code)
        page.locator("#username").fill(NADIA["username"])
        page.locator("#password").fill(NADIA["password"])
        page.locator("#password_again").fill(NADIA["password"])

    # A wrong code (well formed): refused, the tries left said.
    right = STATE["code"]
    wrong = ("3" if right[0] != "3" else "4") + right[1:]
    fill(wrong)
    without_browser_checks(page, "form#activation-form")
    status = submit(page, "button#activate", "a wrong activation code")
    assert status == 422, f"a wrong activation code → {status} at {page.url}"
    error = page.locator(".form-error").first
    expect(error).to_be_visible()
    expect(error).to_contain_text(re.compile(r"\d"))  # the tries left
    expect(page.locator("#username")).to_have_value(NADIA["username"])
    expect(page.locator("#activated")).to_have_count(0)
    screenshot(page, "office-activation-wrong-code-phone")

    # The right one, as typed from paper: lower case, spaces instead of dashes.
    fill(right.lower().replace("-", " "))
    status = submit(page, "button#activate", "the activation")
    assert status == 200, f"the activation ended on a {status} page at {page.url}:\n{gateway.log_tail(30)}"
    expect(page.locator("#activated")).to_be_visible()
    card = page.locator("#token-card")
    expect(card).to_be_visible()
    codes = [c.strip() for c in card.locator(".token-code").all_inner_texts()]
    assert len(codes) == 24, f"the token card shows {len(codes)} codes: {codes}"
    assert all(re.fullmatch(r"\d{4,8}", c) for c in codes), f"the token card's codes: {codes}"
    expect(page.locator("a#to-selfservice")).to_have_attribute("href", re.compile(r"/selfservice/?$"))
    sideways_scroll(page, "the activated page with the token card")
    screenshot(page, "office-activated-phone")
    NADIA["tokenCard"] = codes
    STATE["activated"] = True


# --- 4. Nadia's first login ----------------------------------------------------------------------------------------


def test_4_nadia_logs_in_to_selfservice_with_her_token_card(nadia_page, gateway, screenshot):
    assert STATE.get("activated"), "story 3 did not activate Nadia's keys"
    page = nadia_page
    page.locator("a#to-selfservice").click()
    log_in_with_token_card(page, NADIA)
    expect(page).to_have_url(re.compile(r"/selfservice/?$"))
    expect(page.locator("#welcome")).to_contain_text(f"{NADIA['givenName']} {NADIA['surname']}")
    screenshot(page, "office-nadia-selfservice-phone")
    STATE["logged_in"] = True


# --- 5. The activity -----------------------------------------------------------------------------------------------


def test_5_the_activity_shows_the_registration_by_the_office(emma_page, nadia_page, gateway, screenshot):
    assert STATE.get("person_page"), "story 2 did not register Nadia"
    page = emma_page
    status = visit(page, STATE["person_page"])
    assert status == 200, f"Nadia's page at the desk → {status}"
    expect(page.locator("form#contact-form #email")).to_have_value(NADIA["email"])
    expect(page.locator("#keys")).to_be_visible()
    expect(page.locator("#keys")).to_contain_text(re.compile(r"token", re.I))
    activity = page.locator("#activity")
    expect(activity).to_be_visible()
    expect(activity).to_contain_text("BOSA")
    expect(activity).to_contain_text(re.compile(r"regist", re.I))
    screenshot(page, "office-person-page")

    assert STATE.get("logged_in"), "story 4 did not log Nadia in"
    mine = nadia_page
    status = visit(mine, "/fas/activity")
    assert status == 200, f"Nadia's /fas/activity → {status}"
    expect(mine).to_have_url(re.compile(r"/fas/activity$"))
    expect(mine.locator("#activity")).to_contain_text("BOSA")
    expect(mine.locator("#activity")).to_contain_text(re.compile(r"regist", re.I))
    screenshot(mine, "office-nadia-activity-phone")


# --- 6. Who may not use the desk ----------------------------------------------------------------------------------


def test_6_marc_is_refused_and_sophie_is_asked_a_stronger_login(contexts, gateway, people, screenshot):
    # Marc: his eID, but no registration_officer role.
    marc = contexts(DESKTOP, card=people["Marc"])
    marc.goto("/office/desk")
    expect_key_chooser_for_level_450(marc, "Marc without a session")
    statuses, listener = navigation_statuses(marc)
    try:
        choose_eid_and_identify(marc, gateway)
        expect(marc).to_have_url(re.compile(r"/office/desk(\?.*)?$"))
        marc.wait_for_load_state("load")
    finally:
        marc.remove_listener("response", listener)
    assert statuses and statuses[-1][1] == 403, f"Marc at the desk: {statuses}"
    expect(marc.locator("#agenda")).to_have_count(0)
    assert "Haddad" not in marc.content(), "the 403 page shows an appointment"
    screenshot(marc, "office-desk-403-marc")
    assert visit(marc, "/office/desk/register") == 403, "Marc reaches the register form"

    # Sophie: logged in with her token card (Level300), sent for a stronger login.
    sophie = contexts(DESKTOP)
    sophie.goto("/selfservice/")
    log_in_with_token_card(sophie, people["Sophie"])
    expect(sophie).to_have_url(re.compile(r"/selfservice/?$"))
    sophie.goto("/office/desk")
    expect_key_chooser_for_level_450(sophie, "Sophie after a token-card login")
    screenshot(sophie, "office-desk-stronger-login-sophie")


# --- 7. The activation link is used once ------------------------------------------------------------------------


def test_7_the_activation_link_used_twice_is_gone(nadia_page, contexts, gateway, screenshot):
    assert STATE.get("activated"), "story 3 did not activate Nadia's keys"
    for page in (nadia_page, contexts(DESKTOP)):
        status = visit(page, STATE["link"])
        assert status == 410, f"the used activation link → {status}"
        expect(page.locator("#activation-gone")).to_be_visible()
        expect(page.locator("form#activation-form")).to_have_count(0)
    screenshot(page, "office-activation-gone")
    unknown = STATE["link"].rsplit("/", 1)[0] + "/" + "x" * 43
    status = visit(page, unknown)
    gone = page.locator("#activation-gone").count()
    # A link that never existed is not "gone": 404, with the same explanation page.
    assert status == 404 and gone, f"GET /office/activate/{'x' * 43} (an unknown link) → {status}, #activation-gone {gone}"
    screenshot(page, "office-activation-unknown")


# --- 8. Refusals at the desk, and a blocked activation -----------------------------------------------------------


def test_8_five_wrong_codes_block_the_activation(emma_page, contexts, gateway, screenshot):
    assert STATE.get("person_page"), "story 2 did not register Nadia"
    page = emma_page
    other = {"given": "Tom", "surname": f"Claes-{RUN}", "email": f"tom.claes.{RUN}@example.org",
             "nrn": national_number(datetime.date(1988, 9, 2), random.randrange(1, 997, 2))}
    valid = (datetime.datetime.now(BRUSSELS).date() + datetime.timedelta(days=900)).isoformat()

    def fill(nrn, email):
        page.locator("#nrn").fill(nrn)
        page.locator("#given_name").fill(other["given"])
        page.locator("#surname").fill(other["surname"])
        page.locator("#email").fill(email)
        page.locator("select#language").select_option("nl")
        page.locator("select#organisation").select_option("bosa")
        page.locator("select#document_type").select_option("eid")
        page.locator("#document_number").fill("592123456789")
        page.locator("select#document_country").select_option("BE")
        page.locator("#document_expiry").fill(valid)
        page.locator("#key-email").check()
        without_browser_checks(page, "form#register-form")

    assert visit(page, "/office/desk/register") == 200
    expect(page.locator("form#register-form")).to_be_visible()
    fill(NADIA["nrn"], other["email"])  # a national number already registered
    status = submit(page, "button#register", "Nadia's national number again")
    assert status == 422, f"registering a national number already registered → {status}"
    expect(page.locator(".form-error").first).to_be_visible()
    expect(page.locator("#surname")).to_have_value(other["surname"])
    fill(other["nrn"], "")  # no e-mail
    status = submit(page, "button#register", "a registration without an e-mail address")
    assert status == 422, f"a registration without an e-mail address → {status}"
    expect(page.locator(".form-error").first).to_be_visible()
    expect(page.locator("#document_number")).to_have_value("592123456789")
    fill(other["nrn"], other["email"])
    status = submit(page, "button#register", "Tom's registration")
    assert status == 200, f"Tom's registration → {status} at {page.url}"
    code = page.locator("#activation-code").inner_text().strip()
    mails = wait_for_mail(gateway, other["email"], lambda m: "/office/activate/" in mail_bodies(m), "Tom's activation e-mail")
    link = ACTIVATION_LINK.findall(mail_bodies(mails[0]))[0]

    tom = contexts(DESKTOP)
    wrong = ("3" if code[0] != "3" else "4") + code[1:]
    statuses = []
    for attempt in range(1, 6):
        assert visit(tom, link) == 200, f"the activation page before wrong code #{attempt}"
        tom.locator("#code").fill(wrong)
        tom.locator("#username").fill(f"tom.claes{RUN[:4]}")
        tom.locator("#password").fill(PASSWORD)
        tom.locator("#password_again").fill(PASSWORD)
        statuses.append(submit(tom, "button#activate", f"wrong code #{attempt}"))
    assert statuses[:4] == [422] * 4 and statuses[4] in (410, 422), f"five wrong codes → {statuses}"
    screenshot(tom, "office-activation-blocked")
    assert visit(tom, link) == 410, "after five wrong codes the activation link is not 410"
    expect(tom.locator("#activation-gone")).to_be_visible()
    answer = gateway.get("/office/activate/" + link.rsplit("/", 1)[1])
    assert answer.status_code == 410, answer.status_code


# --- 9. The last place of a slot ---------------------------------------------------------------------------------


def test_9_two_people_choosing_the_last_place_of_a_slot(contexts, gateway, screenshot):
    first, second = contexts(DESKTOP), contexts(DESKTOP)
    for page in (first, second):
        assert visit(page, "/office/liege/book") == 200
        expect(page.locator("form#booking-form")).to_be_visible()
    slot = offered_slots(first)[0][0]
    assert slot in [v for v, _ in offered_slots(second)], "both forms should offer the same slots"

    choose_slot(first, slot)
    fill_booking(first, "Jean", f"Premier-{RUN}", f"jean.{RUN}@example.org", "eid")
    assert submit(first, "button#book", "the first booking") == 200
    expect(first).to_have_url(APPOINTMENT_URL)

    choose_slot(second, slot)
    fill_booking(second, "Julie", f"Seconde-{RUN}", f"julie.{RUN}@example.org", "residence_card")
    status = submit(second, "button#book", "the second booking of the same slot")
    assert status == 409, f"the slot's only place taken, the second booking → {status} at {second.url}"
    expect(second.locator(".form-error").first).to_be_visible()
    expect(second.locator("#given_name")).to_have_value("Julie")
    expect(second.locator("#surname")).to_have_value(f"Seconde-{RUN}")
    expect(second.locator("#email")).to_have_value(f"julie.{RUN}@example.org")
    expect(second.locator("select#document")).to_have_value("residence_card")
    assert slot not in [v for v, _ in offered_slots(second)], f"{slot} (full) is still offered"
    screenshot(second, "office-booking-slot-taken")


# --- 10. Phones and accessibility ----------------------------------------------------------------------------------


def test_10_office_pages_fit_a_phone_and_have_no_serious_wcag_violation(nadia_page, audits, axe, screenshot):
    assert STATE.get("token"), "story 1 did not book an appointment"
    page = nadia_page
    page.goto(f"/office/appointment/{STATE['token']}")
    expect(page.locator("#appointment")).to_be_visible()
    audit_for(audits, axe, screenshot, "phone").check(page, "office-appointment")
    page.goto("/office/bosa/book")
    audit_for(audits, axe, screenshot, "phone").check(page, "office-booking")
    problems = list(STATE["sideways"])
    for audit in audits.values():
        try:
            audit.finish()
        except pytest.fail.Exception as failure:
            problems.append(str(failure))
    assert not problems, "\n".join(problems)
