"""Bids on one auction in this server process, taken a batch at a time.

Every bid on an auction must be checked after the one before it, so the auction's row is
locked for each transaction that takes bids (server/services/auctions.py `take_bids`). Taken
one transaction per bid, a busy auction's bids queue on that lock, each holding a database
connection and a worker thread while it waits, and the auction takes as many bids a second
as it can run transactions one after another. Here the bids that arrive while a transaction
runs wait in this process's line instead; the next of them to be served takes all the bids
waiting and runs one transaction for them (flat combining): the same checks in the same
order, one lock, one commit, however many bids. Each bid still gets its own answer or
refusal; a transaction that fails fails every bid in it (each may be sent again, with its
Idempotency-Key). Other processes on the same database take their own batches one at a
time on the same row lock.

A line lives only while bids wait on it or a batch runs: the last batch to find nobody
waiting removes it, so bids posted to made-up auction ids leave nothing behind.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from server.db.engine import Database
from server.errors import not_found
from server.services.auctions import BidRequest, take_bids
from server.services.text import parse_id


@dataclass
class _Waiting:
    request: BidRequest
    wake: threading.Event = field(default_factory=threading.Event)
    done: bool = False  # taken (answered, refused or failed); woken without it: lead the next batch
    failure: BaseException | None = None


@dataclass
class _Line:
    lock: threading.Lock = field(default_factory=threading.Lock)
    waiting: list[_Waiting] = field(default_factory=list)
    busy: bool = False  # a batch is being taken (or its leader is about to start it)


_LINES: dict[str, _Line] = {}
_LINES_LOCK = threading.Lock()


def take(db: Database, auction_id: str, request: BidRequest) -> tuple[int, dict[str, Any]]:
    """Take one bid (with whatever else is waiting on the same auction here); its status and
    answer, or its refusal raised."""
    auction_id = parse_id(auction_id)
    if auction_id is None:
        raise not_found("There is no such auction, or it is not one you may see.")
    me = _Waiting(request)
    # Joined under the lines' lock, so a line is never removed between finding and joining it.
    with _LINES_LOCK:
        line = _LINES.setdefault(auction_id, _Line())
        with line.lock:
            line.waiting.append(me)
            lead, line.busy = not line.busy, True
    if not lead:
        me.wake.wait()
    if not me.done:
        _take_batch(db, auction_id, line)
    if me.failure is not None:
        raise me.failure
    if request.error is not None:
        raise request.error
    return request.status, request.answer


def _take_batch(db: Database, auction_id: str, line: _Line) -> None:
    with line.lock:
        batch, line.waiting = line.waiting, []
    try:
        with db.writing() as session:
            take_bids(session, auction_id, [waiting.request for waiting in batch])
    except BaseException as failure:  # noqa: BLE001 - every bid of the batch hears of it
        for waiting in batch:
            waiting.failure = failure
    finally:
        with _LINES_LOCK, line.lock:
            successor = line.waiting[0] if line.waiting else None
            line.busy = successor is not None
            if successor is None and _LINES.get(auction_id) is line:
                del _LINES[auction_id]  # nobody waits: the next bid starts a new line
        for waiting in batch:
            waiting.done = True
            waiting.wake.set()
        if successor is not None:
            successor.wake.set()  # not done: it leads the next batch
