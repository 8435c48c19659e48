"""The change feed: what changed since a cursor, as the caller may see it.

Rows are read in `listings.feed_seq` order. Positions are handed out in commit order
(server/db/trail.py), so every position at or below the committed `feed_state.last_seq` is
settled: a page may safely advance the cursor up to it, even past positions whose rows have
since moved on to a newer position.

A row the caller may see (and that matches the filters) is an `upsert`. A row it may not see
is a `delete` if the caller may have seen it before: a buyer may have seen anything that was
ever published (`published_once`), a seller also every listing of its own firm. Other
firms' unpublished listings never reach a caller, not even as a tombstone. During the first
pull (up to `initial_until`, the last position when it started) tombstones are skipped: the
client has nothing to delete.

Filters narrow what is visible, so a listing that leaves them becomes a tombstone. Without
history we cannot know whether the caller saw it inside the filter, so a filtered caller
may get a `delete` for a listing it never had; deleting nothing is harmless.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any, Sequence

from sqlalchemy import ColumnElement, Text, and_, cast, func, or_, select, true
from sqlalchemy.orm import Session

from domain.listing import BUYER_VISIBLE
from domain.timefmt import iso_utc, utc_now
from server.db.models import FeedState, Listing, SellerFirm
from server.errors import ApiError, bad_request
from server.services.caller import Caller
from server.wire import listing_json, seller_public_json

# A page looks at no more than this many positions per requested row, so a sparse filter
# answers quickly with an empty page (and a cursor further on) instead of scanning the table.
SCAN_FACTOR = 50
MIN_SCAN = 50_000

_BUYER_VISIBLE = sorted(str(s) for s in BUYER_VISIBLE)
_T = Listing.__table__


@dataclass(frozen=True)
class Cursor:
    seq: int
    initial_until: int

    def encode(self) -> str:
        raw = json.dumps({"seq": self.seq, "initial_until": self.initial_until}, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> "Cursor":
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            data = json.loads(raw)
            seq, initial_until = data["seq"], data["initial_until"]
        except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError, RecursionError):
            raise bad_request("The feed cursor is not one this server made. Start again without a cursor.") from None
        for value in (seq, initial_until):
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < 2**62:
                raise bad_request("The feed cursor is not one this server made. Start again without a cursor.")
        return cls(seq, initial_until)


@dataclass(frozen=True)
class Filters:
    categories: tuple[int, ...] = ()
    districts: tuple[str, ...] = ()


def _delivers_to_any(dialect: str, districts: Sequence[str]) -> ColumnElement[bool]:
    # delivery_districts is a JSON array; unnest it in SQL so the filter uses no Python.
    fn = func.json_each if dialect == "sqlite" else func.json_array_elements_text
    places = fn(_T.c.delivery_districts).table_valued("value")
    return select(1).select_from(places).where(places.c.value.in_(list(districts))).exists()


def visible_clause(caller: Caller, filters: Filters, dialect: str) -> ColumnElement[bool]:
    """Rows this caller sees as listings (before tombstones), in SQL."""
    seen = _T.c.status.in_(_BUYER_VISIBLE)
    if caller.firm is not None:
        seen = or_(seen, _T.c.seller_firm_id == caller.firm)
    clauses = [seen]
    if filters.categories:
        clauses.append(_T.c.category_id.in_(filters.categories))
    if filters.districts:
        clauses.append(_delivers_to_any(dialect, filters.districts))
    return and_(*clauses)


def _may_have_seen(caller: Caller) -> ColumnElement[bool]:
    seen = _T.c.published_once == true()
    if caller.firm is not None:
        seen = or_(seen, _T.c.seller_firm_id == caller.firm)
    return seen


def read_page(session: Session, caller: Caller, cursor_text: str | None, limit: int, filters: Filters, dialect: str,
              as_text: bool = False) -> dict[str, Any]:
    """One page of the feed. With `as_text` the listings' JSON fields stay the JSON text the
    database holds (see encode_page): decoding and encoding them again was most of a page's
    cost on the server."""
    state = session.get(FeedState, 1)
    # Read before the page: every position up to here is committed (see module docstring).
    settled = state.last_seq
    if cursor_text:
        cursor = Cursor.decode(cursor_text)
        if cursor.seq < state.horizon_seq:
            raise ApiError(
                410,
                "resync_required",
                "Your copy is older than the changes this server still keeps. Drop the cached listings and pull from the start.",
            )
    else:
        cursor = Cursor(0, settled)
    window_end = min(settled, cursor.seq + max(MIN_SCAN, limit * SCAN_FACTOR))
    visible = visible_clause(caller, filters, dialect)
    wanted = or_(visible, and_(_T.c.feed_seq > cursor.initial_until, _may_have_seen(caller)))
    columns = [cast(c, Text).label(c.name) if as_text and c.name in RAW_JSON else c for c in _T.columns]
    rows = session.execute(
        select(*columns, visible.label("is_visible"))
        .where(_T.c.feed_seq > cursor.seq, _T.c.feed_seq <= window_end, wanted)
        .order_by(_T.c.feed_seq)
        .limit(limit + 1)
    ).mappings().all()
    if len(rows) > limit:
        rows = rows[:limit]
        next_seq, has_more = rows[-1]["feed_seq"], True
    else:
        next_seq, has_more = max(window_end, cursor.seq), window_end < settled
    changes: list[dict[str, Any]] = []
    seller_ids: set[int] = set()
    for row in rows:
        if row["is_visible"]:
            changes.append({"op": "upsert", "seq": row["feed_seq"], "listing": listing_json(row)})
            seller_ids.add(row["seller_firm_id"])
        else:
            changes.append({"op": "delete", "seq": row["feed_seq"], "id": row["id"]})
    sellers = []
    if seller_ids:
        sellers = [
            seller_public_json(firm)
            for firm in session.scalars(select(SellerFirm).where(SellerFirm.id.in_(sorted(seller_ids))).order_by(SellerFirm.id))
        ]
    return {
        "changes": changes,
        "sellers": sellers,
        "next_cursor": Cursor(next_seq, cursor.initial_until).encode(),
        "has_more": has_more,
        "server_time": iso_utc(utc_now()),
    }


def count_visible(session: Session, caller: Caller, filters: Filters, dialect: str) -> dict[str, Any]:
    """How many listings the caller sees, and as of which position (one statement: one snapshot)."""
    last_seq = select(FeedState.last_seq).where(FeedState.id == 1).scalar_subquery()
    row = session.execute(
        select(func.count(), last_seq).select_from(_T).where(visible_clause(caller, filters, dialect))
    ).one()
    return {"listings": row[0], "as_of_seq": row[1]}


# The listing fields the database keeps as JSON, and what an empty one is.
RAW_JSON = {"key_specs": "{}", "other_specs": "{}", "delivery_districts": "[]", "delivery_pincodes": "[]", "images": "[]"}
_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def encode_page(page: dict[str, Any]) -> bytes:
    """The JSON body of a page read with `as_text`: the JSON fields spliced in as the database
    holds them (valid JSON, decoding to what listing_json would have given)."""
    parts = []
    for change in page["changes"]:
        if change["op"] != "upsert":
            parts.append(_encode(change))
            continue
        listing = change["listing"]
        scalars = _encode({k: v for k, v in listing.items() if k not in RAW_JSON})
        raw = "".join(f',"{name}":{listing[name] if listing[name] not in (None, "null") else empty}'
                      for name, empty in RAW_JSON.items())
        parts.append(f'{{"op":"upsert","seq":{int(change["seq"])},"listing":{scalars[:-1]}{raw}}}}}')
    rest = _encode({k: v for k, v in page.items() if k != "changes"})
    return f'{{"changes":[{",".join(parts)}],{rest[1:]}'.encode()
