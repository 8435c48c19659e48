"""What the two probes of the server share (tests/server/test_probe_openapi.py, schemathesis
over the OpenAPI document; tests/server/test_probe_free_form.py, hypothesis over the
free-form fields): a marketplace with something of everything in it, a client that gets 500s
back as answers instead of exceptions, the server's log read for tracebacks, and the figures
each probe prints."""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import Counter
from datetime import datetime, timedelta
from typing import Any, Iterator

from contextlib import contextmanager
from fastapi.testclient import TestClient

from server.api.app import create_app
from tests.server.test_auctions import _params, _start
from tests.server.test_bids import Procurement, _to_opening

ROLES = ("anonymous", "buyer", "approver", "seller-c", "admin")


class ProbeClock:
    """The server's clock for a probe: fixed (so a run is repeatable), moved only by the
    probe's own requests to /api/v1/test/clock."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


@dataclasses.dataclass
class World:
    client: TestClient  # raise_server_exceptions=False: a 500 is an answer to count
    headers: dict[str, dict[str, str]]  # by role
    ids: dict[str, list[str]]  # by path parameter name: ids of real things
    clock: ProbeClock


def build_world(market) -> Iterator[World]:
    """A published bid with an offer, an opened bid with four offers and its reverse auction
    live, a listing, a purchase waiting for approval: so generated requests meet real things."""
    p = Procurement(market)
    published = p.published(min_offers=1)
    assert p.offer("seller-c", published, 70_000).status_code == 200
    opened = p.published(ra_enabled=True, ra_rule="h1_elimination")
    for user, price in (("seller-c", 70_000), ("seller-d", 71_000), ("seller-a", 72_000), ("seller-b", 90_000)):
        assert p.offer(user, opened, price).status_code == 200
    _to_opening(p, opened)
    auction = p.client.post(f"/api/v1/bids/{opened['id']}/auction", json=_params(p), headers=p.h("buyer")).json()
    _start(p, auction, 10)
    negotiable = p.published()
    for user, price in (("seller-c", 70_000), ("seller-b", 77_000)):
        assert p.offer(user, negotiable, price).status_code == 200
    _to_opening(p, negotiable)
    listing = market.create(title="Probe laptop").json()
    purchase = p.client.put(f"/api/v1/purchases/{listing['id']}", headers=p.h("buyer"), json={
        "mode": "direct", "listing_id": listing["id"], "quantity": 1, "consignee_district": "Raipur"})
    offers = [p.get(user, bid, "/my-offer").json()["id"] for user, bid in (("seller-c", published), ("seller-c", opened))]
    clock = ProbeClock(p.clock.now)
    app = create_app(dataclasses.replace(market.settings, test_clock=1), market.db)
    app.state.clock = clock
    with TestClient(app, raise_server_exceptions=False) as client:
        headers = {role: ({} if role == "anonymous" else market.headers(role)) for role in ROLES}
        yield World(client=client, headers=headers, clock=clock, ids={
            "bid_id": [published["id"], opened["id"], negotiable["id"]],
            "offer_id": offers, "listing_id": [listing["id"]], "auction_id": [auction["id"]],
            "order_id": [purchase.json().get("id", listing["id"])], "lot": ["all", "LAPTOP"]})


class ServerLog(logging.Handler):
    """Every record the server logs at ERROR or with a traceback, while a probe runs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            self.problems.append(self.format(record) if record.exc_info else record.getMessage())

    @contextmanager
    def watching(self) -> Iterator["ServerLog"]:
        root = logging.getLogger()
        root.addHandler(self)
        try:
            yield self
        finally:
            root.removeHandler(self)


@dataclasses.dataclass
class Figures:
    name: str
    started: float = dataclasses.field(default_factory=time.monotonic)
    requests: int = 0
    statuses: Counter = dataclasses.field(default_factory=Counter)
    operations: set[str] = dataclasses.field(default_factory=set)
    reached: set[str] = dataclasses.field(default_factory=set)  # answered 2xx at least once
    failures: list[str] = dataclasses.field(default_factory=list)

    def count(self, operation: str, status: int, what: str = "") -> None:
        self.requests += 1
        self.statuses[status] += 1
        self.operations.add(operation)
        if 200 <= status < 300:
            self.reached.add(operation)
        if status >= 500:
            self.failures.append(f"{status} on {operation} {what}")

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    def report(self, total_operations: int, extra: str = "") -> str:
        codes = ", ".join(f"{status}: {n}" for status, n in sorted(self.statuses.items()))
        return (f"\n[{self.name}] {self.requests} requests in {time.monotonic() - self.started:.1f} s, "
                f"{self.server_errors} 5xx; operations covered {len(self.operations)}/{total_operations}, "
                f"{len(self.reached)} answered 2xx at least once; statuses {codes}{extra}\n")


def probe_headers(world: World, role: str, **extra: Any) -> dict[str, str]:
    return {**world.headers[role], **{k: str(v) for k, v in extra.items()}}
