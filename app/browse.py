"""The catalogue as a table shows it: a search's matches as an ordered list of row ids,
streamed in chunks, and the few columns a table row needs, fetched by id when a row is shown.

A table of a million listings cannot load a million rows. Instead one query yields the
matching rowids in the requested order (about 8 bytes a listing in memory); the first small
chunk arrives in milliseconds, so the first screen shows at once while the rest streams in.
Row contents are read a block at a time by rowid when the view needs them. Sorting and
filtering are SQL (app/cache.py `search_statement`), never done in Python.

A search can be interrupted from another thread (the user typed the next letter): the
running SQLite statement stops at once and the stream ends. Qt-free; the desktop's table
model (app/ui/catalogue_model.py) wraps it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from array import array
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Sequence

from app.cache import Cache, SearchFilters
from app.models import CachedListing
from app.storage import CacheDamaged, problem_of

log = logging.getLogger(__name__)
_L = CachedListing.__table__

FIRST_CHUNK = 256  # enough for the first screen, small enough to arrive at once
CHUNK = 50_000

ROW_COLUMNS = ("rowid", "id", "title", "brand", "model", "price_paise", "mrp_paise", "stock", "seller_class",
               "mii_class", "status", "category_id")


@dataclass(frozen=True)
class CatalogueRequest:
    """What the user asked the catalogue for."""

    text: str = ""
    filters: SearchFilters = field(default_factory=SearchFilters)
    order: str = "feed"  # a key of app.cache.SORTABLE
    descending: bool = False


class Interrupted(Exception):
    """The search was superseded before it finished."""


class CatalogueSearch:
    """Runs catalogue searches on the cache, each interruptible from another thread."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache
        self._lock = threading.Lock()
        self._running: sqlite3.Connection | None = None

    def rowids(self, request: CatalogueRequest, superseded: Callable[[], bool] = lambda: False,
               first: int = FIRST_CHUNK, chunk: int = CHUNK) -> Iterator[array]:
        """The matching rowids in order: a small first chunk, then large ones. Raises
        Interrupted once `superseded()` is true (checked between chunks; `interrupt()` stops
        a statement that is still running)."""
        statement = self.cache.search_statement(request.text, request.filters, request.order, request.descending)
        compiled = statement.with_only_columns(_L.c.rowid).compile(
            dialect=self.cache.engine.dialect, compile_kwargs={"render_postcompile": True})
        params = [compiled.params[name] for name in compiled.positiontup]
        # The raw driver: SQLAlchemy's row objects would cost more than the query itself for
        # a million single integers.
        connection = self.cache.engine.raw_connection()
        try:
            with self._lock:
                self._running = connection.driver_connection
            cursor = connection.cursor()
            try:
                if superseded():
                    raise Interrupted()
                cursor.execute(str(compiled), params)
                size = first
                while rows := cursor.fetchmany(size):
                    if superseded():
                        raise Interrupted()
                    yield array("q", (row[0] for row in rows))
                    size = chunk
            except sqlite3.Error as error:
                if superseded() and isinstance(error, sqlite3.OperationalError):
                    raise Interrupted() from None
                raise problem_of(error, self.cache.path, CacheDamaged) or error from error
            finally:
                cursor.close()
        finally:
            with self._lock:
                self._running = None
            connection.close()  # back to the pool

    def interrupt(self) -> None:
        """Stop the statement running now, if any (safe from any thread)."""
        with self._lock:
            if self._running is not None:
                self._running.interrupt()

    def rows(self, rowids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """{rowid: the table's columns} for these rows (a row removed meanwhile is missing).
        Raw SQL: this runs on the GUI thread as rows scroll into view, and SQLAlchemy's
        statement building costs more than the lookup itself."""
        if not rowids:
            return {}
        sql = f"SELECT {', '.join(ROW_COLUMNS)} FROM listings WHERE rowid IN ({', '.join('?' * len(rowids))})"
        connection = self.cache.engine.raw_connection()
        try:
            cursor = connection.cursor()
            found = cursor.execute(sql, list(rowids)).fetchall()
            cursor.close()
        except sqlite3.Error as error:
            raise problem_of(error, self.cache.path, CacheDamaged) or error from error
        finally:
            connection.close()
        return {row[0]: dict(zip(ROW_COLUMNS, row)) for row in found}
