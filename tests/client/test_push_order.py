"""What the seller did is never lost, reordered or turned against them, whatever the sync is
doing when they do it (issue 13). Each test drives the real core against a real server
process; the server is held mid-write by a lock on its own database, or killed.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.account import sign_in
from app.cache import Cache
from app.config import ConnectionSettings
from app.outbox import Outbox
from app.seller_catalogue import my_listing, save_listing
from app.sync import SyncEngine
from app.workspace import Workspace
from tests.client.conftest import PASSWORD, ROOT, Device, subprocess_env


def own_listings(device) -> list[dict]:
    firm = device.session.user["seller_firm"]["id"]
    return [l for l in device.cache.listings_of_seller(firm) if l["status"] == "published"]


def wait_until(condition, seconds: float = 20.0, what: str = "the condition") -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


@contextmanager
def server_writes_held(server):
    """Every write the server starts waits (on its SQLite database's write lock) until the
    block ends: a request is then in flight, answered only afterwards."""
    holder = sqlite3.connect(server.data_dir / "marketplace.sqlite", timeout=30, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def op_states(folder: Path) -> list[tuple[str, str]]:
    """(listing id, state) of every op, read from the outbox file as another program would."""
    connection = sqlite3.connect(folder / "outbox.sqlite", timeout=30)
    try:
        return connection.execute("SELECT listing_id, state FROM ops ORDER BY seq").fetchall()
    finally:
        connection.close()


def mark_claimed(folder: Path) -> None:
    """What a sync killed just after claiming the outbox's open changes leaves in the file."""
    connection = sqlite3.connect(folder / "outbox.sqlite", timeout=30)
    try:
        with connection:
            connection.execute("UPDATE ops SET state = 'sent', attempts = attempts + 1 WHERE state = 'pending'")
    finally:
        connection.close()


def edit(device, listing_id: str, **changes) -> None:
    """The seller saves the listing as shown, with `changes` (the listing form's path)."""
    current = my_listing(device.cache, device.outbox, listing_id)
    save_listing(device.cache, device.outbox, {**current.fields, **changes}, listing_id=listing_id)


def in_background(work):
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - the test reads it
            failures.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, failures


def test_an_edit_saved_while_a_push_runs_is_sent_too(device, server):
    seller = device("demo-seller")
    seller.sync()
    first, second = own_listings(seller)[:2]
    edit(seller, first["id"], stock=101)
    edit(seller, second["id"], stock=201)
    with server_writes_held(server):
        pushing, failures = in_background(seller.sync)
        wait_until(lambda: ("sent" in {state for _, state in op_states(seller.folder)}), what="a change in flight")
        # While the first listing's change is on its way, the seller saves the second again.
        edit(seller, second["id"], stock=202)
    pushing.join(60)
    assert not failures
    seller.sync()
    assert server.listing(first["id"])["stock"] == 101
    assert server.listing(second["id"])["stock"] == 202, "the edit saved during the push was lost"
    assert seller.outbox.counts() == {"pending": 0, "conflict": 0, "rejected": 0}
    assert my_listing(seller.cache, seller.outbox, second["id"]).fields["stock"] == 202


def test_an_edit_of_the_listing_being_sent_goes_after_it(device, server):
    seller = device("demo-seller")
    seller.sync()
    listing = own_listings(seller)[0]
    edit(seller, listing["id"], stock=301)
    with server_writes_held(server):
        pushing, failures = in_background(seller.sync)
        wait_until(lambda: op_states(seller.folder)[-1][1] == "sent", what="the change in flight")
        edit(seller, listing["id"], stock=302, price_paise=listing["price_paise"] - 7)
    pushing.join(60)
    assert not failures
    seller.sync()
    on_server = server.listing(listing["id"])
    assert (on_server["stock"], on_server["price_paise"]) == (302, listing["price_paise"] - 7)
    assert on_server["version"] == listing["version"] + 2  # two changes, each applied once, in order
    assert seller.outbox.counts()["conflict"] == 0


def test_a_change_that_finishes_while_the_seller_opens_the_listing_is_not_lost_from_view(device, server):
    """The seller's view reads two files, the outbox and the cache; a sync that finishes a
    change between the two reads must not leave the view without it (found by the kill loop:
    the next edit went with the version before it and came back a conflict with the seller's
    own change)."""
    seller = device("demo-seller")
    seller.sync()
    listing = own_listings(seller)[0]
    edit(seller, listing["id"], stock=401)
    sending = seller.outbox.claim_next()
    answer = seller.session.api.update_listing(sending.listing_id, sending.base_version, sending.body(),
                                               sending.idempotency_key)
    read_cache = seller.cache.listing

    def sync_finishes_after_the_cache_read(listing_id):
        cached = read_cache(listing_id)
        if seller.outbox.get(sending.seq).state == "sent":  # what a sync in another program does now
            seller.outbox.record_answer(sending, answer)
            seller.outbox.settle(seller.cache)
        return cached

    seller.cache.listing = sync_finishes_after_the_cache_read
    shown = my_listing(seller.cache, seller.outbox, listing["id"])
    assert shown.fields["stock"] == 401, "the view lost the change that had just reached the server"
    save_listing(seller.cache, seller.outbox, {**shown.fields, "stock": 402}, listing_id=listing["id"])
    del seller.cache.listing
    result = seller.sync()
    assert result.conflicts == 0, "the seller's edit conflicted with their own earlier change"
    assert server.listing(listing["id"])["stock"] == 402


def test_a_change_waiting_behind_a_conflict_is_not_sent_before_it(device, server):
    desk_a, desk_b = device("demo-seller", "desk-a"), device("demo-seller", "desk-b")
    desk_a.sync(), desk_b.sync()
    listing = own_listings(desk_a)[0]
    edit(desk_a, listing["id"], price_paise=listing["price_paise"] - 100)
    mark_claimed(desk_a.folder)  # a sync claimed the price change and was killed before sending it
    edit(desk_a, listing["id"], stock=77)  # a later change of the same listing
    edit(desk_b, listing["id"], price_paise=listing["price_paise"] - 200)
    desk_b.sync()  # meanwhile the other desk changed the price
    result = desk_a.sync()
    assert result.conflicts == 1
    on_server = server.listing(listing["id"])
    assert on_server["stock"] == listing["stock"], "the later change went before the earlier one that waits"
    # The seller settles the conflict (keeping their price); then both go, in order.
    [conflict] = desk_a.outbox.ops(("conflict",))
    desk_a.outbox.resolve_conflict(conflict.seq, keep_mine={"price_paise"})
    desk_a.sync()
    on_server = server.listing(listing["id"])
    assert (on_server["price_paise"], on_server["stock"]) == (listing["price_paise"] - 100, 77)
    assert desk_a.outbox.counts() == {"pending": 0, "conflict": 0, "rejected": 0}


def test_a_refused_bid_write_holds_back_the_bids_later_writes_in_the_same_push(device, server):
    """The buying cycle's queue keeps the same order: a refusal holds back what follows it."""
    clerk = device("demo-buyer")
    clerk.sync()
    from app.procurement import Procurement

    buying = Procurement(clerk.outbox)
    bid_id = buying.draft_bid({"title": ""})  # refused: a bid needs its fields
    buying.send_for_approval(bid_id)
    clerk.sync()
    states = [(r.action, r.state) for r in buying.requests(("pending", "sent", "rejected", "done"))]
    assert states == [("draft", "rejected"), ("send_for_approval", "pending")]


# -- a server that dies mid-write (PostgreSQL: a crashed process's transaction and locks go) ---


def desk_on(server, folder: Path, username: str, secrets) -> Device:
    settings = ConnectionSettings(server_url=server.url, connect_timeout=2, read_timeout=20, max_retries=1)
    session = sign_in(settings, username, lambda: PASSWORD, secrets)
    return Device(folder, session, Cache(folder), Outbox(folder), username)


@contextmanager
def listing_row_locked(server, listing_id: str):
    """A PostgreSQL transaction holding the listing's row: the server's write waits on it."""
    engine = create_engine(server.database_url)
    connection = engine.connect()
    try:
        transaction = connection.begin()
        connection.execute(text("SELECT 1 FROM listings WHERE id = :id FOR UPDATE"), {"id": listing_id})
        yield
        transaction.rollback()
    finally:
        connection.close()
        engine.dispose()


@pytest.mark.postgres
def test_a_server_killed_mid_write_does_not_hold_up_the_next_sync(postgresql_server, tmp_path, secrets):
    server = postgresql_server
    seller = desk_on(server, tmp_path / "desk", "demo-seller", secrets)
    try:
        seller.sync()
        listing = own_listings(seller)[0]
        edit(seller, listing["id"], stock=88)
        with listing_row_locked(server, listing["id"]):
            pushing, _ = in_background(seller.sync)
            wait_until(lambda: op_states(seller.folder)[-1][1] == "sent", what="the change in flight")
            time.sleep(0.5)  # the server is inside the write, waiting for the row
            server.process.send_signal(signal.SIGKILL)  # and dies there
            server.process.wait()
        pushing.join(60)
        server.start()
        started = time.monotonic()
        result = SyncEngine(seller.session.api, seller.cache, seller.outbox).run("demo-seller")
        assert time.monotonic() - started < 20
        assert result.pushed == 1 and result.verified
        assert server.listing(listing["id"])["stock"] == 88
    finally:
        seller.close()


@pytest.mark.postgres
def test_a_change_still_in_flight_waits_while_the_rest_of_the_sync_goes_on(postgresql_server, tmp_path, secrets):
    import hashlib

    import psycopg
    from sqlalchemy.engine import make_url

    server = postgresql_server
    seller = desk_on(server, tmp_path / "desk", "demo-seller", secrets)
    try:
        seller.sync()
        busy, other = own_listings(seller)[:2]
        edit(seller, busy["id"], stock=91)
        edit(seller, other["id"], stock=92)
        key = next(op.idempotency_key for op in seller.outbox.ops() if op.listing_id == busy["id"])
        user_id = seller.session.user["id"]
        lock = int.from_bytes(hashlib.sha256(f"{user_id}:{key}".encode()).digest()[:8], "big", signed=True)
        url = make_url(server.database_url).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(url) as holder:  # another copy of that request is in flight
            holder.execute("SELECT pg_advisory_lock(%s)", (lock,))
            result = seller.sync()
            assert (result.pushed, result.later) == (1, 1)
            assert result.verified, "the pull did not run"
            assert server.listing(other["id"])["stock"] == 92
        result = seller.sync()
        assert result.pushed == 1 and server.listing(busy["id"])["stock"] == 91
    finally:
        seller.close()


@pytest.mark.postgres
def test_a_kill_between_the_answer_and_the_cache_never_makes_the_next_edit_a_conflict(postgresql_server, tmp_path,
                                                                                       secrets):
    server = postgresql_server
    folder = tmp_path / "desk"
    seller = desk_on(server, folder, "demo-seller", secrets)
    seller.sync()
    listing = own_listings(seller)[0]
    edit(seller, listing["id"], stock=55)
    seller.close()
    command = [sys.executable, "-m", "app", "sync", "--data-dir", str(folder), "--server", server.url,
               "--user", "demo-seller"]
    cache_lock = sqlite3.connect(folder / "cache.sqlite", timeout=30, isolation_level=None)
    with listing_row_locked(server, listing["id"]):
        process = subprocess.Popen(command, env=subprocess_env(GEMDESK_PASSWORD=PASSWORD), cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: op_states(folder)[-1][1] == "sent", what="the change in flight")
        cache_lock.execute("BEGIN EXCLUSIVE")  # the cache cannot take the answer...
    # ...which the outbox now records: the sync is killed there, before the cache has it.
    wait_until(lambda: op_states(folder)[-1][1] == "done", what="the server's answer")
    process.send_signal(signal.SIGKILL)
    process.wait()
    cache_lock.execute("ROLLBACK")
    cache_lock.close()

    workspace = Workspace(folder, secrets)  # GeM Desk opens again
    try:
        shown = my_listing(workspace.cache, workspace.outbox, listing["id"])
        assert (shown.fields["stock"], shown.version) == (55, listing["version"] + 1), "the view fell behind the server"
        save_listing(workspace.cache, workspace.outbox, {**shown.fields, "stock": 56}, listing_id=listing["id"])
        workspace.sign_in(server.url, "demo-seller", PASSWORD)
        result = workspace.sync()
        assert (result.conflicts, result.pushed) == (0, 1), "the seller's edit conflicted with their own earlier one"
        assert server.listing(listing["id"])["stock"] == 56
    finally:
        workspace.close()


# -- every interleaving of save, claim, send, answer and kill ---------------------------------


def test_random_interleavings_of_saves_and_pushes_lose_nothing(device, server):
    from hypothesis import HealthCheck, settings
    from hypothesis import strategies as st
    from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

    seller = device("demo-seller")
    seller.sync()
    listings = [l["id"] for l in own_listings(seller)[:2]]
    folder, api = seller.folder, seller.session.api
    counter = iter(range(1000, 10**6))

    class Desk(RuleBasedStateMachine):
        """One desk: the seller saves; the sync claims, sends and records, one change at a
        time; the process may be killed at any point (its memory lost, its files kept)."""

        def __init__(self) -> None:
            super().__init__()
            self.cache, self.outbox = Cache(folder), Outbox(folder)
            self.engine = SyncEngine(api, self.cache, self.outbox)
            self.engine.run("demo-seller")
            self.expected = {lid: self.server_stock(lid) for lid in listings}
            self.start_versions = {lid: self.cache.listing(lid)["version"] for lid in listings}
            self.claimed = None  # a change this process claimed and has not recorded yet
            self.answer = None  # what the server said to it, not yet recorded

        @staticmethod
        def server_stock(listing_id: str) -> int:
            return server.listing(listing_id)["stock"]

        @rule(which=st.sampled_from([0, 1]))
        def save(self, which: int) -> None:
            listing_id = listings[which]
            stock = next(counter)
            current = my_listing(self.cache, self.outbox, listing_id)
            save_listing(self.cache, self.outbox, {**current.fields, "stock": stock}, listing_id=listing_id)
            self.expected[listing_id] = stock

        @precondition(lambda self: self.claimed is None)
        @rule()
        def claim(self) -> None:
            self.claimed = self.outbox.claim_next((), self.engine._cached_version)

        @precondition(lambda self: self.claimed is not None and self.answer is None)
        @rule()
        def send(self) -> None:
            from app.api import ApiError

            try:
                self.answer = self.engine._send(self.claimed)
            except ApiError as error:
                self.answer = error

        @precondition(lambda self: self.answer is not None)
        @rule()
        def record(self) -> None:
            from app.sync import SyncResult

            self.engine.record(self.claimed, self.answer, SyncResult())
            self.claimed = self.answer = None

        @rule()
        def kill(self) -> None:
            self.cache.close(), self.outbox.close()
            self.cache, self.outbox = Cache(folder), Outbox(folder)
            self.outbox.settle(self.cache)  # what GeM Desk does when it opens
            self.engine = SyncEngine(api, self.cache, self.outbox)
            self.claimed = self.answer = None

        @precondition(lambda self: self.claimed is None)
        @rule()
        def sync(self) -> None:
            self.engine.run("demo-seller")

        @invariant()
        def the_seller_sees_what_they_saved(self) -> None:
            for listing_id, stock in self.expected.items():
                assert my_listing(self.cache, self.outbox, listing_id).fields["stock"] == stock

        def teardown(self) -> None:
            self.claimed = self.answer = None
            self.engine.run("demo-seller")
            try:
                assert self.outbox.counts() == {"pending": 0, "conflict": 0, "rejected": 0}
                for listing_id, stock in self.expected.items():
                    assert self.server_stock(listing_id) == stock
                    done = [op for op in self.outbox.ops(("done",)) if op.listing_id == listing_id
                            and op.result_version and op.result_version > self.start_versions[listing_id]]
                    versions = [op.result_version for op in done]
                    # Each change applied once and in order: one version each, consecutive.
                    assert versions == list(range(self.start_versions[listing_id] + 1,
                                                  self.start_versions[listing_id] + 1 + len(versions)))
            finally:
                self.cache.close(), self.outbox.close()

    seller.close()
    run_state_machine_as_test(Desk, settings=settings(max_examples=20, stateful_step_count=14, deadline=None,
                                                      suppress_health_check=list(HealthCheck), derandomize=True))
