"""Schemathesis over the published OpenAPI document, as each role, on SQLite and PostgreSQL:
every operation gets requests generated from its documented parameters and body, valid and
not, with real ids mixed in so that requests reach real bids, offers, auctions and orders.
The run fails on any 5xx, on any answer that is not what the document says (its schema for
that status), and on any traceback or error in the server's log. Bounded: a fixed number of
examples per operation and role (valid and invalid), derandomized (the same requests every run), and the
figures (requests, 5xx, operations covered) printed with the test's output.

GEMDESK_PROBE_EXAMPLES raises the examples for a deeper run by hand (default 3 per
operation and role: about 850 requests)."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings, strategies as st
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.server.probing import ROLES, Figures, ServerLog, build_world

EXAMPLES = int(os.environ.get("GEMDESK_PROBE_EXAMPLES", "3"))
MODES = (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
pytestmark = pytest.mark.slow


@pytest.fixture
def world(market):
    yield from build_world(market)


def _send(world, case, role):
    kwargs = case.as_transport_kwargs(base_url="http://testserver")
    headers = {k: v for k, v in kwargs.pop("headers", {}).items() if k.lower() != "authorization"}
    headers.update(world.headers[role])
    body = kwargs.pop("json", None)
    data = kwargs.pop("data", None)
    kwargs.pop("cookies", None)
    if body is not None:
        kwargs["json"] = body
    elif data is not None:
        kwargs["content"] = data
    return world.client.request(headers=headers, **kwargs)


def test_schemathesis_over_the_openapi_as_each_role(world, capsys):
    schema = schemathesis.openapi.from_dict(world.client.app.openapi())
    # Signing out last: it ends the role's tokens, and every later request would be a 401.
    operations = sorted((result.ok() for result in schema.get_all_operations()),
                        key=lambda operation: operation.path.endswith("/auth/logout"))
    figures = Figures(f"schemathesis, {len(ROLES)} roles, {EXAMPLES} examples each")
    log = ServerLog()
    contract_failures: list[str] = []

    for operation in operations:
        label = f"{operation.method.upper()} {operation.path}"
        if operation.path.endswith("/stream"):
            continue  # an open stream, followed until the auction closes: tests/server/test_auctions.py
        strategies = []
        for mode in MODES:
            try:
                strategies.append(operation.as_strategy(generation_mode=mode))
            except Exception:  # noqa: BLE001 - nothing can break an operation without parameters or body
                pass
        for role in ROLES:

            @settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                      suppress_health_check=list(HealthCheck))
            @given(data=st.data())
            def probe(data):
                # Valid requests as the document describes them, and requests that break it.
                case = data.draw(st.one_of(*strategies))
                for name in list(case.path_parameters or {}):
                    if name in world.ids and data.draw(st.booleans()):
                        case.path_parameters[name] = data.draw(st.sampled_from(world.ids[name]))
                response = _send(world, case, role)
                figures.count(label, response.status_code, f"as {role}")
                if response.status_code < 500:
                    try:
                        case.validate_response(response, checks=[response_schema_conformance])
                    except Exception as failure:  # noqa: BLE001 - every kind of mismatch is reported
                        contract_failures.append(f"{label} as {role} -> {response.status_code}: "
                                                 f"{str(failure).strip().splitlines()[0][:300]}")

            with log.watching():
                probe()

    with capsys.disabled():
        print(figures.report(len(operations), f"; answers off the document: {len(contract_failures)}"))
    assert not figures.failures, figures.failures[:20]
    assert not log.problems, log.problems[:5]
    assert not contract_failures, contract_failures[:20]
