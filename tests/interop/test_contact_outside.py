"""PersoContact (issue 18) from outside any browser: hostile requests with `requests` only, on a server of its own.

People log in through the gateway as a browser would (the token card, Level300, code_login.submit_token_card_login)
and keep their session cookie in a requests.Session. Then:

  - a question sent by a well-behaved client (multipart with the form's token) opens a case (303 to the case);
  - the same multipart POST without the CSRF token, or with a wrong one, is refused with 403 and keeps nothing;
  - a multipart body cut short (no close delimiter) is refused with 400 and keeps nothing;
  - a body that is not multipart/form-data (urlencoded, text/plain, JSON, multipart without a boundary) gets 400;
  - about 200 seeded random requests to the contact routes (random paths, methods, queries and bodies, anonymous,
    as an employee and as a case handler) never get a 5xx, never hang, and the server stays ready.
"""

from __future__ import annotations

import os
import random
import re
import uuid
from urllib.parse import quote

import pytest
import requests

from .code_login import submit_token_card_login
from .conftest import TIMEOUT, Browser, follow, follow_response, parse_html
from .servers import extra_servers  # noqa: F401  (fixture)

UUID_PATTERN = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
RUN = uuid.uuid4().hex[:8]
FUZZ_SEED = int(os.environ.get("CONTACT_FUZZ_SEED", "182026"))  # another seed: CONTACT_FUZZ_SEED=N
FUZZ_COUNT = 200


# --- the server and the people ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gateway(extra_servers):  # noqa: F811
    return extra_servers("contact-outside")


@pytest.fixture(scope="module")
def people(gateway) -> dict:
    listed = gateway.cli("demo", "credentials")["people"]
    return {person["givenName"]: person for person in listed}


def csrf_of(response: requests.Response) -> str:
    """The page's first hidden _csrf value."""
    for node in parse_html(response.text).find_all("input"):
        if node.attrs.get("name") == "_csrf" and node.attrs.get("value"):
            return node.attrs["value"]
    raise AssertionError(f"no _csrf field on {response.url} ({response.status_code}):\n{response.text[:1500]}")


def log_in(gateway, person: dict, employer: "str | None" = "bosa") -> Browser:
    """A requests "browser" with the person logged in at PersoContact (token card) and, if given, the answer to the
    entry's question remembered (through the entry's own form)."""
    browser, answer = submit_token_card_login(gateway.url, "/contact/cases", person)
    landed = follow_response(browser, answer)
    assert landed.status_code == 200 and landed.url.rstrip("/").endswith("/contact/cases"), (
        f"{person['givenName']}: after the token card, expected /contact/cases, got {landed.status_code} at {landed.url}:\n"
        f"{landed.text[:1500]}"
    )
    if employer:
        entry = follow(browser, f"{gateway.url}/contact")
        assert entry.status_code == 200, entry.status_code
        chosen = browser.post(f"{gateway.url}/contact/employer", data={"_csrf": csrf_of(entry), "organisation": employer})
        assert chosen.status_code == 303, f"choosing {employer} → {chosen.status_code}: {chosen.text[:500]}"
    return browser


def question_parts(token: "str | None", subject: str, *, month: str = "2026-10", body: str = "Une question.",
                   files=()) -> list:
    parts = []
    if token is not None:
        parts.append(("_csrf", (None, token)))
    parts += [("subject", (None, subject)), ("month", (None, month)), ("body", (None, body))]
    parts += [("attachments", spec) for spec in files]
    return parts


def send_path(browser: Browser, gateway, topic: str = "pay") -> str:
    """Where form#question-form of /contact/ask/{topic} is sent (its action)."""
    page = form_page(browser, gateway, f"/contact/ask/{topic}")
    form = parse_html(page.text).find("form", id="question-form")
    assert form is not None and form.attrs.get("action"), f"no form#question-form with an action:\n{page.text[:1500]}"
    assert (form.attrs.get("enctype") or "").lower() == "multipart/form-data", form.attrs
    return form.attrs["action"]


def my_cases(browser: Browser, gateway) -> str:
    page = follow(browser, f"{gateway.url}/contact/cases")
    assert page.status_code == 200, page.status_code
    return page.text


def form_page(browser: Browser, gateway, path="/contact/ask/pay") -> requests.Response:
    page = follow(browser, f"{gateway.url}{path}")
    assert page.status_code == 200, f"GET {path} → {page.status_code}: {page.text[:800]}"
    return page


def multipart_bytes(pairs: list, boundary: str) -> bytes:
    out = b""
    for name, value in pairs:
        if isinstance(value, tuple):
            file_name, content, media_type = value
            out += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
                    f"Content-Type: {media_type}\r\n\r\n").encode() + content + b"\r\n"
        else:
            out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode() + b"\r\n"
    return out + f"--{boundary}--\r\n".encode()


@pytest.fixture(scope="module")
def sophie(gateway, people) -> Browser:
    browser = log_in(gateway, people["Sophie"])
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def marc(gateway, people) -> Browser:
    browser = log_in(gateway, people["Marc"])
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def sophie_case(gateway, sophie) -> str:
    """A case of Sophie's, asked by a well-behaved client (so the fuzzing has a real case to aim at)."""
    token = csrf_of(form_page(sophie, gateway))
    subject = f"Question correcte {RUN}"
    answer = sophie.post(f"{gateway.url}{send_path(sophie, gateway)}", files=question_parts(
        token, subject, files=[("note.txt", b"Un fichier texte.\n", "text/plain")]))
    assert answer.status_code == 303, f"a well-formed question → {answer.status_code}: {answer.text[:800]}\n{gateway.log_tail(20)}"
    location = answer.headers.get("Location", "")
    found = re.search(rf"/contact/cases/({UUID_PATTERN})\?done=asked$", location)
    assert found, f"a well-formed question redirects to {location!r}"
    assert subject in my_cases(sophie, gateway)
    return found.group(1)


# --- the CSRF token, truncated bodies, wrong types ----------------------------------------------------------------


def test_well_formed_question_opens_a_case(sophie_case, sophie, gateway):
    page = follow(sophie, f"{gateway.url}/contact/cases/{sophie_case}")
    assert page.status_code == 200, page.status_code
    reference = parse_html(page.text).find(id="case-reference")
    assert reference is not None and re.fullmatch(r"PC-[A-Z0-9]{8}", reference.text), reference and reference.text


@pytest.mark.parametrize("token", [None, "", "forged-token-0123456789abcdef"], ids=["missing", "empty", "wrong"])
def test_multipart_without_the_csrf_token_is_forbidden_and_keeps_nothing(gateway, sophie, token):
    action = send_path(sophie, gateway)  # the session has a token; the request just does not carry it
    subject = f"Sans jeton {token!r} {RUN}"
    answer = sophie.post(f"{gateway.url}{action}", files=question_parts(
        token, subject, files=[("fiche.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")]))
    assert answer.status_code == 403, f"a multipart question with token {token!r} → {answer.status_code}: {answer.text[:500]}"
    assert subject not in my_cases(sophie, gateway), "a question without a valid CSRF token was kept"


def test_multipart_from_a_visitor_without_session_is_refused(gateway):
    """No session at all (no login, no token): never a case, never a 5xx."""
    answer = requests.post(f"{gateway.url}/contact/ask/pay/send", files=question_parts("x", f"Anonyme {RUN}"), timeout=TIMEOUT,
                           allow_redirects=False)
    assert answer.status_code in (302, 303, 401, 403), f"an anonymous multipart question → {answer.status_code}: {answer.text[:500]}"


@pytest.mark.parametrize("cut", ["before-close", "inside-file", "inside-headers"])
def test_truncated_multipart_is_a_bad_request_and_keeps_nothing(gateway, sophie, cut):
    token = csrf_of(form_page(sophie, gateway))
    subject = f"Tronque {cut} {RUN}"
    boundary = f"----persopoint{uuid.uuid4().hex}"
    body = multipart_bytes([("_csrf", token), ("subject", subject), ("month", "2026-10"), ("body", "Texte."),
                            ("attachments", ("fiche.pdf", b"%PDF-1.4\n" + b"x" * 4000 + b"\n%%EOF\n", "application/pdf"))], boundary)
    if cut == "before-close":
        body = body[: body.rindex(f"--{boundary}--".encode())]
    elif cut == "inside-file":
        body = body[: body.index(b"x" * 100) + 2000]
    else:
        marker = b'name="attachments"; filename'
        body = body[: body.index(marker) + len(marker)]
    answer = sophie.post(f"{gateway.url}{send_path(sophie, gateway)}", data=body,
                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert answer.status_code == 400, f"a multipart body cut {cut} → {answer.status_code}: {answer.text[:500]}"
    assert subject not in my_cases(sophie, gateway), f"a question cut {cut} was kept"


@pytest.mark.parametrize("content_type", [
    "application/x-www-form-urlencoded", "text/plain", "application/json", "multipart/form-data",
    "multipart/mixed; boundary=abc", "multipart/form-data; boundary=" + "b" * 71,
])
def test_a_body_that_is_not_multipart_form_data_is_a_bad_request(gateway, sophie, content_type):
    token = csrf_of(form_page(sophie, gateway))
    subject = f"Mauvais type {RUN}"
    if content_type == "application/json":
        data = f'{{"_csrf": "{token}", "subject": "{subject}", "month": "2026-10", "body": "x"}}'.encode()
    else:
        data = f"_csrf={quote(token)}&subject={quote(subject)}&month=2026-10&body=x".encode()
    answer = sophie.post(f"{gateway.url}{send_path(sophie, gateway)}", data=data, headers={"Content-Type": content_type})
    assert answer.status_code == 400, f"Content-Type {content_type!r} → {answer.status_code}: {answer.text[:500]}"
    assert subject not in my_cases(sophie, gateway), f"a {content_type} body was kept as a case"


def test_a_reply_without_the_token_is_forbidden(gateway, sophie, sophie_case):
    text = f"Reponse sans jeton {RUN}"
    answer = sophie.post(f"{gateway.url}/contact/cases/{sophie_case}/reply", files=[("body", (None, text))])
    assert answer.status_code == 403, f"a reply without a token → {answer.status_code}: {answer.text[:500]}"
    page = follow(sophie, f"{gateway.url}/contact/cases/{sophie_case}")
    assert text not in page.text, "a reply without a token was kept"


def test_another_persons_case_is_not_found(gateway, people, sophie_case):
    pieter = log_in(gateway, people["Pieter"])
    try:
        for path in (f"/contact/cases/{sophie_case}", f"/contact/cases/{sophie_case}/rating",
                     f"/contact/cases/{sophie_case}/files/{uuid.uuid4()}"):
            answer = pieter.get(f"{gateway.url}{path}")
            assert answer.status_code == 404, f"Pieter GET {path} → {answer.status_code}"
        token = csrf_of(follow(pieter, f"{gateway.url}/contact/ask/pay"))
        answer = pieter.post(f"{gateway.url}/contact/cases/{sophie_case}/reply",
                             files=[("_csrf", (None, token)), ("body", (None, f"Pieter {RUN}"))])
        assert answer.status_code == 404, f"Pieter replying to Sophie's case → {answer.status_code}"
        answer = pieter.get(f"{gateway.url}/contact/queue")
        assert answer.status_code == 403 and 'id="not-a-handler"' in answer.text, answer.status_code
    finally:
        pieter.close()


# --- fuzzing -------------------------------------------------------------------------------------------------------


def random_text(rng: random.Random, length: int) -> str:
    alphabet = "abcXYZ019 -_./%?&=#;:'\"<>éàüß\u202e\u0000\t\r\n{}[]()*$@!~`\\"
    return "".join(rng.choice(alphabet) for _ in range(length))


def odd_value(rng: random.Random) -> str:
    return rng.choice([
        "", " ", "0", "-1", "99999999999999999999", "2026-13", "1900-01", "2026-02-30", "null", "true", "[]", "{}",
        "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "\u0000", "x" * 70_000, "é" * 5_001,
        str(uuid.uuid4()), "PC-00000000", "bosa", "finance", "closed", "in_progress", random_text(rng, rng.randint(1, 300)),
    ])


def fuzz_paths(rng: random.Random, case_id: str) -> str:
    ids = [case_id, str(uuid.uuid4()), "not-a-uuid", case_id.upper(), "%2e%2e", "00000000-0000-0000-0000-000000000000", "..", ""]
    some = rng.choice(ids)
    path = rng.choice([
        "/contact", "/contact/", "/contact/employer", "/contact/ask", "/contact/ask/", "/contact/ask/pay", "/contact/ask/absences",
        "/contact/ask/personal_data", "/contact/ask/pecuniary_career", "/contact/ask/nope", "/contact/ask/pay/extra",
        "/contact/ask/pay/send", "/contact/ask/absences/send", "/contact/ask/nope/send", "/contact/ask/personal_data/send",
        "/contact/cases", f"/contact/cases/{some}", f"/contact/cases/{some}/reply", f"/contact/cases/{some}/rating",
        f"/contact/cases/{some}/files/{rng.choice(ids)}", "/contact/queue", "/contact/queue/duties", "/contact/queue/templates",
        f"/contact/queue/templates/{rng.choice(ids)}/delete", f"/contact/queue/cases/{some}", f"/contact/queue/cases/{some}/answer",
        f"/contact/queue/cases/{some}/note", f"/contact/queue/cases/{some}/assign", f"/contact/queue/cases/{some}/status",
        f"/contact/queue/cases/{some}/files/{rng.choice(ids)}", f"/contact/{quote(random_text(rng, 12), safe='')}",
        f"/contact/cases/{quote(random_text(rng, 20), safe='')}",
    ])
    if rng.random() < 0.5:
        keys = ["desk", "view", "topic", "q", "page", "template", "done", "lang", rng.choice(["x", "desk[]", ""])]
        query = "&".join(f"{quote(rng.choice(keys))}={quote(odd_value(rng)[:2000])}" for _ in range(rng.randint(1, 5)))
        path += "?" + query
    return path


def fuzz_body(rng: random.Random, token: str) -> tuple:
    """(headers, body) for a random POST-like request: forms, multipart (well- or ill-formed), junk."""
    kind = rng.choice(["urlencoded", "multipart", "multipart-bad", "junk", "empty", "json"])
    names = ["_csrf", "subject", "month", "from", "to", "data", "since", "body", "organisation", "score", "comment", "note",
             "answer", "status", "assignee", "desk", "on_duty", "topic_pay", "title", "template", rng.choice(["x", "", "_csrf"])]
    pairs = [(rng.choice(names), odd_value(rng)[:5000]) for _ in range(rng.randint(0, 8))]
    if rng.random() < 0.7:
        pairs.insert(0, ("_csrf", token))
    if kind == "urlencoded":
        body = "&".join(f"{quote(k)}={quote(v)}" for k, v in pairs).encode()
        return {"Content-Type": "application/x-www-form-urlencoded"}, body
    if kind == "multipart":
        boundary = f"fz{uuid.uuid4().hex}"
        files = []
        for _ in range(rng.randint(0, 3)):
            name = rng.choice(["a.pdf", "b.png", "c.txt", "d.exe", "", "../../x.pdf", "\u202eevil.pdf", "x" * 300 + ".pdf"])
            content = rng.choice([b"%PDF-1.4\n%%EOF", b"\x89PNG\r\n\x1a\n" + b"\x00" * 10, b"MZ\x90", b"", "é".encode() * 10,
                                  b"\xff\xfe\xfd" * 100])
            files.append((rng.choice(["attachments", "document", "other"]), (name, content, rng.choice(["application/pdf", "text/plain", "x/y"]))))
        return {"Content-Type": f"multipart/form-data; boundary={boundary}"}, multipart_bytes(pairs + files, boundary)
    if kind == "multipart-bad":
        boundary = f"fz{uuid.uuid4().hex}"
        body = multipart_bytes(pairs, boundary)
        mutation = rng.choice(["cut", "no-disposition", "wrong-boundary", "nested", "huge-header", "garbage-after"])
        if mutation == "cut":
            body = body[: rng.randint(0, len(body))]
        elif mutation == "no-disposition":
            body = body.replace(b"Content-Disposition: form-data; ", b"X-Nothing: ", 1)
        elif mutation == "wrong-boundary":
            boundary = boundary[:-1] + "Z"
        elif mutation == "nested":
            inner = f"in{uuid.uuid4().hex}"
            body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"\r\nContent-Type: multipart/mixed; boundary={inner}\r\n\r\n"
                    f"--{inner}\r\nContent-Disposition: file; filename=\"a.pdf\"\r\n\r\n%PDF-1.4\r\n--{inner}--\r\n--{boundary}--\r\n").encode()
        elif mutation == "huge-header":
            body = f"--{boundary}\r\nContent-Disposition: form-data; name=\"{'n' * 100_000}\"\r\n\r\nv\r\n--{boundary}--\r\n".encode()
        else:
            body += bytes(rng.randrange(256) for _ in range(500))
        return {"Content-Type": f"multipart/form-data; boundary={boundary}"}, body
    if kind == "junk":
        return {"Content-Type": rng.choice(["application/octet-stream", "text/plain", "multipart/form-data; boundary=",
                                            "multipart/form-data; boundary=\"\"", "application/x-www-form-urlencoded; charset=latin1"])}, \
            bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000)))
    if kind == "json":
        return {"Content-Type": "application/json"}, b'{"_csrf": "' + token.encode() + b'", "subject": {"$ne": 1}}'
    return {}, b""


POST_ENDINGS = ("/reply", "/rating", "/answer", "/note", "/assign", "/status", "/send", "/employer", "/duties", "/templates", "/delete")


def route_method(path: str) -> str:
    """The method the contact route at path is made for (so that most fuzzed requests reach a handler, not a 405)."""
    bare = path.split("?")[0]
    return "POST" if bare.endswith(POST_ENDINGS) and not bare.endswith("/files") else "GET"


def test_fuzzed_contact_requests_never_get_a_5xx(gateway, people, sophie, marc, sophie_case):
    rng = random.Random(FUZZ_SEED)
    anonymous = Browser()
    clients = {
        "anonymous": (anonymous, ""),
        "sophie": (sophie, csrf_of(form_page(sophie, gateway))),
        "marc": (marc, csrf_of(form_page(marc, gateway))),
    }
    methods = ["GET"] * 4 + ["POST"] * 6 + ["PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]
    failures, statuses = [], {}
    try:
        for number in range(FUZZ_COUNT):
            who = rng.choice(list(clients))
            client, token = clients[who]
            path = fuzz_paths(rng, sophie_case)
            method = rng.choice(methods) if rng.random() < 0.3 else route_method(path)
            headers, body = fuzz_body(rng, token) if method not in ("GET", "HEAD", "OPTIONS") or rng.random() < 0.1 else ({}, None)
            if rng.random() < 0.1:
                headers["Accept-Language"] = rng.choice(["xx", "*", "de;q=abc", "fr-BE,fr;q=0.9", "é" * 50])
            try:
                answer = client.request(method, f"{gateway.url}{path}", data=body, headers=headers, timeout=TIMEOUT)
                status = answer.status_code
            except requests.RequestException as error:
                failures.append(f"#{number} {who} {method} {path[:200]} ({len(body or b'')} bytes, {headers}) → {type(error).__name__}: {error}")
                continue
            statuses[status] = statuses.get(status, 0) + 1
            if status >= 500:
                failures.append(f"#{number} {who} {method} {path[:200]} ({len(body or b'')} bytes, {headers.get('Content-Type')}) → "
                                f"{status}: {answer.text[:300]!r}")
    finally:
        anonymous.close()
    ready = requests.get(f"{gateway.url}/health/ready", timeout=TIMEOUT).status_code
    print(f"fuzzed {FUZZ_COUNT} contact requests (seed {FUZZ_SEED}): statuses {dict(sorted(statuses.items()))}")
    assert not failures and ready == 200, (
        f"{len(failures)} of {FUZZ_COUNT} fuzzed requests (seed {FUZZ_SEED}) got a 5xx or no answer; /health/ready → {ready}; "
        f"statuses {statuses}:\n" + "\n".join(failures[:40]) + f"\nserver log:\n{gateway.log_tail(40)}"
    )
    # The fuzzing reached the pages behind the login too (not only the login redirect).
    assert sum(n for s, n in statuses.items() if s in (200, 303, 400, 403, 404, 422)) > FUZZ_COUNT // 4, statuses
