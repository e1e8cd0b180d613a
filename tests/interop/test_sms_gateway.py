"""Text messages through an SMS gateway, as an operator connects one: PersoPoint with PERSOPOINT_SMS_GATEWAY_URL and
PERSOPOINT_SMS_GATEWAY_TOKEN, and a gateway here in Python (http.server) that records what it is sent.

The README's contract, checked from the gateway's side: one POST per message, `Authorization: Bearer <token>`, the JSON
{"from": "8836", "to": "+32…", "text": "…", "reference": "<the outbox message's id>"}; a 2xx accepts it, a 5xx (or no
answer) has it sent again later with the same reference, a 4xx gives up on it. What sends text messages today is
the mobile identity service: a new phone set up for an identity, and an app locked after five wrong codes — each
tells the person, in their language, from 8836.

Then development mode without a gateway: the same messages show at /dev/sms.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from .ciba_client import Phone
from .servers import extra_servers, free_port  # noqa: F401  (extra_servers is a fixture)

TOKEN = "sms-gateway-secret-token"


class Gateway:
    """An SMS gateway that answers each message with the next status of `answers` (then 202), and keeps them all."""

    def __init__(self):
        self.received = []
        self.answers = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                gateway.received.append({"path": self.path, "authorization": self.headers.get("Authorization"),
                                         "content_type": self.headers.get("Content-Type"), "body": json.loads(body)})
                status = gateway.answers.pop(0) if gateway.answers else 202
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"accepted": true}' if status < 300 else b'{"error": "try later"}')

            def log_message(self, *args):
                pass

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.port}/v1/messages"

    def to(self, phone):
        return [m for m in self.received if m["body"].get("to") == phone]

    def wait_for(self, phone, count, seconds=20):
        deadline = time.monotonic() + seconds
        while len(self.to(phone)) < count:
            assert time.monotonic() < deadline, f"{count} message(s) to {phone} expected; the gateway got {self.received}"
            time.sleep(0.2)
        return self.to(phone)

    def close(self):
        self.server.shutdown()


@pytest.fixture(scope="module")
def gateway():
    started = Gateway()
    yield started
    started.close()


@pytest.fixture(scope="module")
def server(extra_servers, gateway):  # noqa: F811
    return extra_servers("interop-sms", env={
        "PERSOPOINT_SMS_GATEWAY_URL": gateway.url, "PERSOPOINT_SMS_GATEWAY_TOKEN": TOKEN, "PERSOPOINT_OUTBOX_RETRY": "1",
    })


def people_of(server):
    return {p["givenName"]: p for p in server.cli("demo", "credentials")["people"]}


@pytest.fixture(scope="module")
def people(server):
    return people_of(server)


def outbox_message(server, reference):
    return next(m for m in server.outbox() if m["id"].lower() == reference.lower())


def test_a_new_phone_is_announced_by_text_message_from_8836_in_the_persons_language(server, gateway, people):
    sophie = people["Sophie"]  # French
    Phone(server).pair(sophie["phone"], sophie["itsmeCode"])
    [message] = gateway.wait_for(sophie["phone"], 1)
    assert message["path"] == "/v1/messages"
    assert message["authorization"] == f"Bearer {TOKEN}"
    assert message["content_type"].startswith("application/json")
    body = message["body"]
    assert set(body) == {"from", "to", "text", "reference"}, body
    assert body["from"] == "8836" and body["to"] == sophie["phone"]
    assert body["text"].startswith("PersoPoint : un nouveau téléphone a été configuré"), body["text"]
    stored = outbox_message(server, body["reference"])
    assert stored["channel"] == "sms" and stored["status"] == "sent" and stored["transport"] == "sms-gateway", stored


def test_a_gateway_that_fails_gets_the_message_again_with_the_same_reference_and_a_refusal_is_final(server, gateway, people):
    pieter = people["Pieter"]  # Dutch
    gateway.answers = [503]
    Phone(server, label="second phone").pair(pieter["phone"], pieter["itsmeCode"])
    first, second = gateway.wait_for(pieter["phone"], 2, seconds=30)
    assert first["body"] == second["body"], "the retry is the same message"
    assert second["body"]["text"].startswith("PersoPoint: er werd een nieuwe telefoon ingesteld")
    deadline = time.monotonic() + 10
    while outbox_message(server, second["body"]["reference"])["status"] != "sent":
        assert time.monotonic() < deadline, outbox_message(server, second["body"]["reference"])
        time.sleep(0.2)

    # A 4xx: the gateway refuses this message for good; it is not sent again.
    lena = people["Lena"]
    gateway.answers = [400]
    Phone(server).pair(lena["phone"], lena["itsmeCode"])
    [refused] = gateway.wait_for(lena["phone"], 1)
    deadline = time.monotonic() + 10
    while (stored := outbox_message(server, refused["body"]["reference"]))["status"] != "failed":
        assert time.monotonic() < deadline, stored
        time.sleep(0.2)
    assert "400" in (stored["lastError"] or ""), stored
    time.sleep(2.5)
    assert len(gateway.to(lena["phone"])) == 1, "a refused message is not retried"


def test_five_wrong_codes_lock_the_app_and_the_person_is_told_by_text_message(server, gateway, people):
    marc = people["Marc"]  # French
    Phone(server).pair(marc["phone"], marc["itsmeCode"])
    gateway.wait_for(marc["phone"], 1)
    wrong = "11111" if marc["itsmeCode"] != "11111" else "22222"
    # Each wrong code counts, wherever it is typed: here at the development pairing, as a thief with the number would.
    answers = [Phone(server).pair_request(marc["phone"], wrong) for _ in range(5)]
    assert [a.status_code for a in answers] == [403] * 5
    assert answers[-1].json()["error"] == "locked"
    messages = gateway.wait_for(marc["phone"], 2)
    assert messages[-1]["body"]["text"].startswith("PersoPoint : votre application d’identité mobile est bloquée"), messages[-1]


def test_without_a_gateway_development_mode_shows_text_messages_at_dev_sms(extra_servers):  # noqa: F811
    dev = extra_servers("interop-sms-dev")
    emma = people_of(dev)["Emma"]  # Dutch
    Phone(dev).pair(emma["phone"], emma["itsmeCode"])
    deadline = time.monotonic() + 10
    while not [m for m in dev.outbox() if m["channel"] == "sms" and m["status"] == "sent"]:
        assert time.monotonic() < deadline, dev.outbox()[:3]
        time.sleep(0.2)
    page = dev.get("/dev/sms")
    assert page.status_code == 200
    assert emma["phone"] in page.text and "8836" in page.text
    assert "er werd een nieuwe telefoon ingesteld" in page.text
