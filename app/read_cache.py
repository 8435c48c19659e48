"""Reads that stay readable offline: the last answer of each read the desktop makes of the
marketplace (the bids list, a bid's details, orders), kept in the local cache file.

`ReadCache.fetch(key, fetch)` asks the marketplace first. When the marketplace cannot be
reached (no network, server down, no session yet after an offline start, a 5xx or 429),
it answers with the stored copy and says so (`live=False`, with the time the copy was
fetched). A refusal is never hidden behind a copy: a 403, 404 or 410 is raised, and the
copy is dropped, so what the user may no longer see does not come back offline.

Rows are keyed by owner ("user@server", the same as the cache's owner) and key: one
user's reads are never shown to another, and signing in as someone else drops the
previous user's rows. Like the rest of the cache the copies are rebuildable: losing them
loses nothing that the next read does not bring back. Qt-free.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Callable

from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.account import PasswordNeeded
from app.api import ApiError, Offline, SessionExpired
from app.cache import Cache
from app.models.cache import CachedRead
from domain.timefmt import iso_utc, parse_iso, utc_now

# The keys of the buying cycle's reads, in one place: a sync stores the lists, the pages read them.
BIDS_KEY = "bids"
ORDERS_KEY = "orders"


def bid_key(bid_id: str) -> str:
    """A bid's details: the bid, its timeline, its evaluation and technical offers when shown."""
    return f"bid:{bid_id}"


def order_history_key(order_id: str) -> str:
    return f"order-history:{order_id}"


# What the marketplace says to "you may not see this (any more)": the copy goes too.
REFUSALS = frozenset({403, 404, 410})
# Answers that say nothing about the read itself: the server is busy or failing.
UNAVAILABLE = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Cached:
    """A read's answer and where it came from."""

    data: Any
    fetched_at: datetime  # UTC: when the marketplace sent this answer
    live: bool  # True: just read from the marketplace; False: the stored copy
    problem: str = ""  # when not live: why the marketplace was not heard (a sentence)


def unreachable(error: BaseException) -> bool:
    """Whether `error` means "the marketplace cannot answer now" rather than "no"."""
    if isinstance(error, (Offline, PasswordNeeded)):
        return True  # PasswordNeeded: no session yet (an offline start), the same user
    return isinstance(error, ApiError) and not isinstance(error, SessionExpired) and error.status in UNAVAILABLE


class ReadCache:
    """One desktop's stored reads. `owner()` names the user whose reads these are ("user@server"),
    or None when nobody is signed in or remembered (then nothing is stored or shown)."""

    def __init__(self, cache: Cache, owner: Callable[[], str | None]) -> None:
        self._cache = cache
        self._owner = owner
        self._prepared: Engine | None = None

    def _engine(self) -> Engine:
        # A cache file made before this table existed gets it here (the cache's schema
        # version need not move for a table that is only added); a rebuilt file has it.
        engine = self._cache.engine
        if engine is not self._prepared:
            CachedRead.__table__.create(engine, checkfirst=True)
            self._prepared = engine
        return engine

    def _writing(self):
        self._engine()
        return self._cache.write_transaction()

    # -- the one call most code needs ---------------------------------------------------------

    def fetch(self, key: str, fetch: Callable[[], Any]) -> Cached:
        """`fetch()`'s answer, stored under `key`; the stored copy when the marketplace cannot
        be reached. Raises what `fetch()` raised when there is no copy, and always on a refusal."""
        try:
            data = fetch()
        except Exception as error:
            if isinstance(error, ApiError) and error.status in REFUSALS:
                self.forget(key)
                raise
            if not unreachable(error):
                raise
            copy = self.stored(key)
            if copy is None:
                raise
            return replace(copy, problem=str(error))
        return self.put(key, data)

    # -- the parts -------------------------------------------------------------------------------

    def stored(self, key: str) -> Cached | None:
        """The stored copy of `key` for the current user, without asking the marketplace."""
        owner = self._owner()
        if owner is None:
            return None
        with self._engine().connect() as conn:
            row = conn.execute(select(CachedRead.body, CachedRead.fetched_at)
                               .where(CachedRead.owner == owner, CachedRead.key == key)).first()
        if row is None:
            return None
        return Cached(json.loads(row.body), parse_iso(row.fetched_at), live=False)

    def put(self, key: str, data: Any) -> Cached:
        """Keep `data` as the current user's answer to `key` (fetched now)."""
        fetched_at = utc_now()
        owner = self._owner()
        if owner is not None:
            row = {"owner": owner, "key": key, "body": json.dumps(data, ensure_ascii=False),
                   "fetched_at": iso_utc(fetched_at)}
            statement = sqlite_insert(CachedRead).values(row)
            newer = {"body": statement.excluded.body, "fetched_at": statement.excluded.fetched_at}
            # Two reads of one key may finish in either order (a sync's and a window's): the
            # copy kept is the latest answer. The times are all one ISO format: text order is time order.
            statement = statement.on_conflict_do_update(index_elements=["owner", "key"], set_=newer,
                                                        where=statement.excluded.fetched_at >= CachedRead.fetched_at)
            with self._writing() as conn:
                conn.execute(statement)
        return Cached(data, fetched_at, live=True)

    def forget(self, key: str) -> None:
        owner = self._owner()
        if owner is not None:
            with self._writing() as conn:
                conn.execute(delete(CachedRead).where(CachedRead.owner == owner, CachedRead.key == key))

    def adopt(self, owner: str) -> None:
        """`owner` signs in on this computer: every other user's stored reads go."""
        with self._writing() as conn:
            conn.execute(delete(CachedRead).where(CachedRead.owner != owner))
