"""The Idempotency-Key store: a write sent again after a lost answer gets the same answer.

A key is checked and its answer kept inside the write's own transaction (`write`), so the
write and its stored answer commit together or not at all, and nothing about a key outlives
a request that did not finish: a server process that crashes mid-write leaves no claim
behind, and the client's next attempt goes through at once. While a request holds its key
(a lock of the transaction: on PostgreSQL an advisory lock, which the database drops with a
dead connection; on SQLite the write lock every write transaction takes), another copy of
it gets 409 `request_in_flight` on PostgreSQL, or waits its turn on SQLite, and then the
stored answer. Only successful answers are stored: after an error the key may be sent
again, e.g. with a merged body after a 409 (see docs/api.md). Auction bids, which their
auction's lock already takes one batch at a time, check and keep their keys under that
lock in the bids' own transaction (`already`, `store_many`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import select, text, tuple_
from sqlalchemy.orm import Session

from domain.timefmt import utc_now
from server.db.engine import Database
from server.db.models import IdempotencyRecord
from server.db.trail import canonical_json, sha256_hex
from server.errors import ApiError

MAX_KEY_LENGTH = 100


@dataclass(frozen=True)
class StoredAnswer:
    status: int
    body: Any


def request_hash(method: str, path: str, if_match: int | None, body: Any) -> str:
    return sha256_hex(canonical_json({"method": method, "path": path, "if_match": if_match, "body": body}))


def _in_flight() -> ApiError:
    return ApiError(409, "request_in_flight", "The same request is still being processed. Try again in a moment.")


def _reused() -> ApiError:
    return ApiError(422, "idempotency_key_reused",
                    "This Idempotency-Key was already used for a different request. Send a new key for a new change.")


def _hold(session: Session, user_id: int, key: str) -> None:
    """Hold the key for this transaction; 409 while another transaction holds it."""
    if session.get_bind().dialect.name != "postgresql":
        return  # SQLite: the write transaction's lock already lets one writer in at a time
    digest = hashlib.sha256(f"{user_id}:{key}".encode()).digest()
    lock = int.from_bytes(digest[:8], "big", signed=True)
    if not session.execute(text("SELECT pg_try_advisory_xact_lock(:lock)"), {"lock": lock}).scalar_one():
        raise _in_flight()


def write(db: Database, user_id: int, key: str | None, req_hash: str, status: int,
          change: Callable[[Session], Any]) -> StoredAnswer:
    """Run `change` in a write transaction and answer with its result, keeping that answer
    under `key`; or, for a key already answered, replay the stored answer without running
    it; 422 for a key used for another request. Without a key, just the write."""
    with db.writing() as session:
        if key is not None:
            _hold(session, user_id, key)
            record = session.get(IdempotencyRecord, (user_id, key))
            if record is not None and record.request_hash != req_hash:
                raise _reused()
            if record is not None and record.state == "done":
                return StoredAnswer(record.status_code, record.response)
            if record is not None:  # a claim left by a server from before claims lived in the write's transaction
                session.delete(record)
                session.flush()
        body = change(session)
        if key is not None:
            session.add(IdempotencyRecord(user_id=user_id, key=key, request_hash=req_hash, state="done",
                                          status_code=status, response=body, created_at=utc_now()))
    return StoredAnswer(status, body)


def already(session: Session, user_id: int, key: str, req_hash: str,
            known: dict[tuple[int, str], IdempotencyRecord]) -> StoredAnswer | None:
    """For writes serialised by a lock of their own (auction bids: server/services/auctions.py
    `take_bids`), which claim no key beforehand: the stored answer to replay, if `known` (the
    records of the batch's keys, read under that lock) has one; 422 for a key used for another
    request, 409 for one another kind of write is still using."""
    record = known.get((user_id, key))
    if record is None:
        return None
    if record.request_hash != req_hash:
        raise _reused()
    if record.state != "done":
        raise _in_flight()
    return StoredAnswer(record.status_code, record.response)


def records(session: Session, keys: set[tuple[int, str]]) -> dict[tuple[int, str], IdempotencyRecord]:
    if not keys:
        return {}
    rows = session.scalars(select(IdempotencyRecord).where(tuple_(IdempotencyRecord.user_id, IdempotencyRecord.key)
                                                           .in_(sorted(keys))))
    return {(row.user_id, row.key): row for row in rows}


def store_many(session: Session, done: list[tuple[int, str, str, int, Any]]) -> None:
    """Keep the answers of several writes that claimed no key beforehand (user id, key, request
    hash, status, body), in the writes' own transaction."""
    now = utc_now()
    session.add_all([IdempotencyRecord(user_id=user_id, key=key, request_hash=req_hash, state="done",
                                       status_code=status, response=body, created_at=now)
                     for user_id, key, req_hash, status, body in done])
