"""The server's clockwork: runs the time-driven changes (server/services/orders.py `step`, then
server/services/bids.py `step`; then, in a transaction of its own, server/services/auctions.py
`step`, which closes the auctions past their end) every few seconds while the server is up. Each step is
idempotent, so a missed or doubled tick, or two servers on one database, change nothing twice."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import Callable

from sqlalchemy.orm import Session

from server.db.engine import Database
from server.services import auctions, bids, orders

log = logging.getLogger(__name__)

STEP_EVERY_SECONDS = 10.0


def step(session: Session, now: datetime) -> list[str]:
    """Every time-driven change due at `now`, in one transaction. The orders' go first: they
    lock their orders before their first write (see server/services/orders.py `step`), which
    holds only while nothing else has written in the transaction yet."""
    return orders.step(session, now) + bids.step(session, now)


def run_step(db: Database, clock: Callable[[], datetime]) -> list[str]:
    with db.writing() as session:
        done = step(session, clock())
    # The auctions' close in a transaction of its own: it locks its auctions before its first
    # write, as a bid does (auction row, then the feed counter); after the steps above had
    # written, it would take them the other way round and could deadlock with a bid.
    with db.writing() as session:
        return done + auctions.step(session, clock())


class Stepper:
    """A daemon thread calling `run_step` every `interval` seconds until `stop()`."""

    def __init__(self, db: Database, clock: Callable[[], datetime], interval: float = STEP_EVERY_SECONDS) -> None:
        self._db, self._clock, self._interval = db, clock, interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="gemdesk-server-step", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=self._interval + 5)

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            try:
                for line in run_step(self._db, self._clock):
                    log.info("%s", line)
            except Exception:  # noqa: BLE001 - the next tick tries again; the server stays up
                log.exception("the scheduled step failed")
