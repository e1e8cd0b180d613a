"""HR documents in PersoSelfService (issue 19): pay slips, career interruption, telework and the personnel file, in a
real browser, on a server of its own (the demo people and HR register, the development mailbox, the demo eBoxes).

  1. Marc (HR officer of Finance and BOSA) publishes next month's pay slips from the payroll's CSV: a file with one
     bad line publishes nothing (line number given; Sophie has no row for the month); the right file leads to the
     run's page, which reaches 5/5 by itself (script, no reload): 4 in an eBox, 1 waiting, Emma alone without an eBox.
     The same file again is refused ("already published"). Sophie (phone) sees her pay slip delivered and finds the
     PDF in her eBox (her name, the net amount); Emma sees she has to activate her eBox.
  2. Sophie applies for a half-time parental leave (a period not starting on the 1st: refused); Marc refuses without a
     reason (refused), then approves; the decision reaches her eBox as a registered PDF in French; she opens it and the
     sender's receipt (persoselfservice's client credentials) then has opened_at; her e-mail leads to the eBox. Emma,
     without an eBox, applies and is approved: the decision waits for her eBox and her e-mail asks her to activate one.
  3. Telework: Sophie (BOSA, cap 3 with approval) asks 4 days (refused), then 3; Pieter approves; her status is
     approved and Pieter's month shows her telework days. Days other than usual: a 4th day in a week and a Saturday
     are refused, removing a Monday then adding a Thursday are taken. Lena (Finance, cap 2) saves 2 days at once.
     Emma (4/5) has no Friday to tick.
  4. Personnel file: Sophie's own (phone), Emma's 4/5, Sophie's through Marc's staff list; Sophie gets 403 on the
     HR area.
  5. axe-core (WCAG 2.x A/AA, no violation) on the person's pages (phone) and the HR pages (desktop); the phone pages
     do not scroll sideways.

The stories run in file order and share the module's server and one browser context (one session) per person. The
server runs on the real clock: the pay slips are for next month, the career interruptions start in coming months.
Screenshots: hr-*.png and a11y-hr-*.png in PERSOPOINT_SCREENSHOTS.
"""

import datetime
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
import requests
from axe_playwright_python.sync_playwright import Axe
from joserfc import jws
from joserfc.jwk import KeySet
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from accessibility_audit import Audit  # noqa: E402
from gateway_login import log_in_with_token_card  # noqa: E402
from browsing import navigation_statuses, submit_statuses, visit  # noqa: E402
from own_server import demo_people, start_own_server, wait_for_mail  # noqa: E402

BRUSSELS = ZoneInfo("Europe/Brussels")
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
ENGLISH = {"locale": "en-GB", "extra_http_headers": {"Accept-Language": "en-GB,en;q=0.9"}}
LOGIN_URL = re.compile(r"/fas/login\?tx=")
UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
TIMEOUT = 15
FIVE = ("Sophie", "Pieter", "Emma", "Lena", "Marc")
FRENCH_MONTHS = ["", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                 "novembre", "décembre"]

# What the stories leave for the next ones (the module's tests run in file order).
STATE = {"sideways": []}


# --- the calendar --------------------------------------------------------------------------------------------------


def today() -> datetime.date:
    return datetime.datetime.now(BRUSSELS).date()


def first_of_month(day: datetime.date, months_ahead: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months_ahead
    return datetime.date(index // 12, index % 12 + 1, 1)


def last_of_month(day: datetime.date) -> datetime.date:
    return first_of_month(day, 1) - datetime.timedelta(days=1)


def easter(year: int) -> datetime.date:
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    return datetime.date(year, (h + ell - 7 * m + 114) // 31, (h + ell - 7 * m + 114) % 31 + 1)


def is_holiday(day: datetime.date) -> bool:
    fixed = [(1, 1), (1, 2), (5, 1), (7, 21), (8, 15), (11, 1), (11, 11), (11, 15), (12, 25), (12, 26)]
    sunday = easter(day.year)
    return (day.month, day.day) in fixed or day in {sunday + datetime.timedelta(days=n) for n in (1, 39, 50)}


def quiet_week() -> datetime.date:
    """The Monday of the first week from the week after next on without a public holiday from Monday to Friday."""
    monday = today() - datetime.timedelta(days=today().weekday()) + datetime.timedelta(weeks=2)
    while any(is_holiday(monday + datetime.timedelta(days=n)) for n in range(5)):
        monday += datetime.timedelta(weeks=1)
    return monday


PERIOD = first_of_month(today(), 1).strftime("%Y-%m")  # next month: no demo pay slip for it


# --- the server, the people, the browsers -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def gateway():
    server = start_own_server("hr-documents")
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def base_url(gateway):
    return gateway.url


@pytest.fixture(scope="module")
def people(gateway):
    people = demo_people(gateway)
    for name in FIVE:
        assert name in people, f"no demo person {name}: {sorted(people)}"
    return people


@pytest.fixture(scope="module")
def contexts(browser, gateway):
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
def lena(contexts):
    return contexts(DESKTOP)


@pytest.fixture(scope="module")
def marc(contexts):
    return contexts(DESKTOP)


# --- helpers -------------------------------------------------------------------------------------------------------


def full_name(person):
    return f"{person['givenName']} {person['surname']}"








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


def mail_text(mail):
    return "\n".join(str(mail.get(k) or "") for k in ("subject", "text", "html"))


def pdf_text(data: bytes, tmp_path, name) -> str:
    assert data.startswith(b"%PDF-"), f"{name} is no PDF: {data[:40]!r}"
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, f"pdftotext {name}: {done.stderr}"
    # One space for any run of blanks (line breaks, no-break and narrow no-break spaces).
    return re.sub(r"[\s\u00a0\u202f]+", " ", done.stdout).strip()


def fill_csv(page, content: str, name="paie.csv"):
    page.locator("#payslip-csv").set_input_files(files=[{"name": name, "mimeType": "text/csv", "buffer": content.encode()}])


def ebox_document_with_file(page, type_, file_name):
    """The eBox document page (id) of the mailbox's documents of a type whose main file is `file_name`."""
    assert visit(page, f"/ebox?type={type_}") == 200
    ids = page.locator("#mailbox .document").evaluate_all("ds => ds.map(d => d.dataset.id)")
    for document_id in ids:
        assert visit(page, f"/ebox/documents/{document_id}") == 200
        if page.locator("#files a.download", has_text=file_name).count():
            return document_id
    pytest.fail(f"no {type_} document with {file_name} among {len(ids)} in the eBox", pytrace=False)


def download_main(page, file_name) -> bytes:
    link = page.locator("#files a.download", has_text=file_name).first
    expect(link).to_be_visible()
    answer = page.request.get(urljoin(page.url, link.get_attribute("href")))
    assert answer.status == 200, f"downloading {file_name} → {answer.status}"
    return answer.body()


def wait_for_delivery(page, path, what, timeout=15):
    """Reloads the decision page until #decision-recorded is no longer pending; returns its data-delivery."""
    deadline = time.monotonic() + timeout
    while True:
        assert visit(page, path) == 200, f"{what}: {path}"
        recorded = page.locator("#decision-recorded")
        expect(recorded).to_be_visible()
        delivery = recorded.get_attribute("data-delivery")
        if delivery != "pending" or time.monotonic() > deadline:
            return delivery
        time.sleep(0.5)


def sender_token(gateway):
    """A token of persoselfservice (its secret in the data directory), client credentials, scope ebox:publish."""
    secret = (Path(gateway.data_dir) / "clients" / "persoselfservice.secret").read_text().strip()
    endpoint = None
    for path in ("/fas/.well-known/openid-configuration", "/fas/oauth2/.well-known/openid-configuration"):
        answer = requests.get(gateway.url + path, timeout=TIMEOUT)
        if answer.status_code == 200:
            endpoint = answer.json()["token_endpoint"]
            break
    assert endpoint, "no OpenID discovery document at /fas/.well-known or /fas/oauth2/.well-known"
    answer = requests.post(endpoint, data={"grant_type": "client_credentials", "scope": "ebox:publish"},
                           auth=("persoselfservice", secret), timeout=TIMEOUT)
    assert answer.status_code == 200, f"client_credentials for persoselfservice → {answer.status_code}: {answer.text[:500]}"
    return answer.json()["access_token"]


def receipt_claims(gateway, token, message_id):
    answer = requests.get(f"{gateway.url}/ebox/api/v1/messages/{message_id}/receipt",
                          headers={"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)
    assert answer.status_code == 200, f"receipt of {message_id} → {answer.status_code}: {answer.text[:500]}"
    jwks = requests.get(f"{gateway.url}/ebox/.well-known/jwks.json", timeout=TIMEOUT).json()
    verified = jws.deserialize_compact(answer.json()["receipt"], KeySet.import_key_set(jwks), algorithms=["ES256"])
    return json.loads(verified.payload)


# --- 1. Pay slips ------------------------------------------------------------------------------------------------


def test_1_marc_publishes_a_months_pay_slips_and_sophie_finds_hers_in_her_ebox(
        marc, sophie, emma, gateway, people, screenshot, tmp_path):
    nrn = {name: people[name]["nrn"] for name in FIVE}
    amounts = {"Sophie": ("3456,78", "2345,67"), "Pieter": ("5120.00", "3301.15"), "Emma": ("2765,43", "1987,65"),
               "Lena": ("3010.10", "2100.20"), "Marc": ("3890,00", "2600,50")}
    good = "national_number;kind;gross;net\n" + "".join(f"{nrn[n]};salary;{g};{t}\n" for n, (g, t) in amounts.items())
    # Comma-separated with decimal points; line 4 (the header is line 1): net above gross.
    bad_lines = ["national_number,kind,gross,net"] + [f"{nrn[n]},salary,{g.replace(',', '.')},{t.replace(',', '.')}"
                                                      for n, (g, t) in amounts.items()]
    bad_lines[3] = f"{nrn['Emma']},salary,1000.00,2000.00"
    bad = "\n".join(bad_lines) + "\n"

    # Marc: the HR area, the upload form.
    assert open_as(marc, "/selfservice/hr?lang=en", people["Marc"]) == 200, marc.url
    marc.locator("#publish-payslips-link").click()
    expect(marc).to_have_url(re.compile(r"/selfservice/hr/payslips$"))
    form = marc.locator("#payslips-form")
    expect(form).to_have_attribute("enctype", "multipart/form-data")
    expect(marc.locator("#payslip-period")).to_have_attribute("type", "month")
    expect(marc.locator("#payslip-period")).to_have_attribute("name", "period")
    expect(marc.locator("#payslip-csv")).to_have_attribute("name", "payroll")
    screenshot(marc, "hr-payslips-upload-form")

    # One bad line: nothing published.
    marc.locator("#payslip-period").fill(PERIOD)
    fill_csv(marc, bad)
    statuses = submit_statuses(marc, "#publish-payslips", "a payroll file with a bad line")
    assert statuses[-1] == 422, f"a payroll file with a bad line → {statuses}"
    problems = marc.locator("#publish-problems")
    expect(problems).to_be_visible()
    expect(problems).to_contain_text(re.compile(r"\bLine 4\b"))
    listed = problems.inner_text()
    assert not re.search(r"\bLine [1235-9]\b", listed), f"#publish-problems lists other lines than 4:\n{listed}"
    screenshot(marc, "hr-payslips-refused")

    assert open_as(sophie, "/selfservice/payslips?lang=en", people["Sophie"]) == 200
    expect(sophie.locator(f'#payslips tr[data-period="{PERIOD}"]')).to_have_count(0)

    # The right file: the run's page fills by itself.
    assert visit(marc, "/selfservice/hr/payslips") == 200
    marc.locator("#payslip-period").fill(PERIOD)
    fill_csv(marc, good)
    statuses = submit_statuses(marc, "#publish-payslips", "the right payroll file")
    assert statuses == [303, 200], f"the right payroll file → {statuses}: {marc.locator('#publish-problems').all_inner_texts()}"
    expect(marc).to_have_url(re.compile(rf"/selfservice/hr/payslips/{UUID_PATTERN}$"))
    STATE["run"] = marc.url
    expect(marc.locator("#run-progress progress#progress")).to_have_count(1)
    text = marc.locator("#progress-text")
    expect(text).to_have_attribute("data-total", "5")
    STATE["run_at_first"] = (text.get_attribute("data-done"), text.get_attribute("data-finished"))  # ("0", "false"): the script fills it
    navigations = []
    marc.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == marc.main_frame else None)
    expect(text).to_have_attribute("data-finished", "true", timeout=25_000)
    assert not navigations, f"the run's page was reloaded: {navigations}"
    expect(text).to_have_attribute("data-done", "5")
    expect(marc.locator("#report-delivered")).to_have_attribute("data-count", "4")
    expect(marc.locator("#report-waiting")).to_have_attribute("data-count", "1")
    no_ebox = marc.locator("ul#no-ebox li")
    expect(no_ebox).to_have_count(1)
    expect(no_ebox).to_have_attribute("data-person", nrn["Emma"])
    expect(no_ebox).to_contain_text(full_name(people["Emma"]))
    expect(no_ebox).to_contain_text(people["Emma"]["email"])
    screenshot(marc, "hr-payslips-run-report")

    # The same lines again: already published.
    assert visit(marc, "/selfservice/hr/payslips") == 200
    marc.locator("#payslip-period").fill(PERIOD)
    fill_csv(marc, good)
    statuses = submit_statuses(marc, "#publish-payslips", "the same payroll file again")
    assert statuses[-1] == 422, f"the same payroll file again → {statuses}"
    expect(marc.locator("#publish-problems")).to_contain_text("already published")

    # Sophie: her row, then the PDF in her eBox.
    assert visit(sophie, "/selfservice/absences?lang=en") == 200
    sophie.locator("#nav-payslips").click()
    expect(sophie).to_have_url(re.compile(r"/selfservice/payslips$"))
    row = sophie.locator(f'table#payslips tr[data-period="{PERIOD}"][data-kind="salary"]')
    expect(row).to_have_count(1)
    expect(row).to_have_attribute("data-delivery", "delivered")
    expect(sophie.locator("#activate-ebox")).to_have_count(0)
    sideways_scroll(sophie, "the pay slips page")
    screenshot(sophie, "hr-payslips-sophie-phone")

    file_name = f"payslip-{PERIOD}-salary.pdf"
    ebox_document_with_file(sophie, "payslip", file_name)
    text = pdf_text(download_main(sophie, file_name), tmp_path, "payslip.pdf")
    assert full_name(people["Sophie"]) in text, f"the pay slip does not name Sophie:\n{text[:1500]}"
    assert re.search(r"2[ .]?345,67", text), f"the pay slip does not give the net amount 2 345,67:\n{text[:1500]}"
    screenshot(sophie, "hr-payslips-sophie-ebox-phone")

    # Emma: waiting for her eBox, and told to activate it.
    assert open_as(emma, "/selfservice/payslips?lang=en", people["Emma"]) == 200
    expect(emma.locator(f'table#payslips tr[data-period="{PERIOD}"][data-kind="salary"]')).to_have_attribute(
        "data-delivery", "waiting_for_ebox")
    expect(emma.locator("#activate-ebox")).to_be_visible()
    expect(emma.locator('#activate-ebox a[href="/ebox"]')).to_have_count(1)
    screenshot(emma, "hr-payslips-emma-no-ebox")
    STATE["payslips"] = True


# --- 2. Career interruption --------------------------------------------------------------------------------------


def apply_for_interruption(page, kind, regime, first, last, what):
    page.locator("select#interruption-kind").select_option(kind)
    page.locator("select#interruption-regime").select_option(regime)
    page.locator("#interruption-from").fill(first.isoformat())
    page.locator("#interruption-to").fill(last.isoformat())
    return submit_statuses(page, "#apply-interruption", what)[-1]


def decide_in_hr(marc, person, what):
    """Marc opens the person's application from the HR area; returns its path."""
    assert visit(marc, "/selfservice/hr?lang=en") == 200
    link = marc.locator("ul#hr-interruptions a.decide-interruption", has_text=full_name(person))
    expect(link).to_have_count(1)
    link.click()
    expect(marc).to_have_url(re.compile(rf"/selfservice/hr/interruptions/{UUID_PATTERN}$"))
    expect(marc.locator("#interruption-facts")).to_contain_text(full_name(person))
    return re.search(r"/selfservice/hr/interruptions/[0-9a-f-]{36}$", marc.url).group(0)


def test_2_career_interruption_decided_by_hr_reaches_the_ebox_as_registered_pdf(
        sophie, emma, marc, gateway, people, screenshot, tmp_path):
    first, last = first_of_month(today(), 2), last_of_month(first_of_month(today(), 7))
    page = sophie
    assert open_as(page, "/selfservice?lang=en", people["Sophie"]) == 200
    expect(page.locator("#interruption-home-link")).to_be_visible()
    assert visit(page, "/selfservice/absences?lang=en") == 200
    page.locator("#interruption-link").click()
    expect(page).to_have_url(re.compile(r"/selfservice/career-interruption$"))
    expect(page.locator("#ebox-needed")).to_be_visible()

    # Not from the first of a month, not to the last of one, longer than 60 months: refused, nothing applied.
    for wrong_first, wrong_last, what in (
            (first + datetime.timedelta(days=14), last, "from the 15th"),
            (first, last - datetime.timedelta(days=1), "to the day before the month's last"),
            (first, last_of_month(first_of_month(first, 60)), "61 months"),
            (first_of_month(today(), 0), last, "from the first of this month")):
        status = apply_for_interruption(page, "parental", "half", wrong_first, wrong_last, what)
        assert status == 422, f"an interruption {what} ({wrong_first} – {wrong_last}) → {status}"
        expect(page.locator("#interruption-problem")).to_be_visible()
    expect(page.locator("ul#my-interruptions li")).to_have_count(0)

    status = apply_for_interruption(page, "parental", "half", first, last, "parental leave half time")
    assert status == 200, f"parental leave half time → {status}: {page.locator('#interruption-problem').all_inner_texts()}"
    expect(page).to_have_url(re.compile(r"/selfservice/career-interruption\?done=applied$"))
    expect(page.locator("#applied")).to_be_visible()
    mine = page.locator("ul#my-interruptions li")
    expect(mine).to_have_count(1)
    expect(mine).to_have_attribute("data-status", "requested")
    expect(page.locator("#ebox-needed")).to_be_visible()
    sideways_scroll(page, "the career interruption page")
    screenshot(page, "hr-interruption-applied-phone")

    # Marc: a refusal needs a reason; he approves.
    assert open_as(marc, "/selfservice/hr?lang=en", people["Marc"]) == 200
    path = decide_in_hr(marc, people["Sophie"], "Sophie's application")
    application = path.rsplit("/", 1)[1]
    STATE["decision"] = path
    status = submit_statuses(marc, "#refuse-interruption", "refusing without a reason")[-1]
    assert status == 422, f"refusing without a reason → {status}"
    expect(marc.locator("#reason-needed")).to_be_visible()
    status = submit_statuses(marc, "#approve-interruption", "approving Sophie's interruption")[-1]
    assert status == 200, f"approving → {status} at {marc.url}"
    expect(marc).to_have_url(re.compile(rf"{path}$"))
    expect(marc.locator("#interruption-status")).to_have_attribute("data-status", "approved")
    expect(marc.locator("#approve-interruption")).to_have_count(0)
    delivery = wait_for_delivery(marc, path, "Sophie's decision")
    assert delivery == "delivered", f"Sophie's decision: data-delivery={delivery!r} after 15 s"
    screenshot(marc, "hr-interruption-decided")

    # The receipt before she opened it; then her eBox, the registered document, the PDF in French.
    token = sender_token(gateway)
    message_id = f"career-interruption-{application}"
    claims = receipt_claims(gateway, token, message_id)
    assert (claims["message_id"], claims["recipient"], claims["type"]) == (
        message_id, people["Sophie"]["nrn"], "career_interruption_decision"), claims
    assert claims.get("opened_at") is None, f"the receipt says opened before Sophie opened it: {claims}"

    assert visit(page, "/selfservice/career-interruption") == 200
    expect(mine).to_have_attribute("data-status", "approved")
    expect(mine).to_have_attribute("data-delivery", "delivered")
    assert visit(page, "/ebox") == 200
    document = page.locator(f'#mailbox .document[data-id="{claims["ebox_id"]}" i]')
    expect(document).to_have_count(1)
    expect(document).to_have_class(re.compile(r"(^|\s)unread(\s|$)"))
    expect(document.locator(".registered-mark")).to_be_visible()
    document.locator("a.document-link").click()
    expect(page).to_have_url(re.compile(rf"/ebox/documents/{claims['ebox_id']}", re.I))
    expect(page.locator("#registered-notice")).to_be_visible()
    for button in ("#acknowledge", "#acknowledge-registered"):  # if the eBox asks for an acknowledgement
        if page.locator(button).count():
            submit_statuses(page, button, "acknowledging the registered document")
    text = pdf_text(download_main(page, "career-interruption-decision.pdf"), tmp_path, "decision.pdf")
    screenshot(page, "hr-interruption-ebox-phone")
    day_one = f"{first.day} {FRENCH_MONTHS[first.month]} {first.year}"
    for expected in ("approuvée", full_name(people["Sophie"]), day_one):
        assert expected in text, f"the decision's PDF lacks {expected!r}:\n{text[:2000]}"

    claims = receipt_claims(gateway, token, message_id)
    assert isinstance(claims.get("opened_at"), int), f"the receipt has no opened_at after Sophie opened it: {claims}"

    mails = wait_for_mail(gateway, people["Sophie"]["email"], lambda m: "interruption de carrière" in (m.get("subject") or ""),
                          "Sophie's e-mail about the decision")
    assert len(mails) == 1, f"{len(mails)} decision e-mails to Sophie"
    assert "Décision" in mails[0]["subject"], mails[0]["subject"]
    assert f"{gateway.url}/ebox" in mail_text(mails[0]), f"Sophie's e-mail has no link to the eBox:\n{mail_text(mails[0])[:1500]}"

    # Emma, without an eBox.
    assert open_as(emma, "/selfservice/career-interruption?lang=en", people["Emma"]) == 200
    status = apply_for_interruption(emma, "medical_assistance", "full", first_of_month(today(), 3),
                                    last_of_month(first_of_month(today(), 4)), "Emma's medical assistance")
    assert status == 200, f"Emma's application → {status}: {emma.locator('#interruption-problem').all_inner_texts()}"
    emma_path = decide_in_hr(marc, people["Emma"], "Emma's application")
    assert submit_statuses(marc, "#approve-interruption", "approving Emma's interruption")[-1] == 200
    delivery = wait_for_delivery(marc, emma_path, "Emma's decision")
    assert delivery == "waiting_for_ebox", f"Emma's decision: data-delivery={delivery!r}"
    assert visit(emma, "/selfservice/career-interruption") == 200
    emmas = emma.locator("ul#my-interruptions li")
    expect(emmas).to_have_count(1)
    expect(emmas).to_have_attribute("data-delivery", "waiting_for_ebox")
    screenshot(emma, "hr-interruption-emma-waiting")
    mails = wait_for_mail(gateway, people["Emma"]["email"], lambda m: "loopbaanonderbreking" in mail_text(m),
                          "Emma's e-mail about the decision")
    assert len(mails) == 1, f"{len(mails)} decision e-mails to Emma"
    assert "activeer" in mail_text(mails[0]).lower() and f"{gateway.url}/ebox" in mail_text(mails[0]), (
        f"Emma's e-mail does not ask her to activate her eBox:\n{mail_text(mails[0])[:1500]}")


# --- 3. Telework -------------------------------------------------------------------------------------------------


def tick(page, days):
    for code in ("mon", "tue", "wed", "thu", "fri"):
        box = page.locator(f"#telework-{code}")
        if box.count():
            box.set_checked(code in days)


def change_day(page, day, kind, what):
    page.locator("#occasional-day").fill(day.isoformat())
    page.locator("select#occasional-kind").select_option(kind)
    return submit_statuses(page, "#save-occasional", what)[-1]


def test_3_telework_within_the_cap_approved_by_the_manager(sophie, pieter, lena, emma, people, screenshot):
    page = sophie
    assert open_as(page, "/selfservice/absences?lang=en", people["Sophie"]) == 200
    page.locator("#telework-link").click()
    expect(page).to_have_url(re.compile(r"/selfservice/telework$"))
    for code in ("mon", "tue", "wed", "thu", "fri"):
        expect(page.locator(f"#telework-{code}")).to_have_count(1)

    tick(page, {"mon", "tue", "wed", "thu"})
    status = submit_statuses(page, "#save-pattern", "four days of telework")[-1]
    assert status == 422, f"four days of telework at BOSA → {status}"
    expect(page.locator("#telework-over-cap")).to_be_visible()

    tick(page, {"mon", "tue", "wed"})
    status = submit_statuses(page, "#save-pattern", "three days of telework")[-1]
    assert status == 200, f"three days of telework → {status}"
    expect(page).to_have_url(re.compile(r"/selfservice/telework\?done=asked$"))
    expect(page.locator("#telework-asked")).to_be_visible()
    expect(page.locator("#pattern-status")).to_have_attribute("data-status", "requested")
    sideways_scroll(page, "the telework page")
    screenshot(page, "hr-telework-asked-phone")

    # Pieter approves; his month shows her telework days.
    assert open_as(pieter, "/selfservice/team?lang=en", people["Pieter"]) == 200
    waiting = pieter.locator("#telework-waiting li[data-pattern]", has_text=full_name(people["Sophie"]))
    expect(waiting).to_have_count(1)
    screenshot(pieter, "hr-telework-waiting-pieter")
    with pieter.expect_navigation():
        waiting.locator("button.approve-telework").click()
    expect(pieter.locator("#telework-waiting li[data-pattern]", has_text=full_name(people["Sophie"]))).to_have_count(0)
    expect(pieter.locator("#telework-decided")).to_be_visible()

    assert visit(page, "/selfservice/telework") == 200
    expect(page.locator("#pattern-status")).to_have_attribute("data-status", "approved")
    for code, checked in (("mon", True), ("tue", True), ("wed", True), ("thu", False), ("fri", False)):
        (expect(page.locator(f"#telework-{code}")).to_be_checked if checked else expect(page.locator(f"#telework-{code}")).not_to_be_checked)()

    row = f'#team-calendar tr[data-person="{people["Sophie"]["nrn"]}"]'
    cells = pieter.locator(f"{row} td[data-day]").evaluate_all(
        "cs => cs.map(c => [c.dataset.day, c.className, c.getAttribute('title')])")
    assert cells, f"no cells for Sophie in Pieter's month at {pieter.url}"
    wrong, marked = [], 0
    for day_text, classes, title in cells:
        day = datetime.date.fromisoformat(day_text)
        names = set(classes.split())
        if names & {"away", "away-half", "asked"} or "off" in names or is_holiday(day):
            continue
        teleworking = "telework" in names
        if day.weekday() <= 2:
            marked += teleworking
            if not teleworking or title != "Telework":
                wrong.append((day_text, classes, title))
        elif teleworking:
            wrong.append((day_text, classes, title))
    assert not wrong and marked, f"Sophie's cells in Pieter's month (Mon–Wed telework expected): {wrong}, {marked} marked"
    screenshot(pieter, "hr-telework-team-pieter")

    # Days other than usual, in a week without public holidays.
    monday = quiet_week()
    thursday, saturday = monday + datetime.timedelta(days=3), monday + datetime.timedelta(days=5)
    status = change_day(page, thursday, "add", "a fourth day in the week")
    assert status == 422, f"a fourth telework day in the week of {monday} → {status}"
    expect(page.locator("#telework-day-refused")).to_be_visible()
    status = change_day(page, saturday, "add", "a Saturday")
    assert status == 422, f"telework on Saturday {saturday} → {status}"
    expect(page.locator("#telework-day-refused")).to_be_visible()
    assert change_day(page, monday, "remove", "no telework on a Monday") == 200
    expect(page).to_have_url(re.compile(r"/selfservice/telework\?done=day$"))
    expect(page.locator("#telework-day")).to_be_visible()
    status = change_day(page, thursday, "add", "the Thursday instead")
    assert status == 200, f"the Thursday instead of the Monday → {status}"
    expect(page.locator(f'ul#occasional-days li[data-day="{monday.isoformat()}"][data-kind="remove"]')).to_have_count(1)
    expect(page.locator(f'ul#occasional-days li[data-day="{thursday.isoformat()}"][data-kind="add"]')).to_have_count(1)
    screenshot(page, "hr-telework-days-phone")

    # Lena (Finance): cap 2, no approval.
    assert open_as(lena, "/selfservice/telework?lang=en", people["Lena"]) == 200
    tick(lena, {"tue", "wed", "thu"})
    assert submit_statuses(lena, "#save-pattern", "Lena's three days")[-1] == 422
    expect(lena.locator("#telework-over-cap")).to_be_visible()
    tick(lena, {"tue", "thu"})
    assert submit_statuses(lena, "#save-pattern", "Lena's two days")[-1] == 200
    expect(lena).to_have_url(re.compile(r"/selfservice/telework\?done=saved$"))
    expect(lena.locator("#telework-saved")).to_be_visible()
    expect(lena.locator("#pattern-status")).to_have_attribute("data-status", "approved")
    screenshot(lena, "hr-telework-lena-saved")

    # Emma (4/5, Fridays off): no Friday to tick.
    assert open_as(emma, "/selfservice/telework?lang=en", people["Emma"]) == 200
    expect(emma.locator("#telework-thu")).to_have_count(1)
    expect(emma.locator("#telework-fri")).to_have_count(0)


# --- 4. Personnel file -------------------------------------------------------------------------------------------


def check_file(page, person, share):
    nrn = person["nrn"]
    formatted = f"{nrn[0:2]}.{nrn[2:4]}.{nrn[4:6]}-{nrn[6:9]}.{nrn[9:11]}"
    identity = page.locator("#identity")
    for expected in (full_name(person), formatted, person["email"]):
        expect(identity).to_contain_text(expected)
    expect(identity).to_contain_text(re.compile(rf"(?<!\d){int(nrn[4:6])}(?!\d).*(19|20){nrn[0:2]}(?!\d)"))  # the birth date
    career = page.locator("#career")
    expect(career).to_contain_text(re.compile(r"(?<!\d)(19|20)\d\d(?!\d)"))  # the entry date
    for title in ("Gestion du temps et des priorités", "RGPD pour les agents publics"):
        expect(page.locator("#training")).to_contain_text(title)
    expect(page.locator("#regime-share")).to_contain_text(share)
    expect(page.locator("#regime")).to_contain_text("7:36")
    expect(page.locator("#training tbody tr")).to_have_count(2)
    expect(page.locator("#documents")).to_be_visible()


def test_4_personnel_file_for_the_person_and_hr(sophie, marc, emma, people, screenshot):
    page = sophie
    assert open_as(page, "/selfservice/payslips?lang=en", people["Sophie"]) == 200
    page.locator("#nav-file").click()
    expect(page).to_have_url(re.compile(r"/selfservice/file$"))
    check_file(page, people["Sophie"], "100 %")
    career = page.locator("#career")
    expect(career).to_contain_text("Pieter Janssens")
    expect(career).to_contain_text("BOSA")
    if STATE.get("payslips"):
        expect(page.locator("#documents li.document").filter(has_text=re.compile(r"Pay slip|Fiche|salary", re.I))).not_to_have_count(0)
        expect(page.locator("#documents li.document")).to_have_count(2)  # the pay slip and the decision
    sideways_scroll(page, "the personnel file")
    screenshot(page, "hr-file-sophie-phone")

    assert open_as(emma, "/selfservice/file?lang=en", people["Emma"]) == 200
    expect(emma.locator("#regime-share")).to_contain_text("4/5")
    expect(emma.locator("#regime")).not_to_contain_text("Friday")

    # Marc, through the staff list.
    assert open_as(marc, "/selfservice/hr?lang=en", people["Marc"]) == 200
    marc.locator("#staff-link").click()
    expect(marc).to_have_url(re.compile(r"/selfservice/hr/people$"))
    staff = marc.locator("table#staff")
    for name in FIVE:
        expect(staff.locator(f'a[href="/selfservice/hr/people/{people[name]["nrn"]}"]')).to_have_count(1)
    screenshot(marc, "hr-staff-marc")
    staff.locator(f'a[href="/selfservice/hr/people/{people["Sophie"]["nrn"]}"]').click()
    expect(marc).to_have_url(re.compile(rf"/selfservice/hr/people/{people['Sophie']['nrn']}$"))
    check_file(marc, people["Sophie"], "100 %")
    expect(marc.locator("#career")).to_contain_text("Pieter Janssens")
    screenshot(marc, "hr-file-sophie-by-marc")

    # Sophie is no HR officer.
    for path in ("/selfservice/hr", "/selfservice/hr/people", "/selfservice/hr/payslips",
                 f"/selfservice/hr/people/{people['Sophie']['nrn']}"):
        assert visit(page, path) == 403, f"Sophie on {path}"
        expect(page.locator("#not-hr-officer")).to_be_visible()
    screenshot(page, "hr-403-sophie-phone")


# --- 5. Accessibility and phones ----------------------------------------------------------------------------------


def test_5_hr_pages_have_no_wcag_violation_and_fit_a_phone(sophie, marc, people, screenshot):
    axe = Axe()
    phone = Audit(axe, screenshot, "en", "phone", "PersoSelfService HR documents")
    desktop = Audit(axe, screenshot, "en", "desktop", "PersoSelfService HR documents")
    assert open_as(sophie, "/selfservice/payslips?lang=en", people["Sophie"]) == 200
    for path, name in (("/selfservice/payslips", "hr-payslips"), ("/selfservice/career-interruption", "hr-interruption"),
                       ("/selfservice/telework", "hr-telework"), ("/selfservice/file", "hr-file")):
        assert visit(sophie, path) == 200, path
        sideways_scroll(sophie, path)
        phone.check(sophie, name)

    assert open_as(marc, "/selfservice/hr?lang=en", people["Marc"]) == 200
    desktop.check(marc, "hr-area")
    pages = [("/selfservice/hr/payslips", "hr-publish"), ("/selfservice/hr/people", "hr-staff")]
    run = STATE.get("run") or (marc.locator("#payslip-runs a").first.get_attribute("href") if marc.locator("#payslip-runs a").count() else None)
    pages += [(run, "hr-run")] if run else []
    pages += [(STATE["decision"], "hr-decision")] if STATE.get("decision") else []
    for path, name in pages:
        assert visit(marc, path) == 200, path
        desktop.check(marc, name)
    missing = [name for name, present in (("a run page", run), ("a decision page", STATE.get("decision"))) if not present]

    problems = sorted(set(STATE["sideways"]))
    for audit in (phone, desktop):
        if audit.problems:
            problems.append(f"{len(audit.problems)} WCAG A/AA violation(s) ({audit.size}):\n" + "\n".join(audit.lines(audit.problems)))
    if missing:
        problems.append(f"not audited (stories 1–2 did not leave them): {missing}")
    assert not problems, "\n".join(problems)
