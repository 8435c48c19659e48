"""The sync engine: push the outbox, pull the feed, check the counts.

One `run()` is one full sync, safe to stop at any instant (cancel, crash, SIGKILL):
- push: queued changes in order, each with its Idempotency-Key (marked `sent` before it
  goes, so a resend after a crash is replayed by the server, never applied twice). A stale
  version (409) is merged field by field when the server's change and ours touch
  different fields; when both changed the same field differently the op waits as a
  conflict for the user. A refusal (422, 403, 404, not editable) is kept with its reason.
- pull: feed pages, each applied with its cursor in one transaction (app/cache.py). A
  "resync required" (410) drops the cached listings and pulls from the start; a corrupt
  cache is rebuilt the same way. The outbox is never touched by either.
- check: the server's count of what this user sees against the cache's.

Progress goes to a callback (called on the sync's own thread; a GUI forwards it with a
signal). Cancel by setting the `threading.Event` given to the engine.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable

from app.api import ApiClient, ApiError, Offline, SessionExpired
from app.cache import Cache, is_corruption
from app.outbox import Op, Outbox, editable
from app.procurement import Procurement
from domain.timefmt import iso_utc, utc_now

log = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 1000
MAX_REBASES = 3


class Cancelled(Exception):
    """The sync was asked to stop; everything done so far is kept."""


@dataclass(frozen=True)
class Progress:
    phase: str  # push | pull | check
    done: int
    total: int | None
    message: str


@dataclass
class SyncResult:
    pushed: int = 0
    merged: int = 0
    conflicts: int = 0
    rejected: int = 0
    upserts: int = 0
    deletes: int = 0
    resynced: bool = False
    rebuilt_cache: bool = False
    cache_count: int = 0
    server_count: int | None = None
    pending: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return self.server_count is not None and self.server_count == self.cache_count


class SyncEngine:
    def __init__(
        self,
        api: ApiClient,
        cache: Cache,
        outbox: Outbox,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        on_progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.api = api
        self.cache = cache
        self.outbox = outbox
        self.page_size = page_size
        self.on_progress = on_progress or (lambda progress: None)
        self.cancel = cancel or threading.Event()

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()

    def _report(self, phase: str, done: int, total: int | None, message: str) -> None:
        self.on_progress(Progress(phase, done, total, message))

    def run(self, username: str) -> SyncResult:
        result = SyncResult()
        try:
            self._adopt_cache(username, result)
            self.cache.set_categories(self.api.categories())
            self.push(result)
            self.pull(result)
            self.check(result)
        except Exception as error:
            if not is_corruption(error):
                raise
            # The cache broke under us: rebuild it from the server (the outbox is elsewhere).
            log.warning("the cache is corrupt (%s); rebuilding it", error)
            self.cache.rebuild()
            result.rebuilt_cache = True
            self._adopt_cache(username, result)
            self.cache.set_categories(self.api.categories())
            self.pull(result)
            self.check(result)
        result.pending = self.outbox.counts()["pending"] + Procurement(self.outbox).waiting()
        self.cache.set_state({"last_sync_at": iso_utc(utc_now())})
        return result

    def _adopt_cache(self, username: str, result: SyncResult) -> None:
        if self.cache.adopt(f"{username}@{self.api.base}"):
            result.notes.append("The cache belonged to another user or server; it was emptied and filled again.")

    # -- push -------------------------------------------------------------------------------

    def push(self, result: SyncResult) -> None:
        ops = list(self.outbox.sendable())
        for done, op in enumerate(ops):
            self._check_cancel()
            self._report("push", done, len(ops), f"Sending your change {done + 1} of {len(ops)}")
            self._push_one(op, result)
        buying = Procurement(self.outbox)
        if any(True for _ in buying.sendable()):
            self._report("push", len(ops), len(ops), "Sending your bids, approvals and offers")
            buying.push(self.api)
        counts = self.outbox.counts()
        result.conflicts = counts["conflict"]
        result.rejected = counts["rejected"] + len(buying.requests(("rejected",)))

    def _base_version(self, op: Op) -> int | None:
        if op.base_version is not None or op.kind == "create":
            return op.base_version
        previous = self.outbox.previous_result_version(op)
        if previous is not None:
            return previous
        cached = self.cache.listing(op.listing_id)
        return cached["version"] if cached else None

    def _push_one(self, op: Op, result: SyncResult) -> None:
        for _ in range(MAX_REBASES + 1):
            version = self._base_version(op)
            if op.kind != "create" and version is None:
                self.outbox.mark_rejected(op, "not_found", "This listing is not in your catalogue any more.", {})
                return
            self.outbox.mark_sending(op, version)
            try:
                if op.kind == "create":
                    answer = self.api.create_listing(op.listing_id, op.body(), op.idempotency_key)
                elif op.kind == "update":
                    answer = self.api.update_listing(op.listing_id, version, op.body(), op.idempotency_key)
                else:
                    answer = self.api.retire_listing(op.listing_id, version, op.idempotency_key)
            except ApiError as error:
                if isinstance(error, SessionExpired) or error.status in (401, 429) or error.status >= 500:
                    raise
                if error.code == "request_in_flight":
                    raise  # the same key is still being processed: try again at the next sync
                current = error.detail("current")
                if error.status == 409 and error.code == "version_conflict" and isinstance(current, dict):
                    op = self._after_conflict(op, current, result)
                    if op is None:
                        return
                    continue
                self.outbox.mark_rejected(op, error.code, error.message, error.fields)
                return
            self.outbox.mark_done(op, answer["version"])
            self.cache.store_listing(answer)
            result.pushed += 1
            return

    def _after_conflict(self, op: Op, current: dict[str, Any], result: SyncResult) -> Op | None:
        """Merge with the server's newer copy; the op to send next, or None when settled."""
        self.cache.store_listing(current)
        if op.kind == "retire":
            if current["status"] == "retired":
                self.outbox.mark_done(op, current["version"])
                return None
            self.outbox.rebase(op, {}, current)  # retiring does not depend on the fields
            return self.outbox.get(op.seq)
        base = op.base or {}
        theirs = editable(current)
        still_mine = {name: value for name, value in op.fields.items() if theirs.get(name) != value}
        clashes = [name for name in still_mine if name in base and theirs.get(name) != base.get(name)]
        if op.kind == "create" or clashes:
            self.outbox.mark_conflict(op, current)
            return None
        result.merged += 1
        if not still_mine and not op.submit:
            self.outbox.mark_done(op, current["version"])  # the server already has our values
            return None
        self.outbox.rebase(op, still_mine, current)
        return self.outbox.get(op.seq)

    # -- pull -------------------------------------------------------------------------------

    def pull(self, result: SyncResult) -> None:
        """Page through the feed. The next page is fetched while this one is written, so the
        server's work and the cache's overlap (the next cursor is known before the write)."""
        cursor = self.cache.state("cursor")
        total = self.api.count()["listings"] if cursor is None else None
        received = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="feed") as fetcher:
            upcoming = fetcher.submit(self.api.changes, cursor, self.page_size)
            while True:
                self._check_cancel()
                try:
                    page = upcoming.result()
                except ApiError as error:
                    if error.status != 410:
                        raise
                    log.info("the server asks for a full resync: %s", error.message)
                    self.cache.reset_listings()
                    result.resynced = True
                    cursor, received = None, 0
                    total = self.api.count()["listings"]
                    upcoming = fetcher.submit(self.api.changes, cursor, self.page_size)
                    continue
                cursor = page["next_cursor"]
                if page["has_more"]:
                    upcoming = fetcher.submit(self.api.changes, cursor, self.page_size)
                applied = self.cache.apply_page(page["changes"], page["sellers"], {"cursor": cursor})
                result.upserts += applied.upserts
                result.deletes += applied.deletes
                received += len(page["changes"])
                self._report("pull", received, total, f"Received {received:,} changes")
                if not page["has_more"]:
                    return

    # -- check ------------------------------------------------------------------------------

    def check(self, result: SyncResult) -> None:
        """Compare counts; a difference may be a change made meanwhile, so pull once more."""
        for attempt in range(2):
            self._check_cancel()
            server = self.api.count()["listings"]
            result.server_count, result.cache_count = server, self.cache.count()
            self._report("check", result.cache_count, None, f"{result.cache_count:,} listings here, {server:,} on the server")
            if result.verified or attempt:
                break
            self.pull(result)
        if not result.verified:
            result.notes.append(
                f"The cache holds {result.cache_count:,} listings but the server counts {result.server_count:,}; "
                "the next sync will look again."
            )


__all__ = ["Cancelled", "Offline", "Progress", "SessionExpired", "SyncEngine", "SyncResult"]
