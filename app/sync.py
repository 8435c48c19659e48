"""The sync engine: push the outbox, pull the feed, check the counts.

One `run()` is one full sync, safe to stop at any instant (cancel, crash, SIGKILL):
- push: queued changes in order, each claimed as it goes (app/outbox.py: read and marked
  `sent` in one transaction, so what is sent is what the row held then, and a resend after
  a crash carries the same Idempotency-Key, which the server replays, never applies twice).
  The answer is kept with its op until the cache has it. A stale version (409) is merged
  field by field when the server's change and ours touch different fields; when both
  changed the same field differently the op waits as a conflict for the user. A refusal
  (422, 403, 404, not editable) is kept with its reason. A conflict or refusal holds back
  the listing's later changes; a change the server is still processing (a 409
  `request_in_flight`) waits for the next sync with them; the rest go on. A busy or failing
  server (429, 5xx) stops the push, not the pull.
- pull: feed pages, each applied with its cursor in one transaction (app/cache.py). A
  "resync required" (410), or a cursor the server does not know (400), drops the cached
  listings and pulls from the start. The outbox is never touched by either.
- check: the server's count of what this user sees against the cache's.
- damage: a damaged cache is moved aside and refilled; a damaged outbox is recovered
  (app/outbox_recovery.py), never emptied, and never mistaken for the cache.

Progress goes to a callback (called on the sync's own thread; a GUI forwards it with a
signal). Cancel by setting the `threading.Event` given to the engine.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from app import snapshot
from app.api import ApiClient, ApiError, Offline, SessionExpired
from app.cache import BulkFill, Cache
from app.feed_reader import FeedReader
from app.outbox import Op, Outbox, clashing_fields, editable
from app.snapshot import SnapshotDownloader
from app.outbox_recovery import RecoveryReport
from app.procurement import Procurement
from app.storage import CacheDamaged, OutboxDamaged
from domain.timefmt import iso_utc, utc_now

log = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 1000
# A first fill puts the rows that arrived into the FTS index every this many rows, so the
# catalogue can be searched while it fills (None: one FTS build at the end).
FTS_CHUNK = 50_000
# Pages downloaded ahead of the one being written (each a few MB as Python objects).
READ_AHEAD = 2
MAX_REBASES = 3


class Cancelled(Exception):
    """The sync was asked to stop; everything done so far is kept."""


class _Resync(Exception):
    """The server asks an incremental pull to start again from the feed's start (410)."""


@dataclass(frozen=True)
class Progress:
    phase: str  # push | pull | check
    done: int
    total: int | None
    message: str
    # While the catalogue downloads: where from, bytes as they crossed the wire (compressed),
    # bytes per second and seconds left (None while not yet known), and how many listings can
    # already be searched.
    source: str | None = None  # "snapshot" | "feed"
    bytes_received: int | None = None
    bytes_total: int | None = None
    rate: float | None = None
    seconds_left: float | None = None
    searchable: int | None = None


@dataclass(frozen=True)
class Reading:
    bytes: int
    bytes_total: int | None
    rate: float | None
    seconds_left: float | None


class Meter:
    """Rate and time left of a download: bytes per second over the last WINDOW seconds (the
    link's rate changes; a whole-run average lags a dropped link for minutes), the time left
    from the share of the work done (items, or bytes when the total is known in bytes)."""

    WINDOW = 10.0

    def __init__(self, wire_bytes: Callable[[], int], clock: Callable[[], float] = time.monotonic) -> None:
        self._wire, self._clock = wire_bytes, clock
        self._start_bytes = wire_bytes()
        self._samples: list[tuple[float, int]] = [(clock(), 0)]

    def sample(self, done: int, total: int | None, bytes_total: int | None = None) -> Reading:
        now, got = self._clock(), self._wire() - self._start_bytes
        self._samples.append((now, got))
        while len(self._samples) > 2 and now - self._samples[1][0] > self.WINDOW:
            self._samples.pop(0)
        (then, before) = self._samples[0]
        rate = (got - before) / (now - then) if now - then > 0.2 else None
        if bytes_total is None and total and done:
            bytes_total = int(got * total / done)  # the feed: bytes so far scaled by listings so far
        left = None
        if rate and bytes_total is not None:
            left = max(0.0, (bytes_total - got) / rate)
        return Reading(got, bytes_total, rate, left)


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
    later: int = 0  # changes the server was still processing: sent again next time
    push_stopped: ApiError | None = None  # why some changes were not sent (a busy or failing server)
    snapshot: str | None = None  # the catalogue snapshot the first fill loaded, if it took one
    snapshot_bytes: int = 0
    recovery: RecoveryReport | None = None  # the outbox was damaged and recovered during this sync
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
        fts_chunk: int | None = FTS_CHUNK,
        snapshots: SnapshotDownloader | None = None,
    ) -> None:
        self.api = api
        self.cache = cache
        self.outbox = outbox
        self.page_size = page_size
        self.on_progress = on_progress or (lambda progress: None)
        self.cancel = cancel or threading.Event()
        self.fts_chunk = fts_chunk
        self.snapshots = snapshots  # None: the first fill always takes the feed

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise Cancelled()

    def _report(self, phase: str, done: int, total: int | None, message: str) -> None:
        self.on_progress(Progress(phase, done, total, message))

    def run(self, username: str) -> SyncResult:
        """One full sync. Damage to the cache is repaired by refilling it, damage to the outbox
        by recovering it (app/outbox_recovery.py), once each, and the sync goes on."""
        result = SyncResult()
        repaired: set[type] = set()
        while True:
            try:
                self._sync(username, result)
                break
            except CacheDamaged as damage:
                if CacheDamaged in repaired:
                    raise
                repaired.add(CacheDamaged)
                log.warning("the cache is damaged (%s); refilling it from the server", damage.detail)
                self.cache.rebuild()
                result.rebuilt_cache = True
            except OutboxDamaged as damage:
                if OutboxDamaged in repaired:
                    raise
                repaired.add(OutboxDamaged)
                log.error("the outbox is damaged (%s); recovering it", damage.detail)
                result.recovery = self.outbox.recover()
                result.notes.append(result.recovery.sentence())
        result.pending = self.outbox.counts()["pending"] + Procurement(self.outbox).waiting()
        self.cache.set_state({"last_sync_at": iso_utc(utc_now())})
        return result

    def _sync(self, username: str, result: SyncResult) -> None:
        self.outbox.settle(self.cache)  # answers a crash kept from the cache
        self._adopt_cache(username, result)
        self.cache.set_categories(self.api.categories())
        self.push(result)
        self.pull(result)
        self.check(result)

    def _adopt_cache(self, username: str, result: SyncResult) -> None:
        if self.cache.adopt(f"{username}@{self.api.base}"):
            result.notes.append("The cache belonged to another user or server; it was emptied and filled again.")

    # -- push -------------------------------------------------------------------------------

    def push(self, result: SyncResult) -> None:
        """Send the queued changes, oldest first, each claimed as it goes (app/outbox.py): an
        edit saved meanwhile is sent too, as a change of its own after the one it follows."""
        later: set[str] = set()  # listings whose next change waits for the next sync
        rebases: dict[int, int] = {}
        total = self.outbox.counts()["pending"]
        sent = 0
        while True:
            self._check_cancel()
            op = self.outbox.claim_next(later, self._cached_version)
            if op is None:
                break
            sent += 1
            self._report("push", sent - 1, max(total, sent), f"Sending your change {sent} of {max(total, sent)}")
            stopped = self._push_one(op, result, later, rebases)
            if stopped is not None:
                result.push_stopped = stopped
                break
        buying = Procurement(self.outbox)
        if result.push_stopped is None and buying.waiting():
            self._report("push", sent, sent, "Sending your bids, approvals and offers")
            pushed = buying.push(self.api)
            result.later += pushed.later
            result.push_stopped = pushed.stopped
        counts = self.outbox.counts()
        result.conflicts = counts["conflict"]
        result.rejected = counts["rejected"] + len(buying.requests(("rejected",)))
        if result.push_stopped is not None:
            result.notes.append(f"Some of your changes were not sent ({result.push_stopped.message}); "
                                "they go with the next sync.")

    def _cached_version(self, listing_id: str) -> int | None:
        cached = self.cache.listing(listing_id)
        return cached["version"] if cached else None

    def _send(self, op: Op) -> dict[str, Any]:
        if op.kind == "create":
            return self.api.create_listing(op.listing_id, op.body(), op.idempotency_key)
        if op.kind == "update":
            return self.api.update_listing(op.listing_id, op.base_version, op.body(), op.idempotency_key)
        return self.api.retire_listing(op.listing_id, op.base_version, op.idempotency_key)

    def _push_one(self, op: Op, result: SyncResult, later: set[str], rebases: dict[int, int]) -> ApiError | None:
        """Send one claimed change and record what became of it; the error that stops the
        push (a busy or failing server), if any."""
        if op.kind != "create" and op.base_version is None:
            self.outbox.mark_rejected(op, "not_found", "This listing is not in your catalogue any more.", {})
            return None
        try:
            answer: dict[str, Any] | ApiError = self._send(op)
        except ApiError as error:
            answer = error
        return self.record(op, answer, result, later, rebases)

    def record(self, op: Op, answer: dict[str, Any] | ApiError, result: SyncResult, later: set[str] | None = None,
               rebases: dict[int, int] | None = None) -> ApiError | None:
        """What the server answered to a claimed change, kept: done (its answer kept, then
        given to the cache), merged and rebased, a conflict, a refusal, or left for later."""
        later = set() if later is None else later
        rebases = {} if rebases is None else rebases
        if isinstance(answer, ApiError):
            error = answer
            if isinstance(error, SessionExpired) or error.status == 401:
                raise error
            if error.status >= 500 or error.status == 429:
                return error  # sent again with the same key next time
            if error.code == "request_in_flight":
                later.add(op.listing_id)  # the server is still on it: this one later, the rest now
                result.later += 1
                return None
            current = error.detail("current")
            if error.status == 409 and error.code == "version_conflict" and isinstance(current, dict):
                rebases[op.seq] = rebases.get(op.seq, 0) + 1
                self._after_conflict(op, current, result)
                if rebases[op.seq] > MAX_REBASES:
                    later.add(op.listing_id)  # the listing keeps changing under us: next time
                return None
            self.outbox.mark_rejected(op, error.code, error.message, error.fields)
            return None
        self.outbox.record_answer(op, answer)
        self.outbox.settle(self.cache)
        result.pushed += 1
        return None

    def _after_conflict(self, op: Op, current: dict[str, Any], result: SyncResult) -> None:
        """Merge with the server's newer copy: done, a conflict for the user, or rebased on it
        (pending again, so the push claims it next)."""
        self.cache.store_listing(current)
        if op.kind == "retire":
            if current["status"] == "retired":
                self.outbox.mark_done(op, current["version"])
            else:
                self.outbox.rebase(op, {}, current)  # retiring does not depend on the fields
            return
        theirs = editable(current)
        still_mine = {name: value for name, value in op.fields.items() if theirs.get(name) != value}
        if op.kind == "create" or clashing_fields(still_mine, op.base, theirs):
            self.outbox.mark_conflict(op, current)
            return
        result.merged += 1
        if not still_mine and not op.submit:
            self.outbox.mark_done(op, current["version"])  # the server already has our values
            return
        self.outbox.rebase(op, still_mine, current)

    # -- pull -------------------------------------------------------------------------------

    def pull(self, result: SyncResult) -> None:
        """Page through the feed. An empty cache (a first sync, or after a resync) and an
        unfinished fill are filled in bulk (app/cache.py BulkFill); a filled one takes each
        page row by row through its indexes."""
        if self.cache.filling() or self.cache.is_empty():
            self._bulk_pull(result)
            return
        try:
            self._pull_pages(result, self.cache.apply_page, bulk=False)
        except _Resync:
            self.cache.reset_listings()
            result.resynced = True
            self._bulk_pull(result)

    def _bulk_pull(self, result: SyncResult) -> None:
        with self.cache.bulk_fill(fts_chunk=self.fts_chunk) as fill:
            if self.snapshots is not None:
                if self.cache.state("cursor") is None:
                    self._from_snapshot(fill, result)
                elif self.snapshots.pending() is not None:
                    self.snapshots.forget()  # loaded; killed before its files were removed
            self._pull_pages(result, fill.add_listings, bulk=True, fill=fill)

    def _from_snapshot(self, fill: BulkFill, result: SyncResult) -> None:
        """Fill from the catalogue snapshot when it is much smaller to fetch than the feed
        (app/snapshot.py): download (resumable), verify, load; the feed then goes on from its
        position. A download that cannot finish now raises Offline and is resumed next time."""
        snapshots = self.snapshots
        assert snapshots is not None
        pending = snapshots.pending()
        latest = snapshots.manifest()
        if pending is None:
            if latest is None or not self.cache.is_empty():
                return  # no snapshot, or a fill from the feed already under way
            if not snapshot.worth_it(latest, self.api.count()["listings"]):
                return
        latest = latest or pending
        meter = Meter(lambda: snapshots.fetched)
        last = [0.0]

        def downloading(done: int, total: int) -> None:
            if time.monotonic() - last[0] < 0.5 and done < total:
                return  # a report every half second, not every 8 KB
            last[0] = time.monotonic()
            seen = meter.sample(done, total, bytes_total=total)
            self.on_progress(Progress(
                "pull", done, total, f"Downloading the catalogue snapshot: {done / 1e6:,.1f} of {total / 1e6:,.1f} MB",
                source="snapshot", bytes_received=done, bytes_total=total, rate=seen.rate, seconds_left=seen.seconds_left,
                searchable=0))

        def loading(done: int, total: int) -> None:
            self.on_progress(Progress("pull", done, total, f"Loading the catalogue snapshot: {done:,} of {total:,} listings",
                                      source="snapshot", searchable=fill.searchable))

        snapshots.on_bytes = downloading
        try:
            downloaded = snapshots.download(latest)
            result.snapshot_bytes = snapshots.fetched
            added = snapshot.load(downloaded.path, downloaded.manifest, self.cache, fill, on_rows=loading, cancel=self.cancel)
        except snapshot.SnapshotUnusable as error:
            log.warning("the catalogue snapshot cannot be used (%s); taking the feed", error)
            snapshots.forget()
            self.cache.reset_listings()
            return
        result.snapshot = downloaded.manifest["name"]
        result.upserts += added
        snapshots.forget()

    def _pull_pages(self, result: SyncResult, apply: Callable[..., Any], bulk: bool, fill: BulkFill | None = None) -> None:
        """The feed's pages from the cache's cursor, each applied with the cursor after it.
        The next pages download while this one is written (app/feed_reader.py), so the
        server's work, the network and the cache's overlap."""
        cursor = self.cache.state("cursor")
        total = self.api.count()["listings"] if cursor is None else None
        received = 0
        meter = Meter(lambda: self.api.bytes_received)
        while True:
            with FeedReader(lambda at: self.api.changes(at, self.page_size), cursor, depth=READ_AHEAD,
                            cancel=self.cancel, cancelled=Cancelled) as reader:
                try:
                    while True:
                        page = reader.next_page()
                        cursor = page["next_cursor"]
                        applied = apply(page["changes"], page["sellers"], {"cursor": cursor})
                        result.upserts += applied.upserts
                        result.deletes += applied.deletes
                        received += len(page["changes"])
                        self._report_pull(meter, received, total, fill)
                        if not page["has_more"]:
                            return
                except ApiError as error:
                    # 410: older than the tombstone horizon. 400 on a cursor: one this server
                    # did not make (a damaged sync state, or a server set up again).
                    if not (error.status == 410 or (error.status == 400 and cursor is not None)):
                        raise
                    log.info("the server asks for a full resync: %s", error.message)
                    if not bulk:
                        raise _Resync() from error
            self.cache.reset_listings()  # inside a fill: start it again from the feed's start
            result.resynced = True
            cursor, received = None, 0
            total = self.api.count()["listings"]

    def _report_pull(self, meter: Meter, received: int, total: int | None, fill: BulkFill | None) -> None:
        seen = meter.sample(received, total)
        words = f"Received {received:,} changes" + (f" of {total:,}" if total else "")
        self.on_progress(Progress("pull", received, total, words, source="feed", bytes_received=seen.bytes,
                                  bytes_total=seen.bytes_total, rate=seen.rate, seconds_left=seen.seconds_left,
                                  searchable=fill.searchable if fill is not None else None))

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
