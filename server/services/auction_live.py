"""Waking the live auction streams the moment an auction's event log grows.

The event log in the database is the truth (server/services/auctions.py); a stream reads it
after the last seq it sent. This module only says *when* to read again:
- a write that adds auction events calls `changed(session, auction_id)`; when the
  transaction commits, the streams of this process waiting on that auction wake;
- on PostgreSQL the same write sends `NOTIFY auction_events, '<auction id>'` (delivered at
  commit, never for a rolled-back write), and each server process keeps one connection
  LISTENing while it has streams open, so streams on every process behind the database wake;
- a stream also re-reads every few seconds on its own, so a notification lost while the
  listening connection reconnects delays an event but never loses it.

Why LISTEN/NOTIFY and not a broker: the database that orders the bids is already there and
NOTIFY is transactional (sent with the commit, in commit order), so no second system can
disagree with the log. Why not process memory alone: several server processes serve one
auction (issue 5).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time

from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

CHANNEL = "auction_events"
_CHANGED = "auction_live.changed"  # session.info key: auction ids this transaction added events to


def changed(session: Session, auction_id: str) -> None:
    """Wake the streams following this auction once the transaction commits."""
    ids = session.info.setdefault(_CHANGED, set())
    if auction_id in ids:
        return
    ids.add(auction_id)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_notify(CHANNEL, auction_id)))


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    for auction_id in session.info.pop(_CHANGED, ()):
        HUB.wake(auction_id)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_CHANGED, None)


class Wakeups:
    """This process's streams waiting on each auction, and (PostgreSQL) the listener per
    database that wakes them for commits made by other processes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Event]]] = {}
        self._listeners: dict[str, _Listener] = {}

    def subscribe(self, auction_id: str, wake: asyncio.Event, database_url: str | None) -> tuple:
        """Set `wake` whenever the auction's log may have grown; `database_url` of a PostgreSQL
        database to hear other processes' commits too (None: this process's only)."""
        token = (asyncio.get_running_loop(), wake)
        with self._lock:
            self._waiting.setdefault(auction_id, set()).add(token)
            if database_url is not None and database_url not in self._listeners:
                listener = _Listener(self, database_url)
                self._listeners[database_url] = listener
                listener.start()
        return token

    def unsubscribe(self, auction_id: str, token: tuple) -> None:
        with self._lock:
            waiting = self._waiting.get(auction_id)
            if waiting is not None:
                waiting.discard(token)
                if not waiting:
                    del self._waiting[auction_id]

    def wake(self, auction_id: str) -> None:
        with self._lock:
            tokens = list(self._waiting.get(auction_id, ()))
        for loop, wake in tokens:
            try:
                loop.call_soon_threadsafe(wake.set)
            except RuntimeError:  # its loop has closed: the stream is gone
                pass

    def _listener_may_stop(self, database_url: str) -> bool:
        """With nobody waiting, the listener stops (under the lock, so a new subscriber either
        finds it running or starts a new one)."""
        with self._lock:
            if self._waiting:
                return False
            self._listeners.pop(database_url, None)
            return True


class _Listener(threading.Thread):
    """One LISTENing connection to a PostgreSQL database, while this process has streams open."""

    def __init__(self, hub: Wakeups, database_url: str) -> None:
        super().__init__(name="gemdesk-auction-listen", daemon=True)
        self._hub, self._url = hub, database_url
        self._conninfo = make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)

    def run(self) -> None:
        import psycopg

        while not self._hub._listener_may_stop(self._url):
            try:
                with psycopg.connect(self._conninfo, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._hub._listener_may_stop(self._url):
                        for notice in conn.notifies(timeout=0.5):
                            self._hub.wake(notice.payload)
                    return
            except Exception:  # noqa: BLE001 - the streams re-read on their own meanwhile
                log.warning("the auction listener lost its connection; retrying", exc_info=True)
                time.sleep(1.0)


HUB = Wakeups()
