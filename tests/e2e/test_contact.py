"""PersoContact, the HR case desk (issue 18), in a real browser, on a server of its own.

  a. Sophie Dubois (BOSA, French, token card, desktop 1280x800) opens /contact, answers "I work for BOSA", asks a
     question about her pay (subject, month, text, a small PDF): the case page says it was sent and shows its
     reference (PC-XXXXXXXX); the summary e-mail in the development mailbox carries the reference in its subject and
     a link to the case, never what she wrote.
  b. Marc Lambert, the demo's only case handler (BOSA's desk and finance's), finds the case in his queue ("mine":
     round robin gave it to him), opens it, adds an internal note with a marker of this run, takes a saved answer
     (template) in Sophie's language, and answers with a PDF for her eBox and the status "answered": p#done, and the
     thread shows where the document went (p.ebox-link).
  c. Sophie: the answer's e-mail has a link and not the answer; the case page shows the answer and never the
     internal note (not a byte of it in the HTML); the eBox link opens the document, listed in her /ebox. She
     replies (the case goes back to "in progress"); Marc closes it; the closing e-mail links to the rating page;
     she rates 4 with a comment; Marc's queue shows the pay topic's average. A reply within 14 days of closing
     reopens the case; a reply to her demo case closed 20 days ago opens a new case (p#previous-case links back).
  d. Who sees what: Pieter gets 404 for Sophie's case, its files and a reply to it, and 403 (#not-a-handler) for the
     queue. Lena (finance) answers "another federal service": her question goes to finance's desk, which Marc sees
     under desk=finance and not under desk=bosa. Emma has no eBox: a document answer to her becomes a file of the
     case (?done=answered-download, a.file-link).
  e. Pieter on a phone (390x844, Dutch): the ask form and a case page never scroll sideways.
  f. Bad input: a file just over 10 MB (422, #attachments-input-error, subject and text kept), an .exe renamed .pdf (refused),
     an empty subject (#subject-error).
  g. axe-core (WCAG 2.x A/AA) on the ask form, a case page and the queue: no serious or critical violation.

The stories run in file order and share the module's server and the browsers of Sophie and Marc (one session each).
Screenshots: contact-*.png and a11y-contact-*.png in the e2e screenshot directory (PERSOPOINT_SCREENSHOTS).
"""

import os
import re
import sys
import time
import uuid
import warnings
from pathlib import Path
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from accessibility_audit import Audit  # noqa: E402
from gateway_login import log_in_with_token_card  # noqa: E402
from own_server import demo_people, start_own_server, wait_for_mail  # noqa: E402

UPLOAD_WAIT = 120  # seconds for the server to read (and refuse) an 11 MB upload: the debug build's parser is slow

DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
LOCALES = {"fr": ("fr-BE", "fr-BE,fr;q=0.9"), "nl": ("nl-BE", "nl-BE,nl;q=0.9"), "de": ("de-BE", "de-BE,de;q=0.9"),
           "en": ("en-GB", "en-GB,en;q=0.9")}

UUID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
REFERENCE = re.compile(r"^PC-[A-Z0-9]{8}$")
LOGIN_URL = re.compile(r"/fas/login\?tx=")
RUN = uuid.uuid4().hex[:8]  # this run's markers, so that nothing found can come from an earlier run

# What the stories leave for the next ones (the module's tests run in file order).
STATE = {}


# --- the server, the people, the browsers -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def gateway():
    """A PersoPoint of its own (development mode: demo people, demo eBoxes, demo desk, development mailbox)."""
    server = start_own_server("contact-e2e")
    yield server
    server.cleanup()


@pytest.fixture(scope="module")
def base_url(gateway):
    """The pages of this module are this module's server's (whatever PERSOPOINT_URL says)."""
    return gateway.url


@pytest.fixture(scope="module")
def people(gateway):
    people = demo_people(gateway)
    for name in ("Sophie", "Pieter", "Lena", "Marc", "Emma"):
        assert name in people, f"no demo person {name}: {sorted(people)}"
        for key in ("username", "password", "tokenCard", "email", "nrn", "memberships"):
            assert key in people[name], f"{name} lacks {key} in the demo credentials: {sorted(people[name])}"
    assert "bosa:case_handler" in people["Marc"]["memberships"], people["Marc"]["memberships"]
    return people


def new_context(browser, gateway, lang, size=DESKTOP):
    locale, accept = LOCALES[lang]
    context = browser.new_context(base_url=gateway.url, locale=locale, extra_http_headers={"Accept-Language": accept}, **size)
    context.set_default_timeout(15_000)
    return context


@pytest.fixture(scope="module")
def sophie_page(browser, gateway):
    """Sophie's browser for every story she is in: one context, one session."""
    context = new_context(browser, gateway, "fr")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def marc_page(browser, gateway):
    """Marc's browser (the case handler), a second context."""
    context = new_context(browser, gateway, "fr")
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def axe():
    return Axe()


# --- helpers -------------------------------------------------------------------------------------------------------


def log_in_if_asked(page, person, back_to):
    """After a navigation: if PersoContact (or the eBox) sent the person to the gateway, logs them in with the token
    card; then waits to be back at a URL matching back_to."""
    expect(page).to_have_url(re.compile(rf"{LOGIN_URL.pattern}|{back_to.pattern}"))
    if LOGIN_URL.search(page.url):
        log_in_with_token_card(page, person)
    expect(page).to_have_url(back_to)
    page.wait_for_load_state("load")


def open_page(page, person, path, back_to=None):
    """Opens path, logging the person in at the gateway if asked; returns the page's last response status (a 4xx page
    is a page too)."""
    statuses = []
    listener = lambda response: statuses.append((response.url, response.status)) if response.request.is_navigation_request() else None
    page.on("response", listener)
    try:
        page.goto(path)
        log_in_if_asked(page, person, back_to or re.compile(re.escape(path.split("?")[0]) + r"(\?.*)?$"))
    finally:
        page.remove_listener("response", listener)
    return statuses[-1][1] if statuses else None


def choose_employer(page, value):
    """On /contact: answers the question (value bosa or other); the choice is then remembered."""
    page.goto("/contact")
    if page.locator("#contact-choice").count():
        page.locator("#contact-change").click()
        expect(page.locator("#contact-choice")).to_have_count(0)
    page.locator(f'button[name="organisation"][value="{value}"]').click()
    expect(page).to_have_url(re.compile(r"/contact/?$"))
    expect(page.locator("#contact-choice")).to_be_visible()
    for tile in ("a#start-question", "a#my-cases", "a#case-queue", "#contact-change"):
        expect(page.locator(tile)).to_be_visible()


def sideways_scroll(page, what):
    """None, or what scrolls sideways and by how much (see test_ebox.py: the phone's own width counts too)."""
    page.wait_for_load_state("load")
    widths = page.evaluate("({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})")
    widths["phone"] = page.viewport_size["width"]
    if widths["scroll"] > min(widths["inner"], widths["phone"]):
        return f"{what} scrolls sideways on a phone: {widths} at {page.url}"
    return None


def outbox_to(gateway, address):  # noqa: D103
    return gateway.outbox_to(address)




def mail_bodies(mail):
    return (mail.get("text") or "") + "\n" + (mail.get("html") or "")


def pdf_bytes(text: str) -> bytes:
    """A small valid one-page PDF saying text."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_file(name, text):
    return {"name": name, "mimeType": "application/pdf", "buffer": pdf_bytes(text)}


def submit(page, button, what, timeout=15_000):
    """Clicks a submit button and returns the status of the page the browser ends on (after redirects)."""
    statuses = []
    listener = lambda response: statuses.append(response.status) if response.request.is_navigation_request() else None
    page.on("response", listener)
    try:
        with page.expect_navigation(timeout=timeout):
            page.locator(button).click(timeout=timeout)
        page.wait_for_load_state("load", timeout=timeout)
    finally:
        page.remove_listener("response", listener)
    assert statuses, f"{what}: no navigation after {button}"
    return statuses[-1]


def ask(page, person, topic, subject, body, fields=None, files=None, screenshot=None, shot=None):
    """From the topic choice: the topic's form filled and sent; returns (case id, reference) from the case page."""
    open_page(page, person, "/contact/ask")
    expect(page.locator("p#desk")).to_be_visible()
    page.locator(f"a#topic-{topic}").click()
    expect(page).to_have_url(re.compile(rf"/contact/ask/{topic}(\?.*)?$"))
    form = page.locator("form#question-form")
    expect(form).to_be_visible()
    assert (form.get_attribute("enctype") or "").lower() == "multipart/form-data", form.get_attribute("enctype")
    page.locator("#subject").fill(subject)
    for selector, value in (fields or {}).items():
        if page.locator(selector).evaluate("e => e.tagName") == "SELECT":
            page.locator(selector).select_option(value)
        else:
            page.locator(selector).fill(value)
    page.locator("textarea#body").fill(body)
    if files:
        page.locator("#attachments-input").set_input_files(files)
    if screenshot and shot:
        screenshot(page, shot)
    status = submit(page, "#send-question", f"{subject}: sending the question")
    assert status == 200, f"sending the question ended on a {status} page at {page.url}"
    expect(page).to_have_url(re.compile(rf"/contact/cases/({UUID_PATTERN})\?done=asked$"))
    case_id = re.search(rf"/contact/cases/({UUID_PATTERN})", page.url).group(1)
    expect(page.locator("p#asked")).to_be_visible()
    expect(page.locator("h1#case-subject")).to_have_text(subject)
    reference = page.locator("dd#case-reference").inner_text().strip()
    assert REFERENCE.match(reference), f"dd#case-reference is {reference!r}, not PC-XXXXXXXX"
    return case_id, reference


def queue_rows(page):
    return page.locator("table#queue tr.case-row")


def queue_has(page, case_id):
    return page.locator(f'table#queue tr.case-row[data-id="{case_id.lower()}" i]')


def set_status(page, status):
    page.locator("select#status").select_option(status)
    result = submit(page, "#change-status", f"status {status}")
    assert result == 200, f"changing the status to {status} ended on a {result} page at {page.url}"
    expect(page).to_have_url(re.compile(r"[?&]done=status"))

# --- a. Sophie asks ---------------------------------------------------------------------------------------------------


def test_a_sophie_asks_about_her_pay(sophie_page, gateway, people, screenshot):
    page, sophie = sophie_page, people["Sophie"]

    # The entry needs no login: the question first, then the remembered choice with its tiles.
    response = page.goto("/contact")
    assert response.status == 200, response.status
    expect(page).to_have_url(re.compile(r"/contact/?$"))
    choices = page.locator('form[action$="/contact/employer"] button[name="organisation"]')
    values = sorted(b.get_attribute("value") for b in choices.all())
    assert values == ["bosa", "other"], f"the question offers {values}"
    screenshot(page, "contact-entry-question")
    page.locator('button[name="organisation"][value="bosa"]').click()
    expect(page.locator("#contact-choice")).to_be_visible()
    for tile, href in (("a#start-question", "/contact/ask"), ("a#my-cases", "/contact/cases"), ("a#case-queue", "/contact/queue")):
        expect(page.locator(tile)).to_have_attribute("href", re.compile(rf"{re.escape(href)}$"))
    expect(page.locator("#contact-change")).to_be_visible()
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert any("contact" in name for name in cookies), f"the choice is not remembered in a cookie: {sorted(cookies)}"
    screenshot(page, "contact-entry")

    # Ask: the gateway's login (token card, Level300), then the topics.
    page.locator("a#start-question").click()
    log_in_if_asked(page, sophie, re.compile(r"/contact/ask/?(\?.*)?$"))
    expect(page.locator("p#desk")).to_be_visible()
    for topic in ("pay", "pecuniary_career", "personal_data", "absences"):
        expect(page.locator(f"a#topic-{topic}")).to_have_attribute("href", re.compile(rf"/contact/ask/{topic}$"))
    screenshot(page, "contact-topics")

    # The pay form: its own field is the month; a small real PDF attached.
    page.locator("a#topic-pay").click()
    expect(page).to_have_url(re.compile(r"/contact/ask/pay$"))
    form = page.locator("form#question-form")
    expect(form).to_have_attribute("data-keep-draft", re.compile(r".*"))
    expect(page.locator("#field-month")).to_have_attribute("type", "month")
    expect(page.locator("#field-month")).to_have_attribute("name", "month")
    expect(page.locator("#subject")).to_have_attribute("name", "subject")
    expect(page.locator("textarea#body")).to_have_attribute("name", "body")
    expect(page.locator("#attachments-input")).to_have_attribute("name", "attachments")
    expect(page.locator("#attachments-input")).to_have_attribute("multiple", re.compile(r".*"))

    subject = f"Prime de fin d'année {RUN}"
    question = f"Bonjour, ma prime d'octobre semble trop basse. Texte-de-la-question-{RUN}. Merci de vérifier."
    attachment = pdf_bytes(f"Fiche de paie octobre {RUN}")
    page.locator("#subject").fill(subject)
    page.locator("#field-month").fill("2026-10")
    expect(page.locator("#field-month")).to_have_value("2026-10")
    page.locator("textarea#body").fill(question)
    page.locator("#attachments-input").set_input_files({"name": "fiche-octobre.pdf", "mimeType": "application/pdf", "buffer": attachment})
    screenshot(page, "contact-ask")

    status = submit(page, "#send-question", "Sophie's question")
    assert status == 200, f"sending the question ended on a {status} page at {page.url}:\n{gateway.log_tail(20)}"
    expect(page).to_have_url(re.compile(rf"/contact/cases/({UUID_PATTERN})\?done=asked$"))
    case_id = re.search(rf"/contact/cases/({UUID_PATTERN})", page.url).group(1)
    expect(page.locator("p#asked")).to_be_visible()
    expect(page.locator("h1#case-subject")).to_have_text(subject)
    expect(page.locator("dl#case-facts")).to_be_visible()
    reference = page.locator("dd#case-reference").inner_text().strip()
    assert REFERENCE.match(reference), f"dd#case-reference is {reference!r}, not PC-XXXXXXXX"
    expect(page.locator("dd#case-status")).to_be_visible()
    expect(page.locator("dd#case-due")).to_be_visible()
    mine = page.locator("ol#thread li.message.from-employee")
    expect(mine).to_have_count(1)
    expect(mine.first).to_contain_text(f"Texte-de-la-question-{RUN}")
    link = mine.first.locator("a.file-link")
    expect(link).to_have_text("fiche-octobre.pdf")
    expect(page.locator("form#reply-form")).to_be_visible()
    screenshot(page, "contact-case-asked")

    # Her file comes back as sent, as a download that can never run as a page.
    href = link.get_attribute("href")
    assert re.search(rf"/contact/cases/{case_id}/files/{UUID_PATTERN}$", href, re.I), href
    answer = page.request.get(urljoin(page.url, href))
    assert answer.status == 200, answer.status
    assert answer.body() == attachment, "the file downloaded is not the PDF sent"
    assert answer.headers.get("content-disposition", "").startswith("attachment"), answer.headers
    assert "sandbox" in answer.headers.get("content-security-policy", ""), answer.headers

    # "My cases" lists it among the open ones.
    page.goto("/contact/cases")
    expect(page.locator(f'ul#open-cases li[data-id="{case_id}" i]')).to_have_count(1)
    expect(page.locator("a#ask-question")).to_be_visible()
    screenshot(page, "contact-my-cases")

    # The summary e-mail: the reference in the subject, a link to the case, nothing of what she wrote.
    mails = wait_for_mail(gateway, sophie["email"], lambda m: reference in (m.get("subject") or ""), "the summary of Sophie's question")
    bodies = mail_bodies(mails[0])
    assert reference in bodies, f"the summary e-mail does not give the reference {reference}:\n{bodies[:2000]}"
    assert f"/contact/cases/{case_id}" in bodies, f"the summary e-mail has no link to /contact/cases/{case_id}:\n{bodies[:2000]}"
    assert f"Texte-de-la-question-{RUN}" not in bodies + mails[0].get("subject", ""), "the summary e-mail carries the question's text"
    STATE.update(case_id=case_id, reference=reference, subject=subject, question=question, summary_ids={m["id"] for m in mails},
                 file_href=href)


# --- b. Marc handles it -------------------------------------------------------------------------------------------


def test_b_marc_answers_with_a_document_for_the_ebox(marc_page, gateway, people, screenshot):
    assert STATE.get("case_id"), "story a did not open a case"
    page, marc, case_id = marc_page, people["Marc"], STATE["case_id"]

    open_page(page, marc, "/contact/queue?desk=bosa&view=mine", re.compile(r"/contact/queue(\?.*)?$"))
    expect(page.locator("nav#queue-views a#view-mine")).to_be_visible()
    for view in ("unassigned", "open", "closed"):
        expect(page.locator(f"nav#queue-views a#view-{view}")).to_be_visible()
    expect(page.locator("nav#queue-views a#view-mine")).to_contain_text(re.compile(r"\(\d+\+?\)"))
    expect(page.locator("nav#desks")).to_be_visible()  # Marc handles two desks
    row = queue_has(page, case_id)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(STATE["reference"])
    expect(page.locator("form#queue-filters")).to_be_visible()
    expect(page.locator("form#duties-form #on-duty")).to_be_visible()
    screenshot(page, "contact-queue")

    # The queue's search and topic filter find it.
    page.locator("#search").fill(STATE["reference"])
    page.locator("#apply-filters").click()
    expect(page).to_have_url(re.compile(r"[?&]q="))
    expect(queue_has(page, case_id)).to_have_count(1)
    page.goto("/contact/queue?desk=bosa&view=open")
    page.locator("select#filter-topic").select_option("absences")
    page.locator("#apply-filters").click()
    expect(page).to_have_url(re.compile(r"[?&]topic=absences"))
    expect(queue_has(page, case_id)).to_have_count(0)

    page.goto("/contact/queue?desk=bosa&view=mine")
    queue_has(page, case_id).locator(f'a[href$="/contact/queue/cases/{case_id}" i]').click()
    expect(page).to_have_url(re.compile(rf"/contact/queue/cases/{case_id}$", re.I))
    expect(page.locator("dd#case-reference")).to_have_text(STATE["reference"])
    expect(page.locator("dd#case-assignee")).to_contain_text("Marc")
    expect(page.locator("form#assign-form select#assignee")).to_have_value(marc["nrn"])
    expect(page.locator("ol#thread li.message.from-employee")).to_contain_text(f"Texte-de-la-question-{RUN}")
    # The handler's link to Sophie's file works too.
    handler_link = page.locator("ol#thread a.file-link").first
    expect(handler_link).to_have_attribute("href", re.compile(rf"/contact/queue/cases/{case_id}/files/{UUID_PATTERN}$", re.I))
    got = page.request.get(urljoin(page.url, handler_link.get_attribute("href")))
    assert got.status == 200 and got.headers.get("content-disposition", "").startswith("attachment"), (got.status, got.headers)
    assert "sandbox" in got.headers.get("content-security-policy", ""), got.headers
    screenshot(page, "contact-handling")

    # An internal note.
    note = f"Note-interne-secrete-{RUN}"
    page.locator("textarea#note").fill(f"Vérifié avec la paie : {note}")
    status = submit(page, "#add-note", "the internal note")
    assert status == 200, status
    expect(page).to_have_url(re.compile(r"[?&]done=noted"))
    expect(page.locator("p#done")).to_be_visible()
    expect(page.locator("ol#thread li.message.internal-note")).to_contain_text(note)
    STATE["note"] = note

    # A saved answer in Sophie's language (French), then the document for her eBox.
    expect(page.locator("form#template-form")).to_be_visible()
    options = page.locator("select#template option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
    assert options and all(value for value, _ in options), f"select#template offers {options}"
    pay_template = next((value for value, text in options if "paie" in text.lower() or "pay" in text.lower()), options[0][0])
    page.locator("select#template").select_option(pay_template)
    page.locator("#use-template").click()
    expect(page).to_have_url(re.compile(r"[?&]template="))
    prefilled = page.locator("textarea#answer").input_value()
    assert prefilled.strip(), "the template did not prefill textarea#answer"
    assert re.search(r"\b(Bonjour|Vous|votre)\b", prefilled), f"the template is not in Sophie's language (French): {prefilled!r}"

    answer = f"{prefilled} votre prime est correcte. Reponse-du-service-{RUN}."
    page.locator("textarea#answer").fill(answer)
    page.locator("input#document-input").set_input_files(pdf_file(f"attestation-{RUN}.pdf", f"Attestation {RUN}"))
    page.locator("select#answer-status").select_option("answered")
    status = submit(page, "#send-answer", "Marc's answer")
    assert status == 200, f"the answer ended on a {status} page at {page.url}:\n{gateway.log_tail(30)}"
    expect(page).to_have_url(re.compile(r"[?&]done=answered-ebox"))
    expect(page.locator("p#done")).to_be_visible()
    ebox_link = page.locator("ol#thread li.message.from-desk p.ebox-link a[href^='/ebox/documents/']")
    expect(ebox_link).to_have_count(1)
    expect(page.locator("ol#thread li.message.from-desk")).to_contain_text(f"Reponse-du-service-{RUN}")
    expect(page.locator("dd#case-status .status-answered")).to_have_count(1)
    expect(page.locator("ol#history li").first).to_be_visible()
    screenshot(page, "contact-handling-answered")
    STATE.update(answer_marker=f"Reponse-du-service-{RUN}", ebox_href=ebox_link.get_attribute("href"))


# --- c. Sophie reads, follows the eBox link, replies, rates ---------------------------------------------------------


def test_c_sophie_reads_the_answer_replies_and_rates(sophie_page, marc_page, gateway, people, screenshot):
    assert STATE.get("answer_marker"), "story b did not answer"
    page, sophie, case_id, reference = sophie_page, people["Sophie"], STATE["case_id"], STATE["reference"]

    # The answer's e-mail: a link, never the answer.
    mails = wait_for_mail(gateway, sophie["email"],
                          lambda m: reference in (m.get("subject") or "") and m["id"] not in STATE["summary_ids"],
                          "the e-mail saying the desk answered")
    bodies = mail_bodies(mails[0])
    assert f"/contact/cases/{case_id}" in bodies, f"the answer e-mail has no link to the case:\n{bodies[:2000]}"
    assert STATE["answer_marker"] not in bodies, "the answer e-mail carries the answer's text"
    assert STATE["note"] not in bodies, "the answer e-mail carries the internal note"
    seen_mails = STATE["summary_ids"] | {m["id"] for m in mails}

    # The case: the answer is there, the internal note nowhere in the HTML.
    open_page(page, sophie, f"/contact/cases/{case_id}")
    expect(page.locator("ol#thread li.message.from-desk")).to_contain_text(STATE["answer_marker"])
    assert STATE["note"] not in page.content(), "Sophie's case page carries the desk's internal note"
    expect(page.locator("ol#thread li.message.internal-note")).to_have_count(0)
    link = page.locator("ol#thread p.ebox-link a[href^='/ebox/documents/']")
    expect(link).to_have_count(1)
    document_href = link.get_attribute("href")
    document_id = document_href.rstrip("/").split("/")[-1]
    screenshot(page, "contact-case-answered")

    # The eBox link opens the document; the mailbox lists it.
    link.click()
    log_in_if_asked(page, sophie, re.compile(r"/ebox/documents/"))
    expect(page.locator("#document-subject")).to_be_visible()
    expect(page.locator("#files li.file").first).to_be_visible()
    screenshot(page, "contact-ebox-document")
    page.goto("/ebox")
    expect(page.locator(f'#mailbox .document[data-id="{document_id}" i]')).to_have_count(1)

    # She replies: back to "in progress".
    page.goto(f"/contact/cases/{case_id}")
    page.locator("form#reply-form textarea#body").fill(f"Merci, mais le montant reste incompréhensible. Replique-{RUN}")
    status = submit(page, "#send-reply", "Sophie's reply")
    assert status == 200, status
    expect(page).to_have_url(re.compile(rf"/contact/cases/{case_id}\?done=replied$", re.I))
    expect(page.locator("p#replied")).to_be_visible()
    expect(page.locator("dd#case-status .status-in_progress")).to_have_count(1)
    expect(page.locator("ol#thread li.message.from-employee")).to_have_count(2)

    # Marc closes the case.
    marc = marc_page
    marc.goto(f"/contact/queue/cases/{case_id}")
    expect(marc.locator("ol#thread li.message.from-employee").last).to_contain_text(f"Replique-{RUN}")
    set_status(marc, "closed")
    expect(marc.locator("p#done")).to_be_visible()
    expect(marc.locator("dd#case-status .status-closed")).to_have_count(1)

    # The closing e-mail links to the rating page.
    mails = wait_for_mail(gateway, sophie["email"], lambda m: m["id"] not in seen_mails and f"/contact/cases/{case_id}/rating" in mail_bodies(m),
                          "the closing e-mail with the rating link")
    assert reference in (mails[0].get("subject") or ""), f"the closing e-mail's subject lacks the reference: {mails[0].get('subject')!r}"
    assert STATE["answer_marker"] not in mail_bodies(mails[0])

    # She rates the answer: 4, with a comment.
    page.goto(f"/contact/cases/{case_id}")
    expect(page.locator("dd#case-status .status-closed")).to_have_count(1)
    page.locator("a#rate-link").click()
    expect(page).to_have_url(re.compile(rf"/contact/cases/{case_id}/rating$", re.I))
    expect(page.locator("form#rating-form")).to_be_visible()
    for score in range(1, 6):
        expect(page.locator(f"#score-{score}")).to_have_count(1)
    page.locator("#score-4").check()
    page.locator("textarea#comment").fill(f"Réponse claire, un peu lente. {RUN}")
    screenshot(page, "contact-rating")
    status = submit(page, "#send-rating", "the rating")
    assert status == 200, status
    expect(page).to_have_url(re.compile(rf"/contact/cases/{case_id}\?done=rated$", re.I))
    expect(page.locator("p#rated")).to_be_visible()
    expect(page.locator("p#your-rating")).to_contain_text("4")
    expect(page.locator("a#rate-link")).to_have_count(0)
    screenshot(page, "contact-case-rated")
    page.goto("/contact/cases")
    expect(page.locator(f'ul#closed-cases li[data-id="{case_id}" i]')).to_have_count(1)

    # Marc's queue: the pay topic's average.
    marc.goto("/contact/queue?desk=bosa&view=closed")
    expect(queue_has(marc, case_id)).to_have_count(1)
    expect(marc.locator('ul#averages li[data-topic="pay"]')).to_contain_text(re.compile(r"4([.,]0)?\b"))
    screenshot(marc, "contact-queue-averages")


def test_c2_replies_to_closed_cases_reopen_or_continue(sophie_page, gateway, people, screenshot):
    """A reply within 14 days of closing reopens the case; to the demo case closed 20 days ago, it opens a new case
    that links to the old one (p#previous-case)."""
    assert STATE.get("answer_marker"), "story c did not run"
    page, sophie, case_id = sophie_page, people["Sophie"], STATE["case_id"]

    # Closed minutes ago: the reply reopens it.
    open_page(page, sophie, f"/contact/cases/{case_id}")
    expect(page.locator("dd#case-status .status-closed")).to_have_count(1)
    page.locator("form#reply-form textarea#body").fill(f"Encore une précision. Rouvre-{RUN}")
    assert submit(page, "#send-reply", "a reply to a case closed minutes ago") == 200
    expect(page).to_have_url(re.compile(rf"/contact/cases/{case_id}\?done=replied$", re.I))
    expect(page.locator("dd#case-status .status-in_progress")).to_have_count(1)

    # The demo's case closed 20 days ago: the reply opens a new case that continues it.
    page.goto("/contact/cases")
    old = page.locator("ul#closed-cases li[data-id]").first
    expect(old).to_be_visible()
    old_id = old.get_attribute("data-id")
    page.goto(f"/contact/cases/{old_id}")
    expect(page.locator("dd#case-status .status-closed")).to_have_count(1)
    old_reference = page.locator("dd#case-reference").inner_text().strip()
    page.locator("form#reply-form textarea#body").fill(f"Mon adresse a encore changé. Suite-{RUN}")
    assert submit(page, "#send-reply", "a reply to a case closed 20 days ago") == 200
    expect(page).to_have_url(re.compile(rf"/contact/cases/({UUID_PATTERN})\?done=asked$"))
    new_id = re.search(rf"/contact/cases/({UUID_PATTERN})", page.url).group(1)
    assert new_id.lower() != old_id.lower(), "the reply to a case closed 20 days ago did not open a new case"
    previous = page.locator("p#previous-case")
    expect(previous).to_contain_text(old_reference)
    expect(previous.locator("a")).to_have_attribute("href", re.compile(rf"/contact/cases/{old_id}$", re.I))
    expect(page.locator("ol#thread li.message.from-employee")).to_contain_text(f"Suite-{RUN}")
    screenshot(page, "contact-case-continued")


# --- d. who sees what ----------------------------------------------------------------------------------------------


def test_d_access_and_desks(browser, marc_page, gateway, people, screenshot):
    assert STATE.get("case_id"), "story a did not open a case"
    case_id = STATE["case_id"]

    # Pieter: Sophie's case, its file and a reply to it are "not found"; the queue is not his.
    context = new_context(browser, gateway, "nl")
    try:
        page = context.new_page()
        open_page(page, people["Pieter"], "/contact/cases")
        response = page.goto(f"/contact/cases/{case_id}")
        assert response.status == 404, f"Pieter opening Sophie's case → {response.status}"
        assert STATE["question"] not in page.content()
        file_answer = page.request.get(f"{gateway.url}{STATE['file_href']}")
        assert file_answer.status == 404, f"Pieter downloading Sophie's file → {file_answer.status}"
        page.goto("/contact/cases")
        token = page.locator("input[name=_csrf]").first.get_attribute("value") if page.locator("input[name=_csrf]").count() else ""
        reply = page.request.post(f"{gateway.url}/contact/cases/{case_id}/reply",
                                  multipart={"_csrf": token or "x", "body": f"Pieter-was-here-{RUN}"}, max_redirects=0)
        assert reply.status == 404, f"Pieter replying to Sophie's case → {reply.status}"
        rating = page.request.get(f"{gateway.url}/contact/cases/{case_id}/rating", max_redirects=0)
        assert rating.status == 404, f"Pieter opening Sophie's rating page → {rating.status}"
        handling = page.request.get(f"{gateway.url}/contact/queue/cases/{case_id}", max_redirects=0)
        assert handling.status in (403, 404), f"Pieter opening the desk's page of Sophie's case → {handling.status}"
        response = page.goto("/contact/queue")
        assert response.status == 403, f"Pieter opening the queue → {response.status}"
        expect(page.locator("p#not-a-handler")).to_be_visible()
        screenshot(page, "contact-queue-forbidden")
    finally:
        context.close()

    # Lena (finance) asks as staff of "another federal service": finance's desk.
    context = new_context(browser, gateway, "de")
    try:
        page = context.new_page()
        choose_employer(page, "other")
        page.locator("a#start-question").click()
        log_in_if_asked(page, people["Lena"], re.compile(r"/contact/ask/?(\?.*)?$"))
        expect(page.locator("p#desk")).to_contain_text(re.compile(r"finance", re.I))
        lena_case, lena_reference = ask(page, people["Lena"], "absences", f"Krankmeldung {RUN}", f"Ich war krank. Lena-{RUN}",
                                        fields={"#field-from": "2026-11-02", "#field-to": "2026-11-04"})
        screenshot(page, "contact-case-finance")
    finally:
        context.close()
    marc = marc_page
    marc.goto("/contact/queue?desk=finance&view=open")
    expect(marc.locator("nav#desks")).to_be_visible()
    expect(queue_has(marc, lena_case)).to_have_count(1)
    expect(queue_has(marc, lena_case)).to_contain_text(lena_reference)
    marc.goto("/contact/queue?desk=bosa&view=open")
    expect(queue_rows(marc).first).to_be_visible()
    expect(queue_has(marc, lena_case)).to_have_count(0)
    response = marc.goto(f"/contact/queue/cases/{lena_case}")
    assert response.status == 200, f"Marc (finance's handler too) opening Lena's case → {response.status}"

    # Emma has no eBox: a document answer becomes a file of her case.
    context = new_context(browser, gateway, "nl")
    try:
        page = context.new_page()
        choose_employer(page, "bosa")
        page.locator("a#start-question").click()
        log_in_if_asked(page, people["Emma"], re.compile(r"/contact/ask/?(\?.*)?$"))
        emma_case, _ = ask(page, people["Emma"], "personal_data", f"Nieuw rekeningnummer {RUN}", f"Mijn rekening is veranderd. Emma-{RUN}",
                           fields={"#field-data": "bank_account"})
        marc.goto(f"/contact/queue/cases/{emma_case}")
        marc.locator("textarea#answer").fill(f"Zie het attest. Antwoord-Emma-{RUN}")
        marc.locator("input#document-input").set_input_files(pdf_file(f"attest-{RUN}.pdf", f"Attest {RUN}"))
        marc.locator("select#answer-status").select_option("answered")
        status = submit(marc, "#send-answer", "the answer to Emma")
        assert status == 200, f"the answer to Emma ended on a {status} page:\n{gateway.log_tail(30)}"
        expect(marc).to_have_url(re.compile(r"[?&]done=answered-download"))
        expect(marc.locator("p#done")).to_be_visible()
        page.goto(f"/contact/cases/{emma_case}")
        desk_message = page.locator("ol#thread li.message.from-desk")
        expect(desk_message).to_contain_text(f"Antwoord-Emma-{RUN}")
        expect(desk_message.locator("a.file-link")).to_have_text(f"attest-{RUN}.pdf")
        expect(desk_message.locator("p.ebox-link")).to_have_count(0)
        got = page.request.get(urljoin(page.url, desk_message.locator("a.file-link").get_attribute("href")))
        assert got.status == 200 and got.body().startswith(b"%PDF-"), (got.status, got.headers)
        screenshot(page, "contact-case-download")
    finally:
        context.close()


# --- e. on a phone -------------------------------------------------------------------------------------------------


def test_e_no_sideways_scroll_on_a_phone(browser, gateway, people, screenshot):
    context = new_context(browser, gateway, "nl", PHONE)
    problems = []
    try:
        page = context.new_page()
        choose_employer(page, "bosa")
        problems.append(sideways_scroll(page, "the entry page"))
        screenshot(page, "contact-entry-phone")
        page.locator("a#start-question").click()
        log_in_if_asked(page, people["Pieter"], re.compile(r"/contact/ask/?(\?.*)?$"))
        problems.append(sideways_scroll(page, "the topic choice"))
        page.locator("a#topic-absences").click()
        expect(page.locator("form#question-form")).to_be_visible()
        problems.append(sideways_scroll(page, "the ask form"))
        screenshot(page, "contact-ask-phone")
        case_id, _ = ask(page, people["Pieter"], "pay", f"Loonfiche {RUN}", f"Mijn loonfiche klopt niet. Pieter-{RUN}",
                         fields={"#field-month": "2026-09"}, files=[pdf_file("loonfiche-met-een-heel-lange-bestandsnaam-zonder-spaties.pdf", "x")])
        problems.append(sideways_scroll(page, "the case page"))
        screenshot(page, "contact-case-phone")
        page.goto("/contact/cases")
        expect(page.locator(f'ul#open-cases li[data-id="{case_id}" i]')).to_have_count(1)
        problems.append(sideways_scroll(page, "my cases"))
        screenshot(page, "contact-my-cases-phone")
    finally:
        context.close()
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


# --- f. bad input --------------------------------------------------------------------------------------------------


def test_f_bad_input_is_refused_and_what_was_typed_is_kept(sophie_page, gateway, people, screenshot):
    page, sophie = sophie_page, people["Sophie"]
    subject, text = f"Pièce trop lourde {RUN}", f"Voici ma fiche scannée. Trop-lourd-{RUN}"
    open_page(page, sophie, "/contact/ask/pay")

    def fill(subject_value, files):
        page.locator("#subject").fill(subject_value)
        page.locator("#field-month").fill("2026-08")
        page.locator("textarea#body").fill(text)
        page.locator("#attachments-input").set_input_files(files)

    # A file just over the 10 MB limit: 422, the reason beside the file input, the text kept.
    big = b"%PDF-1.4\n" + os.urandom(10 * 1024 * 1024 + 4096)
    fill(subject, {"name": "scan-11mo.pdf", "mimeType": "application/pdf", "buffer": big})
    started = time.monotonic()
    status = submit(page, "#send-question", "an 11 MB file", timeout=UPLOAD_WAIT * 1000)
    STATE["upload_seconds"] = time.monotonic() - started
    if STATE["upload_seconds"] > 10:
        warnings.warn(f"refusing an 11 MB attachment took {STATE['upload_seconds']:.1f} s (on 127.0.0.1)")
    assert status == 422, f"an 11 MB attachment → {status} at {page.url}"
    expect(page.locator("p#form-errors")).to_be_visible()
    expect(page.locator("#attachments-input-error")).to_be_visible()
    expect(page.locator("#subject")).to_have_value(subject)
    expect(page.locator("textarea#body")).to_have_value(text)
    expect(page.locator("#field-month")).to_have_value("2026-08")
    screenshot(page, "contact-ask-too-large")

    # An .exe renamed .pdf: refused.
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + os.urandom(2048)
    fill(subject, {"name": "fiche.pdf", "mimeType": "application/pdf", "buffer": exe})
    status = submit(page, "#send-question", "an .exe renamed .pdf")
    assert status == 422, f"an .exe renamed .pdf → {status} at {page.url}"
    expect(page.locator("#attachments-input-error")).to_be_visible()
    expect(page.locator("#subject")).to_have_value(subject)
    expect(page.locator("textarea#body")).to_have_value(text)

    # No subject.
    fill("", [])
    status = submit(page, "#send-question", "an empty subject")
    assert status == 422, f"an empty subject → {status} at {page.url}"
    expect(page.locator("#subject-error")).to_be_visible()
    expect(page.locator("#subject")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("textarea#body")).to_have_value(text)
    screenshot(page, "contact-ask-no-subject")

    # Nothing of this was kept.
    page.goto("/contact/cases")
    assert f"Pièce trop lourde {RUN}" not in page.content(), "a refused question was kept as a case"


# --- g. accessibility ----------------------------------------------------------------------------------------------


def test_g_contact_pages_have_no_serious_wcag_violation(sophie_page, marc_page, gateway, people, axe, screenshot):
    assert STATE.get("case_id"), "story a did not open a case"
    audit = Audit(axe, screenshot, "fr", "desktop", "PersoContact")
    page = sophie_page
    page.goto("/contact")
    audit.check(page, "contact-entry")
    open_page(page, people["Sophie"], "/contact/ask/pay")
    expect(page.locator("form#question-form")).to_be_visible()
    audit.check(page, "contact-ask")
    page.locator("#subject").fill("")
    page.locator("textarea#body").fill("")
    page.locator("#send-question").click()  # empty: the form with its errors
    expect(page.locator("p#form-errors")).to_be_visible()
    audit.check(page, "contact-ask-errors")
    page.goto(f"/contact/cases/{STATE['case_id']}")
    expect(page.locator("ol#thread")).to_be_visible()
    audit.check(page, "contact-case")
    page.goto("/contact/cases")
    audit.check(page, "contact-my-cases")

    marc = marc_page
    marc.goto("/contact/queue?desk=bosa&view=open")
    expect(marc.locator("table#queue")).to_be_visible()
    audit.check(marc, "contact-queue")
    marc.goto(f"/contact/queue/cases/{STATE['case_id']}")
    expect(marc.locator("form#answer-form")).to_be_visible()
    audit.check(marc, "contact-handling")
    audit.finish()
