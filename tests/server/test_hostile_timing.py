"""What a hostile probe of the server found in timing and in the HTTP edges (issue 14,
findings 4, 5 and 7): sign-in limits bypassed by simultaneous guesses, password checks that
took memory without bound, a queue entry kept for every made-up auction id, bodies read
before their sender was known, a proxy header believed from anyone, an access token that
outlived its refresh, missing security headers."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from fastapi.testclient import TestClient

from domain.timefmt import utc_now
from server import security
from server.db.models import AuthToken
from server.security import token_digest
from server.api.app import create_app
from server.services import bid_queue
from tests.conftest import free_port
from tests.server.conftest import PASSWORD
from tests.server.test_auctions import _auction, _bid, _start
from tests.server.test_bids import p  # noqa: F401 (p is the fixture)


def _burst(client: TestClient, bodies: list[dict], headers: dict | None = None) -> list:
    """Every request sent at the same moment (a barrier), answers in order."""
    barrier = threading.Barrier(len(bodies))

    def send(body):
        barrier.wait()
        return client.post("/api/v1/auth/login", json=body, headers=headers or {})

    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(send, bodies))


class _Overlap:
    """Wraps the password check to count how many run at once (each made to take 50 ms)."""

    def __init__(self, monkeypatch) -> None:
        self.now = self.most = self.calls = 0
        self._lock = threading.Lock()
        real = security.verify_password

        def counted(password_hash, password):
            with self._lock:
                self.now += 1
                self.calls += 1
                self.most = max(self.most, self.now)
            try:
                time.sleep(0.05)
                return real(password_hash, password)
            finally:
                with self._lock:
                    self.now -= 1

        monkeypatch.setattr(security, "verify_password", counted)
        # Where an older server imported it by name (so the same test also runs against it).
        monkeypatch.setattr("server.services.auth.verify_password", counted, raising=False)


# --- finding 4: sign-in limits and concurrency ------------------------------------------------


def test_simultaneous_wrong_passwords_are_counted_before_they_are_checked(market, monkeypatch):
    overlap = _Overlap(monkeypatch)
    answers = _burst(market.client, [{"username": "buyer", "password": f"guess {n}"} for n in range(24)])
    codes = sorted(a.status_code for a in answers)
    limit = market.settings.lockout_user_failures
    assert codes == [401] * limit + [429] * (24 - limit)
    assert overlap.calls == limit  # only as many passwords checked as the limit allows


def test_the_right_password_inside_a_burst_of_guesses_gets_no_further_than_the_limit(market, monkeypatch):
    overlap = _Overlap(monkeypatch)
    bodies = [{"username": "buyer", "password": f"guess {n}"} for n in range(47)]
    bodies.insert(30, {"username": "buyer", "password": PASSWORD})
    answers = _burst(market.client, bodies)
    checked = [a for a in answers if a.status_code in (200, 401)]
    assert len(checked) == overlap.calls <= market.settings.lockout_user_failures
    assert all(a.status_code == 429 for a in answers if a not in checked)


def test_password_checks_run_a_few_at_a_time_and_a_full_queue_answers_503_with_retry_after(market, monkeypatch):
    overlap = _Overlap(monkeypatch)
    users = ["buyer", "approver", "seller-a", "seller-a2", "seller-b", "admin"] * 5  # 30 good sign-ins at once
    roomy = dataclasses.replace(market.settings, lockout_address_failures=100, password_check_wait_seconds=300)
    with TestClient(create_app(roomy, market.db)) as client:
        answers = _burst(client, [{"username": user, "password": PASSWORD} for user in users])
    assert [a.status_code for a in answers] == [200] * len(users)
    assert overlap.most <= market.settings.password_checks_at_once == 1
    # No room to wait: the rest are told to come back, and that costs them no failure.
    settings = dataclasses.replace(market.settings, password_checks_waiting=0, password_checks_at_once=1)
    with TestClient(create_app(settings, market.db)) as client:
        answers = _burst(client, [{"username": "buyer", "password": "wrong"} for _ in range(4)] +
                         [{"username": "seller-b", "password": PASSWORD} for _ in range(4)])
        busy = [a for a in answers if a.status_code == 503]
        assert busy and all(a.json()["error"]["code"] == "busy" and a.headers["Retry-After"] == "1" for a in busy)
        assert overlap.most <= 1
        assert client.post("/api/v1/auth/login", json={"username": "seller-b", "password": PASSWORD}).status_code == 200


# --- finding 5: nothing kept for an auction id that does not exist ------------------------------


def test_bids_on_made_up_auctions_leave_nothing_in_the_queue(p):
    for _ in range(30):
        response = p.client.post(f"/api/v1/auctions/{uuid.uuid4()}/bids", json={"price_paise": 100},
                                 headers=p.h("seller-c") | {"Idempotency-Key": str(uuid.uuid4())})
        assert response.status_code == 404
    assert p.client.post("/api/v1/auctions/not-a-uuid/bids", json={"price_paise": 100},
                         headers=p.h("seller-c") | {"Idempotency-Key": "k"}).status_code == 404
    assert bid_queue._LINES == {}
    # A real auction's line goes too once its bids are taken.
    auction = _auction(p)
    _start(p, auction)
    assert _bid(p, "seller-c", auction, auction["rules"]["start_price_paise"] - 1_000_00).status_code == 201
    assert bid_queue._LINES == {}


# --- finding 7: bodies, proxies, tokens, headers -----------------------------------------------


def test_an_anonymous_body_is_refused_before_it_is_read(market):
    big = b"x" * 50_000_000
    anonymous = market.client.put(f"/api/v1/listings/{uuid.uuid4()}", content=big,
                                  headers={"Content-Type": "application/json"})
    assert anonymous.status_code == 401 and anonymous.json()["error"]["code"] == "unauthenticated"
    forged = market.client.put(f"/api/v1/bids/{uuid.uuid4()}", content=big,
                               headers={"Authorization": "Bearer not-a-token", "Content-Type": "application/json"})
    assert forged.status_code == 401
    signed_in = market.headers("seller-a", **{"Idempotency-Key": "k", "Content-Type": "application/json"})
    declared = market.client.put(f"/api/v1/listings/{uuid.uuid4()}", content=big, headers=signed_in)
    assert declared.status_code == 413 and declared.json()["error"]["code"] == "too_large"

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(50):
            yield b"x" * 1_000_000

    streamed = market.client.put(f"/api/v1/listings/{uuid.uuid4()}", content=chunks(), headers=signed_in)
    assert streamed.status_code == 413
    login = market.client.post("/api/v1/auth/login", content=b'{"username": "' + b"a" * 20_000 + b'"}',
                               headers={"Content-Type": "application/json"})
    assert login.status_code == 413


def test_a_refresh_ends_the_access_token_it_replaces(market):
    """Within the grace for requests in flight (30 s), not 15 minutes later."""
    first = market.login("buyer")
    second = market.client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]}).json()
    with market.db.reading() as session:
        old = session.get(AuthToken, token_digest(first["access_token"]))
        assert old.expires_at <= utc_now() + timedelta(seconds=market.settings.refreshed_access_grace_seconds)
    no_grace = dataclasses.replace(market.settings, refreshed_access_grace_seconds=0)
    with TestClient(create_app(no_grace, market.db)) as client:
        third = client.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]}).json()
        assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {second['access_token']}"}).status_code == 401
        assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {third['access_token']}"}).status_code == 200
        # Another sign-in of the same user keeps its own token.
        other = market.login("buyer")
        client.post("/api/v1/auth/refresh", json={"refresh_token": third["refresh_token"]})
        assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {other['access_token']}"}).status_code == 200


def test_security_headers(market):
    login = market.client.post("/api/v1/auth/login", json={"username": "buyer", "password": PASSWORD})
    refresh = market.client.post("/api/v1/auth/refresh", json={"refresh_token": login.json()["refresh_token"]})
    for answer in (login, refresh, market.client.get("/api/v1/me", headers=market.headers("buyer")),
                   market.client.get("/api/v1/bids/x", headers=market.headers("buyer")),
                   market.client.get("/nowhere")):
        assert answer.headers["Cache-Control"] == "no-store", answer.request.url
        assert answer.headers["X-Content-Type-Options"] == "nosniff"


def _server(tmp_path: Path, **env: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    folder = tmp_path / f"server-{port}"
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "GEMDESK_SERVER_DATABASE_URL")}
    environment.update(PYTHONUNBUFFERED="1", **env)
    process = subprocess.Popen([sys.executable, "-m", "server", "--data-dir", str(folder), "serve", "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment,
                               cwd=Path(__file__).resolve().parents[2])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(base + "/api/v1/health", timeout=1).ok:
                return process, base
        except requests.RequestException:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


@pytest.mark.slow
@pytest.mark.parametrize("trusted", ["", "127.0.0.1"])
def test_x_forwarded_for_is_believed_only_from_a_configured_proxy(tmp_path, trusted):
    """The real server process (uvicorn's own proxy handling included), 21 failures from one
    local peer, each claiming another address: counted against the peer unless it is a
    proxy the operator named."""
    process, base = _server(tmp_path, GEMDESK_SERVER_TRUSTED_PROXIES=trusted, GEMDESK_SERVER_LOCKOUT_ADDRESS_FAILURES="5")
    try:
        codes = [requests.post(base + "/api/v1/auth/login", json={"username": f"nobody-{n}", "password": "x"},
                               headers={"X-Forwarded-For": f"203.0.113.{n}"}, timeout=30).status_code
                 for n in range(6)]
    finally:
        process.terminate()
        process.wait(30)
    assert codes == ([401] * 5 + [429] if not trusted else [401] * 6)
