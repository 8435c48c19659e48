"""Waking the live auction streams the moment an auction's event log grows, and reading the
log once for all of them.

The event log in the database is the truth (server/services/auctions.py); a stream sends it
after the last seq it sent. This module says *when* to read again, and reads:
- a write that adds auction events calls `changed(session, auction_id)`; when the
  transaction commits, the streams of this process waiting on that auction wake;
- on PostgreSQL the same write sends `NOTIFY auction_events, '<auction id>'` (delivered at
  commit, never for a rolled-back write), and each server process keeps one connection
  LISTENing while it has streams open, so streams on every process behind the database wake;
- the streams of one auction in one process share a `Tail`: on each wake-up it reads the
  log after the last seq it holds, once, and every stream takes what follows its own
  position from it (a stream behind what the tail holds reads the database itself), so 500
  followers cost one query per commit, not 500;
- the tail reads at most every 0.1 s, so the commits of a busy auction reach its streams
  together rather than one write to every stream per commit;
- the tail also re-reads every few seconds on its own, so a notification lost while the
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
from typing import Any, Callable, Sequence

from sqlalchemy import event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

CHANNEL = "auction_events"
_CHANGED = "auction_live.changed"  # session.info key: auction ids this transaction added events to


def changed(session: Session, auction_id: str) -> None:
    """Wake the streams following this auction once the transaction commits."""
    session.info.setdefault(_CHANGED, set()).add(auction_id)


@event.listens_for(Session, "before_commit")
def _notify(session: Session) -> None:
    # Sent last, so the transaction's writes go in one flush (a statement before them would
    # flush what is pending early); PostgreSQL delivers it at the commit, never on a rollback.
    ids = session.info.get(_CHANGED)
    if ids and session.get_bind().dialect.name == "postgresql":
        for auction_id in sorted(ids):
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


class Tail:
    """One auction's log beyond the positions of this process's streams following it, read
    after the last seq held whenever the log may have grown. Lives on one event loop (the
    server's), so it needs no lock; the read itself runs on a worker thread."""

    def __init__(self, auction_id: str, after: int, read: Callable[[str, int], Sequence[Any]],
                 database_url: str | None, reread_seconds: float) -> None:
        self.auction_id = auction_id
        self.first = after + 1  # the seq of rows[0]
        self.rows: list[Any] = []  # consecutive seqs from `first`, each with .seq
        self._read, self._database_url, self._reread = read, database_url, reread_seconds
        self._positions: dict[int, int] = {}  # stream -> the last seq it has sent
        self._next_stream = 0
        self._wake = asyncio.Event()
        self._news = asyncio.Event()
        self._token: tuple | None = None
        self._task: asyncio.Task | None = None

    @property
    def last_seq(self) -> int:
        return self.first + len(self.rows) - 1

    def join(self, position: int) -> int:
        stream = self._next_stream
        self._next_stream += 1
        self._positions[stream] = position
        if self._task is None:
            self._token = HUB.subscribe(self.auction_id, self._wake, self._database_url)
            self._wake.set()  # read once at once: an event may have committed before we subscribed
            self._task = asyncio.get_running_loop().create_task(self._follow())
        return stream

    def leave(self, stream: int) -> None:
        self._positions.pop(stream, None)
        self._trim()

    def after(self, stream: int, position: int) -> list[Any] | None:
        """What the tail holds after `position` (the stream has sent up to there); None when
        the stream is behind the tail's start and must read the database itself."""
        self._positions[stream] = position
        self._trim()
        if position < self.first - 1:
            return None
        return self.rows[position - self.first + 1:]

    async def wait(self, position: int, timeout: float) -> bool:
        """Until the tail holds something after `position` (True) or `timeout` passes (False)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self.last_seq <= position:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                return False
            try:
                await asyncio.wait_for(self._news.wait(), timeout=left)
            except asyncio.TimeoutError:
                return False
        return True

    def _trim(self) -> None:
        """Drop what every stream has sent (a tail's memory is what its slowest stream lacks)."""
        if not self._positions:
            return
        done = min(self._positions.values()) - self.first + 1
        if done > 0:
            del self.rows[:done]
            self.first += done

    async def _follow(self) -> None:
        try:
            while self._positions:
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=self._reread)
                except asyncio.TimeoutError:
                    pass
                self._wake.clear()
                if not self._positions:
                    break
                try:
                    rows = await asyncio.get_running_loop().run_in_executor(
                        None, self._read, self.auction_id, self.last_seq)
                except Exception:  # noqa: BLE001 - the next wake-up or re-read tries again
                    log.warning("reading auction %s's log failed", self.auction_id, exc_info=True)
                    await asyncio.sleep(1.0)
                    continue
                if rows and rows[0].seq == self.last_seq + 1:
                    self.rows.extend(rows)
                    news, self._news = self._news, asyncio.Event()
                    news.set()
                    if len(rows) >= PAGE_GUESS:
                        self._wake.set()  # a full page: there may be more
                    # Commits that come meanwhile are read together: a busy auction's streams
                    # are written to at most this often, not once per commit each.
                    await asyncio.sleep(COALESCE_SECONDS)
        finally:
            HUB.unsubscribe(self.auction_id, self._token)
            _TAILS.pop((asyncio.get_running_loop(), self.auction_id), None)


PAGE_GUESS = 1000  # a read as large as this may have left more behind (auctions.EVENTS_PAGE)
COALESCE_SECONDS = 0.1
_TAILS: dict[tuple[asyncio.AbstractEventLoop, str], Tail] = {}


def tail_for(auction_id: str, after: int, read: Callable[[str, int], Sequence[Any]], database_url: str | None,
             reread_seconds: float) -> Tail:
    """The tail this process's streams of `auction_id` share (made for the first of them)."""
    key = (asyncio.get_running_loop(), auction_id)
    tail = _TAILS.get(key)
    if tail is None or (tail._task is not None and tail._task.done()):
        tail = _TAILS[key] = Tail(auction_id, after, read, database_url, reread_seconds)
    return tail
