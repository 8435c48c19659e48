"""The commit race, tested: writers commit in parallel (some slowly, holding their feed
position open) while readers page the feed; afterwards each reader's copy must equal the
database exactly, having seen positions strictly increasing and no version twice.

If positions were handed out when a write starts (a sequence, a timestamp), a slow writer's
row could land behind a reader's cursor and be lost; this test would then find the copy
short of the database.
"""

from __future__ import annotations

import random
import threading
import time
import uuid

from sqlalchemy import select

from domain.listing import BUYER_VISIBLE
from server.db.models import Listing, User
from server.errors import ApiError
from server.services import feed
from server.services import listings as rules
from server.services.caller import Caller
from tests.server.conftest import build_world, listing_body

WRITE_SECONDS = 2.5


def _caller(db, username: str) -> Caller:
    with db.reading() as session:
        user = session.scalar(select(User).where(User.username == username))
        return Caller(user.id, user.username, user.role, user.buyer_org_id, user.seller_firm_id)


class Reader(threading.Thread):
    def __init__(self, db, caller: Caller, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.db, self.caller, self.stop = db, caller, stop
        self.held: dict[str, int] = {}
        self.seqs: list[int] = []
        self.seen: set[tuple[str, int]] = set()
        self.problems: list[str] = []
        self.cursor: str | None = None
        self.pages = 0

    def page(self) -> bool:
        with self.db.reading() as session:
            answer = feed.read_page(session, self.caller, self.cursor, 37, feed.Filters(), self.db.dialect)
        self.pages += 1
        for change in answer["changes"]:
            if self.seqs and change["seq"] <= self.seqs[-1]:
                self.problems.append(f"seq {change['seq']} after {self.seqs[-1]}")
            self.seqs.append(change["seq"])
            if change["op"] == "upsert":
                listing = change["listing"]
                key = (listing["id"], listing["version"])
                if key in self.seen:
                    self.problems.append(f"{key} twice")
                if self.held.get(listing["id"], 0) >= listing["version"]:
                    self.problems.append(f"{key} went backwards")
                self.seen.add(key)
                self.held[listing["id"]] = listing["version"]
            else:
                self.held.pop(change["id"], None)
        self.cursor = answer["next_cursor"]
        return answer["has_more"]

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                if not self.page():
                    time.sleep(0.002)
        except Exception as error:  # noqa: BLE001 - reported by the test
            self.problems.append(f"reader crashed: {error!r}")

    def catch_up(self) -> None:
        while self.page():
            pass


class Writer(threading.Thread):
    def __init__(self, db, caller: Caller, category_id: int, shared: list[str], seed: int, deadline: float) -> None:
        super().__init__(daemon=True)
        self.db, self.caller, self.category_id, self.shared = db, caller, category_id, shared
        self.rng = random.Random(seed)
        self.deadline = deadline
        self.mine: list[str] = []
        self.errors: list[str] = []
        self.commits = 0

    def _transaction(self, change) -> None:
        session = self.db.write_session()
        try:
            with session.begin():
                change(session)
                if self.rng.random() < 0.3:
                    # Hold the feed position (taken at flush) open for a while before commit.
                    time.sleep(self.rng.uniform(0.002, 0.02))
            self.commits += 1
        except ApiError as error:
            if error.code not in ("version_conflict", "not_editable"):
                self.errors.append(f"{error.code}: {error.message}")
        finally:
            session.close()

    def _current_version(self, session, listing_id: str) -> int:
        return session.scalar(select(Listing.version).where(Listing.id == listing_id))

    def run(self) -> None:
        try:
            while time.monotonic() < self.deadline:
                roll = self.rng.random()
                if roll < 0.35 or not self.mine:
                    listing_id = str(uuid.uuid4())
                    submit = self.rng.random() < 0.8
                    body = listing_body(self.category_id, submit=submit, stock=self.rng.randint(0, 5))
                    self._transaction(lambda s: rules.create_listing(s, self.caller, listing_id, body))
                    self.mine.append(listing_id)
                    if self.rng.random() < 0.3:
                        self.shared.append(listing_id)
                else:
                    pool = self.shared if roll < 0.5 and self.shared else self.mine
                    listing_id = self.rng.choice(pool)
                    if roll > 0.92:
                        self._transaction(lambda s: rules.retire_listing(s, self.caller, listing_id, self._current_version(s, listing_id)))
                    else:
                        body = {"stock": self.rng.randint(0, 9), "price_paise": self.rng.randint(1_000_00, 80_000_00)}
                        if self.rng.random() < 0.2:
                            body["submit"] = True
                        self._transaction(
                            lambda s: rules.update_listing(s, self.caller, listing_id, self._current_version(s, listing_id), body)
                        )
        except Exception as error:  # noqa: BLE001 - reported by the test
            self.errors.append(f"writer crashed: {error!r}")


def test_concurrent_writers_and_feed_readers_agree(db):
    ids = build_world(db)
    sellers = [_caller(db, name) for name in ("seller-a", "seller-a2", "seller-a", "seller-a2")]
    buyer, owner = _caller(db, "buyer"), _caller(db, "seller-a")
    stop = threading.Event()
    readers = [Reader(db, buyer, stop), Reader(db, owner, stop)]
    deadline = time.monotonic() + WRITE_SECONDS
    shared: list[str] = []
    writers = [Writer(db, caller, ids["laptops"], shared, seed, deadline) for seed, caller in enumerate(sellers)]
    for thread in readers + writers:
        thread.start()
    for writer in writers:
        writer.join(timeout=60)
    stop.set()
    for reader in readers:
        reader.join(timeout=30)
        reader.catch_up()

    assert not [e for w in writers for e in w.errors]
    assert sum(w.commits for w in writers) > 50, "too few writes to mean anything"
    with db.reading() as session:
        rows = session.execute(select(Listing.id, Listing.version, Listing.status, Listing.seller_firm_id)).all()
    expected_buyer = {r.id: r.version for r in rows if r.status in BUYER_VISIBLE}
    expected_owner = {r.id: r.version for r in rows if r.status in BUYER_VISIBLE or r.seller_firm_id == owner.seller_firm_id}
    for reader, expected in zip(readers, (expected_buyer, expected_owner)):
        assert reader.problems == []
        assert reader.pages > 5
        assert reader.held == expected
