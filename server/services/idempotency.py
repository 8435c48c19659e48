"""The Idempotency-Key store: a write sent again after a lost answer gets the same answer.

`begin` claims the key in its own short transaction (so a second copy of the request sees
it as in flight); `finish` stores the answer in the write's own transaction, so the write
and its stored answer commit together or not at all. Auction bids, which their auction's
lock already takes one batch at a time, skip the claim: `already` and `store_many` read and
keep their answers under that lock, in the bids' own transaction. Only successful answers are stored:
after an error the key is released and may be sent again, e.g. with a merged body after a
409 (see docs/api.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, select, tuple_
from sqlalchemy.exc import IntegrityError
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


def begin(db: Database, user_id: int, key: str, req_hash: str, stale_after: timedelta) -> StoredAnswer | None:
    """Claim `key` for this request; or the stored answer to replay; or raise 422 / 409."""
    for _attempt in range(2):
        try:
            with db.writing() as session:
                return _claim(session, user_id, key, req_hash, stale_after)
        except IntegrityError:
            continue  # another copy inserted the key at the same moment: look again
    raise ApiError(409, "request_in_flight", "The same request is still being processed. Try again in a moment.")


def _claim(session: Session, user_id: int, key: str, req_hash: str, stale_after: timedelta) -> StoredAnswer | None:
    now = utc_now()
    record = session.get(IdempotencyRecord, (user_id, key), with_for_update=True)
    if record is None:
        session.add(IdempotencyRecord(user_id=user_id, key=key, request_hash=req_hash, state="in_flight", created_at=now))
        session.flush()
        return None
    if record.request_hash != req_hash:
        raise ApiError(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was already used for a different request. Send a new key for a new change.",
        )
    if record.state == "done":
        return StoredAnswer(record.status_code, record.response)
    if now - record.created_at > stale_after:
        record.created_at = now  # the request that claimed it died: this one takes over
        return None
    raise ApiError(409, "request_in_flight", "The same request is still being processed. Try again in a moment.")


def finish(session: Session, user_id: int, key: str, status: int, body: Any) -> None:
    record = session.get(IdempotencyRecord, (user_id, key))
    record.state = "done"
    record.status_code = status
    record.response = body


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
        raise ApiError(422, "idempotency_key_reused",
                       "This Idempotency-Key was already used for a different request. Send a new key for a new change.")
    if record.state != "done":
        raise ApiError(409, "request_in_flight", "The same request is still being processed. Try again in a moment.")
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


def release(db: Database, user_id: int, key: str) -> None:
    with db.writing() as session:
        session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key, IdempotencyRecord.state == "in_flight"
            )
        )
