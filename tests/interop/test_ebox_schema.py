"""The eBox publish API against its own OpenAPI description (/ebox/api/openapi.yaml), with schemathesis.

1. Fuzzing: schemathesis generates requests from the served description (valid and invalid ones) for the four
   operations, with the demo sender's bearer token, and checks that no answer is a server error and that every
   answer is documented: its status code, content type and body schema. Fixed seed, derandomized, at most about
   150 requests in all, well under two minutes.
2. Real answers: the answers of a real story (201, 200, 409, 404, 401, 403, 4xx refusals, a receipt, the key set)
   are checked against the description too; random data almost never produces a valid publish.
"""

from __future__ import annotations

import time
import uuid

import hypothesis
import pytest
import requests
import schemathesis
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from .conftest import TIMEOUT
from .test_ebox_publish import (
    DESCRIPTION_PATH,
    JWKS_PATH,
    MESSAGES,
    Part,
    SenderAPI,
    checked,
    demo_credentials_of,
    digest,
    make_png,
    new_message,
    person_named,
    sender_token,
)

SEED = 20261130
MAX_EXAMPLES = 35  # per operation, four operations: about 140 requests (the key set has far fewer distinct ones)
OPERATIONS = [
    ("POST", "/ebox/api/v1/messages"),
    ("GET", "/ebox/api/v1/messages/{messageId}"),
    ("GET", "/ebox/api/v1/messages/{messageId}/receipt"),
    ("GET", "/ebox/.well-known/jwks.json"),
]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def ebox_token(persopoint_bin, data_dir, discovery) -> str:
    credentials = demo_credentials_of(persopoint_bin, data_dir)
    return sender_token(discovery, credentials["senders"][0])


@pytest.fixture(scope="module")
def ebox_schema(base_url):
    config = schemathesis.Config.from_dict({
        "seed": SEED,
        "generation": {"max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
    })
    return schemathesis.openapi.from_url(f"{base_url}{DESCRIPTION_PATH}", config=config, timeout=TIMEOUT)


def test_every_answer_is_documented(ebox_schema, base_url, ebox_token):
    """Hypothesis drives schemathesis' strategies directly (valid and invalid requests for each operation):
    schemathesis.pytest.from_fixture, the lazy loader a fixture-provided URL needs, does not work with pytest 9
    (it sets the private Function._nodeid)."""
    headers = {"Authorization": f"Bearer {ebox_token}"}
    started = time.monotonic()
    sent = {}
    failures = []
    for result in ebox_schema.get_all_operations():
        operation = result.ok()
        label = operation.label
        sent[label] = 0
        strategy = st.one_of(
            operation.as_strategy(GenerationMode.POSITIVE, headers=headers),
            operation.as_strategy(GenerationMode.NEGATIVE, headers=headers),
        )

        @hypothesis.settings(
            max_examples=MAX_EXAMPLES,
            derandomize=True,  # a fixed seed: the same requests every run
            database=None,
            deadline=None,
            phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],  # no shrinking: bounded time
            suppress_health_check=list(hypothesis.HealthCheck),
        )
        @hypothesis.given(case=strategy)
        def call(case):
            sent[label] += 1
            case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS, timeout=TIMEOUT)

        try:
            call()
        except (Exception, BaseExceptionGroup) as error:  # schemathesis' FailureGroup is a BaseExceptionGroup
            # every operation is tried; all failures are reported together
            failures.append(f"{label}: {type(error).__name__}: {error}")
    elapsed = time.monotonic() - started
    print(f"schemathesis: {sent} requests in {elapsed:.1f} s")
    assert set(sent) == {f"{m} {p}" for m, p in OPERATIONS}, sorted(sent)
    assert not failures, "\n\n".join(failures)
    assert all(sent.values()) and sum(sent.values()) <= 4 * MAX_EXAMPLES, sent
    assert elapsed < 120, f"the schema tests must finish within two minutes, took {elapsed:.0f} s ({sent})"


def test_real_answers_match_the_description(base_url, ebox_schema, persopoint_bin, data_dir, discovery):
    credentials = demo_credentials_of(persopoint_bin, data_dir)
    api = SenderAPI(base_url, sender_token(discovery, credentials["senders"][0]))
    sophie = person_named(credentials, "Sophie")["nrn"]
    publish = ebox_schema[MESSAGES]["POST"]
    status = ebox_schema[MESSAGES + "/{messageId}"]["GET"]
    receipt = ebox_schema[MESSAGES + "/{messageId}/receipt"]["GET"]
    jwks = ebox_schema[JWKS_PATH]["GET"]

    def conforms(operation, response: requests.Response, **path_parameters):
        assert response.status_code < 500, f"{response.request.method} {response.request.url} → {response.status_code}"
        case = operation.Case(path_parameters=path_parameters or None)
        case.validate_response(response, checks=CHECKS)

    metadata, parts = new_message(sophie, "schema", type="registered_letter", registered=True,
                                  attachments=[Part("annex-1", "scan.png", "image/png", make_png())])
    message_id = metadata["messageId"]
    first = api.publish(metadata, parts)
    assert first.status_code == 201, first.text
    conforms(publish, first)
    conforms(publish, api.publish(metadata, parts))  # 200, the same again
    other, other_parts = new_message(sophie, "schema", message_id=message_id, type="registered_letter", registered=True)
    conforms(publish, api.publish(other, other_parts))  # 409
    spoiled, spoiled_parts = new_message(sophie, "schema")
    spoiled["digests"]["main"] = digest(b"another file")
    conforms(publish, api.publish(spoiled, spoiled_parts))  # 422
    conforms(publish, api.publish(*new_message(sophie, "schema", type="tax_notice")))  # 403
    conforms(publish, api.publish(None, parts))  # 400
    conforms(publish, api.publish(metadata, parts, token=None))  # 401
    conforms(status, api.status(message_id), messageId=message_id)  # 200
    conforms(status, api.status(f"unknown-{uuid.uuid4().hex}"), messageId="unknown")  # 404
    conforms(status, api.status(message_id, token="not-a-token"), messageId=message_id)  # 401
    conforms(receipt, api.receipt(message_id), messageId=message_id)  # 200
    ordinary, ordinary_parts = new_message(sophie, "schema")
    assert api.publish(ordinary, ordinary_parts).status_code == 201
    conforms(receipt, api.receipt(ordinary["messageId"]), messageId=ordinary["messageId"])  # 404 NOT_REGISTERED_MAIL
    conforms(jwks, checked(requests.get(f"{base_url}{JWKS_PATH}", timeout=TIMEOUT)))
