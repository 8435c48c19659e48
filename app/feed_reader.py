"""Reading the feed ahead: the next pages download on a thread of their own while the sync
writes this one into the cache (no Qt: a plain thread and a bounded queue).

At most `depth` pages wait in the queue (memory stays bounded: a page of 1,000 listings is
a few MB as Python objects); the reader blocks when the writer falls behind. An error while
fetching (offline, 410, a refused cursor) is handed to the writer in the page's place and
ends the reader. Cancel: the writer stops waiting at once when the sync's cancel event is
set; the reader stops before its next request and its thread ends when the request in
flight does (it is a daemon, so it never holds up the process's exit).
"""

from __future__ import annotations

import queue
import threading
from typing import Any, Callable

_POLL = 0.1  # how often a waiting side looks at the stop and cancel events (seconds)


class FeedReader:
    def __init__(self, fetch: Callable[[str | None], dict[str, Any]], cursor: str | None, *, depth: int = 2,
                 cancel: threading.Event | None = None, cancelled: Callable[[], BaseException] | None = None) -> None:
        self._fetch = fetch
        self._cursor = cursor
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._cancel = cancel or threading.Event()
        self._cancelled = cancelled or (lambda: RuntimeError("cancelled"))
        self._thread = threading.Thread(target=self._run, name="feed-reader", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        cursor = self._cursor
        try:
            while not self._stop.is_set():
                page = self._fetch(cursor)
                self._put(("page", page))
                if not page["has_more"]:
                    return
                cursor = page["next_cursor"]
        except BaseException as error:  # noqa: BLE001 - handed to the writer, raised there
            self._put(("error", error))

    def _put(self, item: tuple[str, Any]) -> None:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=_POLL)
                return
            except queue.Full:
                continue

    def next_page(self) -> dict[str, Any]:
        """The next page in feed order; raises what the fetch raised, or the cancel."""
        while True:
            if self._cancel.is_set():
                raise self._cancelled()
            try:
                kind, value = self._queue.get(timeout=_POLL)
            except queue.Empty:
                if not self._thread.is_alive() and self._queue.empty():
                    raise RuntimeError("the feed reader stopped without a page") from None
                continue
            if kind == "error":
                raise value
            return value

    def close(self) -> None:
        self._stop.set()
        while True:  # let a reader blocked on a full queue see the stop
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._thread.join(timeout=_POLL * 5)

    def __enter__(self) -> "FeedReader":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
