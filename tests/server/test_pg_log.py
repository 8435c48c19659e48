"""Sealed values never reach PostgreSQL's log (issue 14, finding 6), read from the log itself.

The database is set up as a careless operator might: every statement logged
(`log_statement = 'all'`) and failed statements with their parameters
(`log_parameter_max_length_on_error = -1`). A statement from outside the server shows that
this log is the one being read and that it does show parameters; then an offer whose INSERT
fails (two first offers of one firm racing on the unique index) and one that succeeds go
through the real server, and neither their prices nor their compliance text is in the log.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from pathlib import Path

import psycopg
import pytest
from fastapi.testclient import TestClient

from server.api.app import create_app
from server.config import Settings
from server.db.engine import Database
from tests.server.conftest import Market, build_world
from tests.server.test_bids import Procurement

pytestmark = pytest.mark.postgres


def _log_file(admin_url: str) -> Path | None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        current = conn.execute("SELECT pg_current_logfile()").fetchone()[0]
        data_dir = conn.execute("SHOW data_directory").fetchone()[0]
        major = int(conn.execute("SHOW server_version_num").fetchone()[0]) // 10000
    # The logging collector's file, or what Debian's pg_ctlcluster sends the server's stderr to.
    for candidate in ([Path(data_dir) / current] if current else []) + [
            Path(f"/var/log/postgresql/postgresql-{major}-main.log")]:
        if candidate.is_file() and os.access(candidate, os.R_OK):
            return candidate
    return None


@pytest.fixture
def logged_market(postgres_databases, tmp_path):
    log = _log_file(postgres_databases.admin_url)
    if log is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("PostgreSQL's log must be readable under CI=true to test what it holds", pytrace=False)
        pytest.skip("PostgreSQL's log file is not readable here")
    url = postgres_databases.new_database()
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(postgres_databases.admin_url, autocommit=True) as conn:
        conn.execute(f'ALTER DATABASE "{name}" SET log_statement = \'all\'')
        conn.execute(f'ALTER DATABASE "{name}" SET log_parameter_max_length_on_error = -1')
    settings = Settings(data_dir=tmp_path, database_url_override=url)
    db = Database(url)  # connects after the settings above: they apply to its sessions
    ids = build_world(db)
    with TestClient(create_app(settings, db)) as client:
        yield Market(db=db, client=client, settings=settings, ids=ids), log, url
    db.dispose()


def _new_log_text(log: Path, start: int) -> str:
    time.sleep(0.5)  # the server writes its log asynchronously to the file
    with log.open("rb") as handle:
        handle.seek(start)
        return handle.read().decode("utf-8", "replace")


def test_no_sealed_value_in_postgresqls_log(logged_market):
    market, log, url = logged_market
    start = log.stat().st_size
    p = Procurement(market)
    raw_url = url.replace("postgresql+psycopg://", "postgresql://")

    # Control: a failing statement from outside the server is logged with its parameters.
    control = f"CONTROL-{uuid.uuid4()}"
    with psycopg.connect(raw_url) as outside:
        with pytest.raises(psycopg.errors.UniqueViolation):
            for _ in range(2):
                outside.execute("INSERT INTO brands (name, registered) VALUES (%s, false)", (control,))

    # A first offer of firm C held open by another transaction; the server's own first offer
    # for C then waits on the unique index and fails when that one commits.
    bid = p.published()
    marker = f"SEALED-{uuid.uuid4()}"
    price = 7_777_777_7  # rupees, as p.offer takes them: 777777770 paise... in the body as paise
    holder = psycopg.connect(raw_url)
    holder.execute(
        "INSERT INTO offers (id, bid_id, seller_firm_id, status, items, local_content_pct, submitted_at, withdrawals,"
        " receipt, seal_salt, technical_status, version) VALUES (%s, %s, %s, 'submitted', '{}', 10, now(), 0,"
        " 'r', 's', 'pending', 1)", (str(uuid.uuid4()), bid["id"], market.ids["seller-c"]))
    answers: list = []
    body = {"local_content_pct": 10, "items": {"LAPTOP": {"unit_price_paise": price * 100, "listing_id": None,
                                                          "compliance": {"ram_gb": marker}}}}
    sender = threading.Thread(target=lambda: answers.append(market.client.put(
        f"/api/v1/bids/{bid['id']}/offers/{uuid.uuid4()}", json=body, headers=p.h("seller-c"))))
    sender.start()
    with psycopg.connect(raw_url, autocommit=True) as watcher:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        ).fetchone()[0]:
            time.sleep(0.05)
    holder.commit()
    holder.close()
    sender.join(60)
    assert answers and answers[0].status_code == 409 and answers[0].json()["error"]["code"] == "already_offered"

    # And an offer that goes through, logged statement by statement.
    other = f"SEALED-{uuid.uuid4()}"
    body["items"]["LAPTOP"]["compliance"]["ram_gb"] = other
    accepted = market.client.put(f"/api/v1/bids/{bid['id']}/offers/{uuid.uuid4()}", json=body, headers=p.h("seller-b"))
    assert accepted.status_code == 200
    receipt, salt = accepted.json()["receipt"], market.client.get(
        f"/api/v1/bids/{bid['id']}/my-offer", headers=p.h("seller-b")).json().get("seal_salt")

    text = _new_log_text(log, start)
    assert control in text, "the log read is not the one this database writes to, or shows no parameters"
    assert "ux_offers_bid_seller" in text, "the server's failed INSERT should be in the log (without its values)"
    for secret in (marker, other, str(price * 100), receipt):
        assert secret not in text, secret
    assert salt is None  # the salt is not even shown to its seller before opening
